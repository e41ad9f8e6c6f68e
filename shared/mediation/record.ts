import type { Attendee, MediationOutcome, Proposer, SessionMode } from './codes';

/** A person named in the record (personal data: shown masked, disclosed only by an audited export). */
export interface MediationPerson {
  readonly name: string;
  readonly phone: string | null;
}

/**
 * The whole mediation record of one case as the sync server keeps it (inside its copy of the
 * case, under the case's row lock and version). `version` counts the record's changes: every
 * `reviseMediation.v1` names the version its screen showed, exactly as the workstation's
 * `mediations.version` does.
 */
export interface MediationRecord {
  readonly version: number;
  readonly facts: string;
  readonly appellantPosition: string;
  readonly carrierPosition: string;
  readonly representatives: {
    readonly appellant: MediationPerson | null;
    readonly carrier: MediationPerson | null;
  };
  readonly sessions: readonly {
    readonly id: string;
    readonly heldAt: number;
    readonly mode: SessionMode;
    readonly attendees: readonly Attendee[];
    readonly notes: string;
    readonly recordedBy: string;
    readonly recordedAt: number;
  }[];
  readonly proposals: readonly {
    readonly id: string;
    readonly by: Proposer;
    readonly terms: string;
    readonly amountFen: number | null;
    readonly recordedBy: string;
    readonly recordedAt: number;
  }[];
  readonly opinion: { readonly text: string; readonly issuedAt: number; readonly issuedBy: string } | null;
  readonly agreement: { readonly terms: string; readonly amountFen: number; readonly at: number } | null;
  readonly outcome: {
    readonly outcome: MediationOutcome;
    readonly note: string | null;
    readonly at: number;
    readonly by: string;
  } | null;
}
