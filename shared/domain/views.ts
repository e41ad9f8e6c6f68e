import { z } from 'zod';
import { CHANNELS } from './channel';
import { CASE_STATUSES } from './status';

/**
 * Saved queue views. Each maps to one indexed query in the store (main/store/queue.ts), and
 * tests/integration/queue/query-plans.test.ts asserts the plan. The order is the tab order
 * (and the 1–9 keys of the queue).
 */
export const QUEUE_VIEWS = [
  'mine',
  'unassigned',
  'due_today',
  'overdue',
  'carrier_overdue',
  'awaiting_callback',
  'mediating',
  'closed_this_month',
  'open',
  'all',
  'closed',
] as const;
export type QueueView = (typeof QUEUE_VIEWS)[number];

/** Columns a user view may sort on (the queue's shown columns), mapped to SQL in the store. */
export const SORT_COLUMNS = [
  'receivedAt',
  'caseNo',
  'status',
  'channel',
  'carrierId',
  'waybillNo',
  'category',
  'assigneeId',
  'priority',
] as const;
export type SortColumn = (typeof SORT_COLUMNS)[number];

/** The state of a case's next running clock (case_deadlines), as a filter. */
export const CLOCK_FILTERS = ['overdue', 'due_today', 'running', 'none_running'] as const;
export type ClockFilter = (typeof CLOCK_FILTERS)[number];

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'validation.date');
const codes = z.array(z.string().min(1).max(40)).max(50).optional();

/** A user-made view: every filter is optional; several values of one filter mean "any of". */
export const viewFiltersSchema = z
  .object({
    status: z.array(z.enum(CASE_STATUSES)).max(CASE_STATUSES.length).optional(),
    carrierId: codes,
    category: codes,
    /** Origin or destination province. */
    province: codes,
    channel: z.array(z.enum(CHANNELS)).max(CHANNELS.length).optional(),
    /** A staff id, `me` (whoever looks at the view) or `none` (unassigned). */
    assignee: z.string().min(1).max(64).optional(),
    clock: z.enum(CLOCK_FILTERS).optional(),
    receivedFrom: isoDate.optional(),
    receivedTo: isoDate.optional(),
  })
  .strict();
export type ViewFilters = z.infer<typeof viewFiltersSchema>;

export const viewSortSchema = z
  .object({ column: z.enum(SORT_COLUMNS), direction: z.enum(['asc', 'desc']) })
  .strict();
export type ViewSort = z.infer<typeof viewSortSchema>;

export const viewDefinitionSchema = z
  .object({
    name: z.string().trim().min(1, 'validation.required').max(40),
    filters: viewFiltersSchema,
    sort: viewSortSchema,
  })
  .strict();
export type ViewDefinition = z.infer<typeof viewDefinitionSchema>;

export interface UserView extends ViewDefinition {
  id: string;
  createdAt: number;
  updatedAt: number;
}

/** Searches too short for the trigram index look only at this many most recently registered cases. */
export const SHORT_SEARCH_WINDOW = 20_000;

/** How the search box understood its text, so the screen can say what it searched. */
export type SearchKind = 'text' | 'short_text' | 'number' | 'case_no';
