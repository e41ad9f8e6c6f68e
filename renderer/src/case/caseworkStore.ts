import { create } from 'zustand';
import type { TransitionName } from '../../../shared/lifecycle';

/**
 * The handler workspace's UI state: which transition form or staff picker is open, and an amount
 * the compensation calculator offers to the carrier-reply and close forms (fen, never persisted).
 */
/** The drawer's case, the queue's current row, or the queue's selection: each mounts its own picker. */
export type AssignSource = 'case' | 'queue' | 'bulk';

interface CaseworkState {
  form: TransitionName | null;
  assignFor: { caseIds: string[]; source: AssignSource } | null;
  prefillFen: number | null;
  openForm(name: TransitionName): void;
  closeForm(): void;
  openAssign(caseIds: string[], source: AssignSource): void;
  closeAssign(): void;
  setPrefill(fen: number | null): void;
}

export const useCasework = create<CaseworkState>()((set) => ({
  form: null,
  assignFor: null,
  prefillFen: null,
  openForm: (form) => set({ form }),
  closeForm: () => set({ form: null }),
  openAssign: (caseIds, source) => set({ assignFor: { caseIds, source } }),
  closeAssign: () => set({ assignFor: null }),
  setPrefill: (prefillFen) => set({ prefillFen }),
}));
