/**
 * Saved queue views. Each maps to one indexed query in the store (main/store/queue.ts);
 * the handler-workspace issue adds more views and user-made ones.
 */
export const QUEUE_VIEWS = ['all', 'open', 'mine', 'unassigned', 'closed'] as const;
export type QueueView = (typeof QUEUE_VIEWS)[number];
