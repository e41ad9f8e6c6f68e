import type { CaseListItem } from '../rpc/dto';
import type { ContactOutcome, LinkReason, PiiField } from './schemas';

export interface CaseNote {
  id: string;
  body: string;
  authorId: string;
  authorName: string | null;
  createdAt: number;
}

export interface ContactEntry {
  id: string;
  calledAt: number;
  outcome: ContactOutcome;
  nextAttemptAt: number | null;
  note: string | null;
  staffId: string;
  staffName: string | null;
}

export interface CaseLinkView {
  caseId: string;
  caseNo: string;
  reason: LinkReason;
  linkedAt: number;
}

/** Everything the drawer's casework sections show, in one read. */
export interface CaseworkView {
  assigneeId: string | null;
  assigneeName: string | null;
  notes: CaseNote[];
  contacts: ContactEntry[];
  tags: string[];
  links: CaseLinkView[];
  /** Whether the session may reveal this case's personal data (the store checks again). */
  mayReveal: boolean;
}

export interface Revealed {
  field: PiiField;
  value: string | null;
}

export interface DuplicateCandidate extends CaseListItem {
  matchedOn: ('waybill' | 'phone')[];
  linked: boolean;
}

/** A case of a bulk action the store refused, with the reason as an i18n key. */
export interface BulkRefusal {
  caseId: string;
  applied: false;
  key: string;
  params: Record<string, string | number>;
}

export type BulkOutcome = { caseId: string; applied: true } | BulkRefusal;
