import { create } from 'zustand';
import type { QueueView } from '../../../shared/domain/views';

/** What the grid shows: a saved view, one of the user's own views, or search results. */
export type QueueSource =
  { kind: 'view'; view: QueueView } | { kind: 'user'; id: string } | { kind: 'search'; text: string };

/**
 * The queue's UI state. Selection is by case id, not row index, so it survives refetches that
 * insert rows above it.
 */
interface QueueState {
  view: QueueView;
  /** A user view shown instead of the saved view. */
  userViewId: string | null;
  /** Search results shown instead of any view. */
  search: string | null;
  selectedId: string | null;
  /** Cases ticked for a bulk action (Space or Ctrl+click), by id; cleared when the view changes. */
  checked: readonly string[];
  /** The case shown in the drawer. */
  openId: string | null;
  setView(view: QueueView): void;
  setUserView(id: string): void;
  setSearch(text: string | null): void;
  select(id: string | null): void;
  toggleChecked(id: string): void;
  clearChecked(): void;
  open(id: string): void;
  close(): void;
}

export const useQueue = create<QueueState>()((set) => ({
  view: 'all',
  userViewId: null,
  search: null,
  selectedId: null,
  checked: [],
  openId: null,
  setView: (view) => set({ view, userViewId: null, search: null, selectedId: null, checked: [] }),
  setUserView: (userViewId) => set({ userViewId, search: null, selectedId: null, checked: [] }),
  setSearch: (search) => set({ search, selectedId: null, checked: [] }),
  select: (selectedId) => set({ selectedId }),
  toggleChecked: (id) =>
    set((s) => ({
      checked: s.checked.includes(id) ? s.checked.filter((c) => c !== id) : [...s.checked, id],
    })),
  clearChecked: () => set({ checked: [] }),
  open: (id) => set({ selectedId: id, openId: id }),
  close: () => set({ openId: null }),
}));

export function sourceOf(s: Pick<QueueState, 'view' | 'userViewId' | 'search'>): QueueSource {
  if (s.search !== null) return { kind: 'search', text: s.search };
  if (s.userViewId !== null) return { kind: 'user', id: s.userViewId };
  return { kind: 'view', view: s.view };
}
