import { create } from 'zustand';

export const SECTIONS = [
  'queue',
  'deadlines',
  'escalations',
  'mediation',
  'statistics',
  'rules',
  'settings',
] as const;
export type Section = (typeof SECTIONS)[number];

/** Which screen is shown and which app-wide dialogs are open (UI state, not server state). */
interface ShellState {
  section: Section;
  intakeOpen: boolean;
  shortcutsOpen: boolean;
  go(section: Section): void;
  setIntakeOpen(open: boolean): void;
  setShortcutsOpen(open: boolean): void;
}

export const useShell = create<ShellState>()((set) => ({
  section: 'queue',
  intakeOpen: false,
  shortcutsOpen: false,
  go: (section) => set({ section }),
  setIntakeOpen: (intakeOpen) => set({ intakeOpen }),
  setShortcutsOpen: (shortcutsOpen) => set({ shortcutsOpen }),
}));
