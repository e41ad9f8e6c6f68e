import { z } from 'zod';
import { ANY_ROLE } from '../../domain/roles';
import { procedure } from '../define';
import type { AppInfo, DemoStatus, ReferenceData, Session } from '../dto';
import { none } from './common';

/** The app, the session, reference data and the first-start demo data. */
export const appProcedures = {
  'app.info': procedure<AppInfo>().query(none, ANY_ROLE),
  'session.get': procedure<Session>().query(none, ANY_ROLE),
  'session.setLocale': procedure<Session>().mutation(
    z.object({ locale: z.enum(['zh-CN', 'en']) }).strict(),
    ANY_ROLE,
  ),
  'reference.get': procedure<ReferenceData>().query(none, ANY_ROLE),
  'demo.status': procedure<DemoStatus>().query(none, ANY_ROLE),
  'demo.load': procedure<{ written: number }>().mutation(
    z.object({ cases: z.number().int().min(1).max(200_000) }).strict(),
    ['admin', 'team_lead'],
  ),
} as const;
