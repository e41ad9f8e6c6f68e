import {
  bigint,
  bigserial,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

/**
 * The central store of team sync (SYNC.md §3.4). One schema and one migration set for PostgreSQL
 * and PGlite. Instants are epoch ms (bigint, read as numbers) like the workstation's store.
 */
const ms = (name: string) => bigint(name, { mode: 'number' });

export const syncMeta = pgTable('sync_meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

export const teams = pgTable('teams', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
});

export const staff = pgTable('staff', {
  id: text('id').primaryKey(),
  username: text('username').notNull().unique(),
  name: text('name').notNull(),
  roles: jsonb('roles').$type<string[]>().notNull(),
  teamId: text('team_id').references(() => teams.id),
  /** `scrypt$N$r$p$salt$hash`, base64 parts. */
  passwordHash: text('password_hash').notNull(),
  active: integer('active').notNull().default(1),
  createdAt: ms('created_at').notNull(),
});

export const workstations = pgTable('workstations', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  registeredBy: text('registered_by').notNull(),
  createdAt: ms('created_at').notNull(),
});

/** Refresh tokens, stored as SHA-256 hashes: a stolen database leaks no usable token. */
export const refreshTokens = pgTable('refresh_tokens', {
  id: text('id').primaryKey(),
  tokenHash: text('token_hash').notNull().unique(),
  staffId: text('staff_id').notNull(),
  workstationId: text('workstation_id').notNull(),
  expiresAt: ms('expires_at').notNull(),
  revokedAt: ms('revoked_at'),
  createdAt: ms('created_at').notNull(),
});

/** The commit-ordered version counter, one locked row per space (SYNC.md §3.5). */
export const syncSpaces = pgTable('sync_spaces', {
  spaceId: text('space_id').primaryKey(),
  version: bigint('version', { mode: 'number' }).notNull().default(0),
});

export const syncClients = pgTable('sync_clients', {
  clientId: text('client_id').primaryKey(),
  workstationId: text('workstation_id').notNull(),
  lastMutationId: bigint('last_mutation_id', { mode: 'number' }).notNull().default(0),
  createdAt: ms('created_at').notNull(),
  lastSeenAt: ms('last_seen_at').notNull(),
});

/** Every intent once, with its outcome: the idempotency record and the audit of attempts. */
export const syncMutations = pgTable(
  'sync_mutations',
  {
    clientId: text('client_id').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    mutationId: text('mutation_id').notNull().unique(),
    name: text('name').notNull(),
    args: jsonb('args').notNull(),
    actorUserId: text('actor_user_id').notNull(),
    pushedBy: text('pushed_by').notNull(),
    occurredAt: ms('occurred_at').notNull(),
    receivedAt: ms('received_at').notNull(),
    clientSkewMs: ms('client_skew_ms').notNull(),
    outcome: text('outcome').notNull(),
    errorCode: text('error_code'),
    errorDetails: jsonb('error_details'),
    spaceId: text('space_id').notNull(),
    version: bigint('version', { mode: 'number' }),
  },
  (t) => [primaryKey({ columns: [t.clientId, t.seq] })],
);

export const cases = pgTable(
  'cases',
  {
    id: text('id').primaryKey(),
    spaceId: text('space_id').notNull(),
    caseNo: text('case_no').notNull(),
    status: text('status').notNull(),
    assigneeId: text('assignee_id'),
    lifecycle: jsonb('lifecycle').notNull(),
    intake: jsonb('intake').notNull(),
    columns: jsonb('columns').notNull(),
    /** FieldVersions of shared/sync/rules.ts. */
    fieldVersions: jsonb('field_versions').notNull().default({}),
    /** MediationRecord of shared/mediation/record.ts; null until the case's first mediation change. */
    mediation: jsonb('mediation'),
    /** SyncEscalation[] of shared/sync/escalation.ts: every escalation of the case, in raise order. */
    escalations: jsonb('escalations').notNull().default([]),
    createdAt: ms('created_at').notNull(),
    updatedAt: ms('updated_at').notNull(),
    version: bigint('version', { mode: 'number' }).notNull(),
  },
  (t) => [
    uniqueIndex('cases_case_no_uq').on(t.caseNo),
    index('cases_space_version_idx').on(t.spaceId, t.version),
  ],
);

/** Server-side case numbers: one counter per Shanghai day, so numbers are unique across workstations. */
export const caseNumberCounters = pgTable('case_number_counters', {
  day: text('day').primaryKey(),
  last: integer('last').notNull(),
});

export const caseEvents = pgTable(
  'case_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    caseId: text('case_id').notNull(),
    spaceId: text('space_id').notNull(),
    version: bigint('version', { mode: 'number' }).notNull(),
    type: text('type').notNull(),
    actorUserId: text('actor_user_id').notNull(),
    workstation: text('workstation').notNull(),
    data: jsonb('data').notNull(),
    occurredAt: ms('occurred_at').notNull(),
    appliedAt: ms('applied_at').notNull(),
    mutationId: text('mutation_id'),
  },
  (t) => [index('case_events_space_version_idx').on(t.spaceId, t.version)],
);

// Reference data administered on the server and taken by every workstation (GET /reference).

/** CalendarYear of shared/calendar/calendar-year.ts, as the import checks accept it. */
export const calendarYears = pgTable('calendar_years', {
  year: integer('year').primaryKey(),
  data: jsonb('data').notNull(),
  updatedBy: text('updated_by').notNull(),
  updatedAt: ms('updated_at').notNull(),
});

/** Append-only versions, numbered by the server like the workstation's rule_profiles. */
export const ruleProfiles = pgTable(
  'rule_profiles',
  {
    profileId: text('profile_id').notNull(),
    version: integer('version').notNull(),
    /** RuleProfile of shared/deadlines/profile-schema.ts, its id and version equal to the columns. */
    definition: jsonb('definition').notNull(),
    author: text('author').notNull(),
    createdAt: ms('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.profileId, t.version] })],
);

/** The last row is the version new cases run under. */
export const ruleProfileActivations = pgTable('rule_profile_activations', {
  seq: bigserial('seq', { mode: 'number' }).primaryKey(),
  profileId: text('profile_id').notNull(),
  version: integer('version').notNull(),
  activatedBy: text('activated_by').notNull(),
  activatedAt: ms('activated_at').notNull(),
});

export const businessVolumes = pgTable(
  'business_volumes',
  {
    carrierId: text('carrier_id').notNull(),
    period: text('period').notNull(),
    pieces: bigint('pieces', { mode: 'number' }).notNull(),
    importedBy: text('imported_by').notNull(),
    importedAt: ms('imported_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.carrierId, t.period] })],
);
