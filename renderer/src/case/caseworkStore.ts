import { create } from 'zustand';
import type { TransitionName } from '../../../shared/lifecycle';

/**
 * The handler workspace's UI state: which transition form or staff picker is open, and an amount
 * the compensation calculator offers to the carrier-reply and close forms (fen, never persisted).
 */
interface CaseworkState {
  form: TransitionName | null;
  assignFor: string[] | null;
  prefillFen: number | null;
  openForm(name: TransitionName): void;
  closeForm(): void;
  openAssign(caseIds: string[]): void;
  closeAssign(): void;
  setPrefill(fen: number | null): void;
}

export const useCasework = create<CaseworkState>()((set) => ({
  form: null,
  assignFor: null,
  prefillFen: null,
  openForm: (form) => set({ form }),
  closeForm: () => set({ form: null }),
  openAssign: (assignFor) => set({ assignFor }),
  closeAssign: () => set({ assignFor: null }),
  setPrefill: (prefillFen) => set({ prefillFen }),
}));
