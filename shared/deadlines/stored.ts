import type { RuleProfile } from './profile-schema';

/** One version of a rule profile as the administrator's screens and the CLI list it. */
export interface ProfileVersion {
  id: string;
  version: number;
  name: RuleProfile['name'];
  /** Shipped with the app (version 1 of its id), or stored by an administrator. */
  builtIn: boolean;
  /** Who stored it ('system' for the shipped ones) and when (0 for the shipped ones). */
  author: string;
  createdAt: number;
  /** New cases run under this version. */
  active: boolean;
  /** Cases recorded under this version. */
  cases: number;
}

/** A profile reference as written `id@version`, e.g. `current@2`. */
export interface ProfileRef {
  id: string;
  version: number;
}

export function parseProfileRef(text: string): ProfileRef | undefined {
  const m = /^([a-z0-9][a-z0-9-]{0,39})@([1-9]\d{0,5})$/.exec(text);
  return m ? { id: m[1]!, version: Number(m[2]) } : undefined;
}
