import { create } from 'zustand';
import type { QueueView } from '../../../shared/domain/views';

/**
 * The queue's UI state. Selection is by case id, not row index, so it survives refetches that
 * insert rows above it.
 */
interface QueueState {
  view: QueueView;
  selectedId: string | null;
  /** The case shown in the drawer. */
  openId: string | null;
  setView(view: QueueView): void;
  select(id: string | null): void;
  open(id: string): void;
  close(): void;
}

export const useQueue = create<QueueState>()((set) => ({
  view: 'all',
  selectedId: null,
  openId: null,
  setView: (view) => set({ view, selectedId: null }),
  select: (selectedId) => set({ selectedId }),
  open: (id) => set({ selectedId: id, openId: id }),
  close: () => set({ openId: null }),
}));
