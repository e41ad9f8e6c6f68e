/** Staff roles. Permissions are checked in main and on the server, never only in the UI. */
export const ROLES = ['handler', 'mediator', 'team_lead', 'statistics', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ANY_ROLE: readonly Role[] = ROLES;
