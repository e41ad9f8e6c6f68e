import { create } from 'zustand';

/** Whether the sync details panel is open (the status bar opens it; global shortcuts pause meanwhile). */
export const useSyncPanel = create<{ open: boolean; setOpen(open: boolean): void }>()((set) => ({
  open: false,
  setOpen: (open) => set({ open }),
}));
