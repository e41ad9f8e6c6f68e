import { create } from 'zustand';
import type { Notice } from '../../../shared/notify/dto';

/** The bell keeps this many recent notices; older ones are in the escalations view and the queue. */
const KEEP = 30;

interface NoticeState {
  notices: Notice[];
  unread: number;
  add(notice: Notice): void;
  markRead(): void;
}

/** Notices received in this window since it opened (UI state: main keeps the inbox). */
export const useNotices = create<NoticeState>()((set) => ({
  notices: [],
  unread: 0,
  add: (notice) => set((s) => ({ notices: [notice, ...s.notices].slice(0, KEEP), unread: s.unread + 1 })),
  markRead: () => set({ unread: 0 }),
}));
