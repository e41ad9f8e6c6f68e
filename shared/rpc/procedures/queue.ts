import { z } from 'zod';
import { ANY_ROLE } from '../../domain/roles';
import { viewDefinitionSchema, type QueueView, type SearchKind, type UserView } from '../../domain/views';
import { procedure } from '../define';
import type { CasePage } from '../dto';
import { none } from './common';

const cursor = z.string().max(200).nullable().default(null);
const limit = z.number().int().min(1).max(200).default(50);
const viewId = z.string().min(1).max(64);

/** Queue preferences a staff member keeps across sessions and machines. */
export const QUEUE_PREFERENCE_KEYS = ['queue.columns'] as const;

/** What `queue.columns` holds: the shown columns in order and their widths in px. */
export const queueColumnsPreferenceSchema = z
  .object({
    order: z.array(z.string().min(1).max(40)).max(30),
    hidden: z.array(z.string().min(1).max(40)).max(30),
    widths: z.record(z.string().max(40), z.number().int().min(40).max(1200)),
  })
  .strict();
export type QueueColumnsPreference = z.infer<typeof queueColumnsPreferenceSchema>;

/**
 * The queue beyond `cases.list`/`cases.count` (which page and count the saved views): every
 * count at once, the search box, the user's own views and column preferences.
 */
export const queueProcedures = {
  'queue.counts': procedure<Record<QueueView, number>>().query(none, ANY_ROLE),
  'queue.search': procedure<CasePage & { kind: SearchKind }>().query(
    z.object({ text: z.string().trim().min(1).max(100), cursor, limit }).strict(),
    ANY_ROLE,
  ),
  'queue.views.list': procedure<UserView[]>().query(none, ANY_ROLE),
  'queue.views.create': procedure<UserView>().mutation(viewDefinitionSchema, ANY_ROLE),
  'queue.views.update': procedure<UserView>().mutation(
    z.object({ id: viewId, definition: viewDefinitionSchema }).strict(),
    ANY_ROLE,
  ),
  'queue.views.delete': procedure<{ deleted: true }>().mutation(z.object({ id: viewId }).strict(), ANY_ROLE),
  'queue.views.page': procedure<CasePage>().query(z.object({ id: viewId, cursor, limit }).strict(), ANY_ROLE),
  /** Counts stop above 10,000: `count` is then 10,001 and `capped` true. */
  'queue.views.count': procedure<{ count: number; capped: boolean }>().query(
    z.object({ id: viewId }).strict(),
    ANY_ROLE,
  ),
  'queue.preferences.get': procedure<{ columns: QueueColumnsPreference | null }>().query(none, ANY_ROLE),
  'queue.preferences.setColumns': procedure<{ saved: true }>().mutation(
    queueColumnsPreferenceSchema,
    ANY_ROLE,
  ),
} as const;
