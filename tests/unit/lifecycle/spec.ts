import { ROLES } from '../../../shared/domain/roles';
import type { Role } from '../../../shared/domain/roles';
import type { CaseStatus } from '../../../shared/domain/status';
import type { TransitionName } from '../../../shared/lifecycle';

/**
 * The role matrix as a specification, written out independently of the implementation's table:
 * for each transition, the status it leads to and, per role, the statuses it may start from.
 */
export const OPEN: CaseStatus[] = [
  'registered',
  'accepted',
  'transferred',
  'carrier_replied',
  'verifying',
  'mediating',
  'callback',
];
export const TERMINAL: CaseStatus[] = ['not_accepted', 'closed', 'withdrawn'];

export const SPEC: Record<
  TransitionName,
  { to: CaseStatus | 'same'; by: Partial<Record<Role, CaseStatus[]>> }
> = {
  register: { to: 'registered', by: {} }, // never from an existing case
  accept: {
    to: 'accepted',
    by: { handler: ['registered'], team_lead: ['registered'], admin: ['registered'] },
  },
  not_accept: {
    to: 'not_accepted',
    by: { handler: ['registered'], team_lead: ['registered'], admin: ['registered'] },
  },
  transfer: {
    to: 'transferred',
    by: { handler: ['accepted'], team_lead: ['accepted'], admin: ['accepted'] },
  },
  record_carrier_reply: {
    to: 'carrier_replied',
    by: { handler: ['transferred'], team_lead: ['transferred'], admin: ['transferred'] },
  },
  supervise: {
    to: 'same',
    by: { handler: ['transferred'], team_lead: ['transferred'], admin: ['transferred'] },
  },
  start_verification: {
    to: 'verifying',
    by: { handler: ['carrier_replied'], team_lead: ['carrier_replied'], admin: ['carrier_replied'] },
  },
  start_mediation: {
    to: 'mediating',
    by: { mediator: ['carrier_replied', 'verifying'], admin: ['carrier_replied', 'verifying'] },
  },
  start_callback: {
    to: 'callback',
    by: {
      handler: ['carrier_replied', 'verifying', 'mediating'],
      mediator: ['mediating'],
      team_lead: ['carrier_replied', 'verifying', 'mediating'],
      admin: ['carrier_replied', 'verifying', 'mediating'],
    },
  },
  rehandle: {
    to: 'transferred',
    by: {
      handler: ['carrier_replied', 'verifying', 'callback'],
      team_lead: ['carrier_replied', 'verifying', 'callback'],
      admin: ['carrier_replied', 'verifying', 'callback'],
    },
  },
  close: {
    to: 'closed',
    by: {
      handler: ['callback'],
      mediator: ['mediating'],
      team_lead: ['callback'],
      admin: ['callback', 'mediating'],
    },
  },
  withdraw: { to: 'withdrawn', by: { handler: OPEN, mediator: ['mediating'], team_lead: OPEN, admin: OPEN } },
  reopen: { to: 'accepted', by: { team_lead: TERMINAL, admin: TERMINAL } },
  escalate_to_supervision: { to: 'same', by: { team_lead: OPEN, admin: OPEN } },
};

export const allowed = (name: TransitionName, role: Role, status: CaseStatus) =>
  SPEC[name].by[role]?.includes(status) ?? false;
export const anyRoleFrom = (name: TransitionName, status: CaseStatus) =>
  ROLES.some((r) => allowed(name, r, status));
