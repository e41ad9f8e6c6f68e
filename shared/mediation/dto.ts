import type { Attendee, MediationOutcome, Proposer, SessionMode, Side } from './codes';

/** A person on one side, masked in the workspace (PIPL Art.51); clear only in the audited export. */
export interface PersonView {
  name: string;
  phone: string | null;
}

export interface SessionView {
  id: string;
  heldAt: number;
  mode: SessionMode;
  attendees: Attendee[];
  notes: string;
  recordedByName: string | null;
  recordedAt: number;
}

export interface ProposalView {
  id: string;
  by: Proposer;
  terms: string;
  amountFen: number | null;
  recordedAt: number;
}

/** The mediation record of a case as the workspace shows it. */
export interface MediationView {
  caseId: string;
  caseNo: string;
  carrierId: string;
  outlet: string | null;
  /** 0 until the first change; every change names the version it saw. */
  version: number;
  /** The case is in mediation, no outcome is recorded yet, and the session holds the case (or leads it). */
  mayEdit: boolean;
  /** Whether the session may export the record with the parties' personal data. */
  mayExport: boolean;
  appellant: PersonView;
  representatives: Record<Side, PersonView | null>;
  facts: string;
  positions: Record<Side, string>;
  sessions: SessionView[];
  proposals: ProposalView[];
  opinion: { text: string; issuedAt: number; issuedByName: string | null } | null;
  agreement: { terms: string; amountFen: number; recordedAt: number } | null;
  outcome: { outcome: MediationOutcome; note: string | null; recordedAt: number } | null;
}

/** What the printed record (调解记录 / 调解书) shows: clear personal data, names of staff, no ids. */
export interface MediationDocument {
  caseNo: string;
  carrierName: string;
  outlet: string | null;
  appellant: PersonView;
  representatives: Record<Side, PersonView | null>;
  mediatorName: string;
  facts: string;
  positions: Record<Side, string>;
  sessions: Omit<SessionView, 'id' | 'recordedAt'>[];
  proposals: Omit<ProposalView, 'id'>[];
  opinion: { text: string; issuedAt: number } | null;
  agreement: { terms: string; amountFen: number } | null;
  outcome: MediationOutcome | null;
  printedAt: number;
}

export interface PdfFile {
  fileName: string;
  base64: string;
}
