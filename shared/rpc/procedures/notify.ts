import { z } from 'zod';
import { ANY_ROLE } from '../../domain/roles';
import type { NotifySettings } from '../../notify/dto';
import { procedure } from '../define';
import { none } from './common';

/** The signed-in user's notification settings: quiet mode. */
export const notifyProcedures = {
  'notify.settings': procedure<NotifySettings>().query(none, ANY_ROLE),
  'notify.setQuiet': procedure<NotifySettings>().mutation(
    z.object({ quiet: z.boolean() }).strict(),
    ANY_ROLE,
  ),
} as const;
