import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * The case store. Timestamps are UTC epoch milliseconds; calendar dates are `YYYY-MM-DD`
 * in Asia/Shanghai. Money is stored in fen (integer) to keep sums exact.
 */

export const appMeta = sqliteTable('app_meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

export const carriers = sqliteTable('carriers', {
  id: text('id').primaryKey(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  kind: text('kind', { enum: ['postal', 'express'] }).notNull(),
  waybillPattern: text('waybill_pattern').notNull(),
  acceptsS10: integer('accepts_s10', { mode: 'boolean' }).notNull().default(false),
  waybillExample: text('waybill_example').notNull(),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
});

export const staff = sqliteTable('staff', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  /** JSON array of roles. */
  roles: text('roles').notNull(),
  team: text('team'),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  createdAt: integer('created_at').notNull(),
});

export const cases = sqliteTable(
  'cases',
  {
    id: text('id').primaryKey(),
    caseNo: text('case_no').notNull(),
    status: text('status').notNull(),
    /** 1 while the status is not terminal: lets the open/closed views use one index each. */
    isOpen: integer('is_open', { mode: 'boolean' }).notNull(),
    channel: text('channel').notNull(),
    receivedAt: integer('received_at').notNull(),
    /** `YYYY-MM-DD` of receivedAt in Asia/Shanghai, for period statistics. */
    receivedDate: text('received_date').notNull(),
    /** sender | recipient | agent (the appellant's own details are in `parties`). */
    appellantRole: text('appellant_role').notNull(),
    carrierId: text('carrier_id')
      .notNull()
      .references(() => carriers.id),
    outlet: text('outlet'),
    waybillNo: text('waybill_no').notNull(),
    serviceType: text('service_type').notNull(),
    originProvince: text('origin_province').notNull(),
    originCity: text('origin_city'),
    destProvince: text('dest_province').notNull(),
    destCity: text('dest_city'),
    category: text('category').notNull(),
    reason: text('reason').notNull(),
    description: text('description').notNull(),
    demand: text('demand').notNull(),
    demandAmountFen: integer('demand_amount_fen'),
    priorComplaintMade: integer('prior_complaint_made', { mode: 'boolean' }).notNull(),
    priorComplaintDate: text('prior_complaint_date'),
    priorComplaintResult: text('prior_complaint_result'),
    assigneeId: text('assignee_id').references(() => staff.id),
    priority: integer('priority').notNull().default(0),
    profileId: text('profile_id').notNull(),
    profileVersion: integer('profile_version').notNull(),
    transferCount: integer('transfer_count').notNull().default(0),
    /** Lifecycle flags and counters (shared/lifecycle/state.ts). */
    transferRoundsExceeded: integer('transfer_rounds_exceeded', { mode: 'boolean' }).notNull().default(false),
    supervised: integer('supervised', { mode: 'boolean' }).notNull().default(false),
    supervisionReminders: integer('supervision_reminders').notNull().default(0),
    escalatedToSupervision: integer('escalated_to_supervision', { mode: 'boolean' }).notNull().default(false),
    reopenCount: integer('reopen_count').notNull().default(0),
    /** Closure record, denormalised for the statistics of the official notices (DOMAIN §3). */
    validAppeal: integer('valid_appeal', { mode: 'boolean' }),
    responsibleUnit: text('responsible_unit'),
    /** Satisfaction with the administration's handling. */
    satisfaction: text('satisfaction'),
    carrierSatisfaction: text('carrier_satisfaction'),
    carrierReplyUntruthful: integer('carrier_reply_untruthful', { mode: 'boolean' }),
    amountRecoveredFen: integer('amount_recovered_fen'),
    closedAt: integer('closed_at'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    version: integer('version').notNull().default(1),
    /**
     * JSON FieldVersions (shared/sync/rules.ts): how often each descriptive field was edited, as
     * this workstation shows it; an edit names these as its base. NULL: none edited.
     */
    fieldVersions: text('field_versions'),
    /** Seq of the case's last audit event: lets `audit verify` detect a truncated chain. */
    auditSeq: integer('audit_seq').notNull().default(0),
  },
  (t) => [
    uniqueIndex('cases_case_no_uq').on(t.caseNo),
    // Queue: newest first, optionally by status; keyset on (received_at, id).
    index('cases_received_idx').on(t.receivedAt, t.id),
    index('cases_open_received_idx').on(t.isOpen, t.receivedAt, t.id),
    index('cases_status_received_idx').on(t.status, t.receivedAt, t.id),
    index('cases_assignee_open_received_idx').on(t.assigneeId, t.isOpen, t.receivedAt, t.id),
    index('cases_waybill_idx').on(t.waybillNo),
    index('cases_received_date_idx').on(t.receivedDate),
    // Queue views with a status set or a closing date (main/store/queue.ts): partial, so each stays small.
    index('cases_awaiting_callback_idx')
      .on(t.receivedAt, t.id)
      .where(sql`status IN ('callback', 'carrier_replied')`),
    index('cases_closed_at_idx')
      .on(t.closedAt, t.id)
      .where(sql`status = 'closed'`),
    // Statistics (main/stats): every notice aggregate reads only this index for a period's range.
    index('cases_stats_idx').on(
      t.receivedDate,
      t.carrierId,
      t.serviceType,
      t.category,
      t.reason,
      t.validAppeal,
      t.satisfaction,
      t.carrierSatisfaction,
      t.amountRecoveredFen,
      t.carrierReplyUntruthful,
      t.supervisionReminders,
      t.destProvince,
    ),
  ],
);

/**
 * Personal data lives here and nowhere else (PIPL Art.51: classified management), so masking,
 * reveal auditing and retention work on one table. Every case has exactly one `appellant`.
 */
export const parties = sqliteTable(
  'parties',
  {
    id: text('id').primaryKey(),
    caseId: text('case_id').notNull(),
    /** `agent` is also the appellant's representative in mediation; `carrier_representative` speaks for the carrier there. */
    kind: text('kind', {
      enum: ['appellant', 'agent', 'sender', 'recipient', 'carrier_representative'],
    }).notNull(),
    name: text('name').notNull(),
    phone: text('phone'),
    idType: text('id_type'),
    idNumber: text('id_number'),
    address: text('address'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('parties_case_kind_uq').on(t.caseId, t.kind),
    index('parties_phone_idx').on(t.phone, t.caseId),
  ],
);

/**
 * The audit trail: append-only, hash-chained per case (each row's hash covers the previous
 * row's hash), so an edited or deleted event breaks the chain. Corrections are new events.
 */
export const caseEvents = sqliteTable(
  'case_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id),
    /** 1, 2, 3… within the case: a gap means a deleted event. */
    seq: integer('seq').notNull(),
    type: text('type').notNull(),
    actorId: text('actor_id').notNull(),
    workstation: text('workstation').notNull(),
    at: integer('at').notNull(),
    /** The case status after this event. */
    status: text('status').notNull(),
    /** JSON: what changed, before → after, and the event's own data. */
    data: text('data').notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [uniqueIndex('case_events_case_seq_uq').on(t.caseId, t.seq)],
);

/**
 * The audit trail of what concerns no single case (an export of personal data from a whole view):
 * one append-only chain, hashed like case_events with `seq` 1, 2, 3… and the chain name 'desk'.
 */
export const deskEvents = sqliteTable('desk_events', {
  seq: integer('seq').primaryKey(),
  type: text('type').notNull(),
  actorId: text('actor_id').notNull(),
  workstation: text('workstation').notNull(),
  at: integer('at').notNull(),
  data: text('data').notNull(),
  prevHash: text('prev_hash').notNull(),
  hash: text('hash').notNull(),
});

/** Mutations waiting to be pushed to the sync server (the team-sync issue fills this). */
export const syncOutbox = sqliteTable(
  'sync_outbox',
  {
    seq: integer('seq').primaryKey(),
    mutationId: text('mutation_id').notNull().unique(),
    name: text('name').notNull(),
    args: text('args').notNull(),
    caseId: text('case_id'),
    actorId: text('actor_id').notNull(),
    occurredAt: integer('occurred_at').notNull(),
    state: text('state', { enum: ['pending', 'acked', 'rejected'] })
      .notNull()
      .default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    /** The version the server gave an applied intent (NULL: pending, a no-op, refused): a restore check. */
    serverVersion: integer('server_version'),
  },
  (t) => [
    // The outbox keeps every sent intent; the sync engine asks only about pending ones (which cases
    // wait, the next batch, the count), on every pulled page: partial, so it stays as small as they.
    index('sync_outbox_pending_idx')
      .on(t.caseId)
      .where(sql`state = 'pending'`),
  ],
);

/**
 * After the server was restored from a backup: this workstation's applied intents not yet seen
 * again in the re-pulled history. Those still here when the history is complete were lost in the
 * restore and are sent again (main/sync/engine.ts, docs/sync.md).
 */
export const syncUnconfirmed = sqliteTable('sync_unconfirmed', {
  mutationId: text('mutation_id').primaryKey(),
});

/** Per-day counters for case numbers (SS-YYYYMMDD-NNNNNN). */
export const caseNumberCounters = sqliteTable('case_number_counters', {
  day: text('day').primaryKey(),
  last: integer('last').notNull(),
});

/**
 * Business volume (业务量) per carrier and period, the denominator of the per-million rates
 * (DOMAIN §3.4): imported from the carriers' statistical reporting. `period` is `YYYY-MM` or `YYYY-Qn`.
 */
export const businessVolumes = sqliteTable(
  'business_volumes',
  {
    carrierId: text('carrier_id')
      .notNull()
      .references(() => carriers.id),
    period: text('period').notNull(),
    pieces: integer('pieces').notNull(),
    importedAt: integer('imported_at').notNull(),
    importedBy: text('imported_by').notNull(),
    source: text('source').notNull(),
  },
  (t) => [uniqueIndex('business_volumes_carrier_period_uq').on(t.carrierId, t.period)],
);

/** A reported period: its notice as published (JSON), frozen so later edits cannot change it. */
export const statsPeriodLocks = sqliteTable('stats_period_locks', {
  period: text('period').primaryKey(),
  lockedAt: integer('locked_at').notNull(),
  lockedBy: text('locked_by').notNull(),
  notice: text('notice').notNull(),
});

/** What each case of a locked period contributed, so later changes show as post-lock differences. */
export const statsLockedCases = sqliteTable(
  'stats_locked_cases',
  {
    period: text('period').notNull(),
    caseId: text('case_id').notNull(),
    fingerprint: text('fingerprint').notNull(),
  },
  (t) => [uniqueIndex('stats_locked_cases_uq').on(t.period, t.caseId)],
);

/**
 * Every started clock of a case as of its last computation (main/store/search/deadlines.ts), so
 * "due today" and "overdue" are index ranges. Rewritten whenever the case's history changes and
 * for all open cases after a calendar import. `state` is running | met | missed | stopped
 * (paused); `next` marks the running clock of the case that is due first.
 */
export const caseDeadlines = sqliteTable(
  'case_deadlines',
  {
    caseId: text('case_id').notNull(),
    limitName: text('limit_name').notNull(),
    /** When the clock started (null in rows written before the column existed, until recomputed). */
    startedAt: integer('started_at'),
    dueAt: integer('due_at').notNull(),
    dueDate: text('due_date').notNull(),
    state: text('state', { enum: ['running', 'met', 'missed', 'stopped'] }).notNull(),
    provisional: integer('provisional', { mode: 'boolean' }).notNull(),
    next: integer('next', { mode: 'boolean' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.caseId, t.limitName] }),
    index('case_deadlines_next_idx')
      .on(t.dueAt, t.caseId)
      .where(sql`next = 1`),
    index('case_deadlines_carrier_idx')
      .on(t.dueAt, t.caseId)
      .where(sql`limit_name = 'carrier_reply' AND state = 'running'`),
  ],
);

/** Queue views a staff member made (filters, sort, name), as JSON checked by shared/domain/views.ts. */
export const queueViews = sqliteTable(
  'queue_views',
  {
    id: text('id').primaryKey(),
    staffId: text('staff_id').notNull(),
    name: text('name').notNull(),
    definition: text('definition').notNull(),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('queue_views_staff_idx').on(t.staffId, t.name)],
);

/** Per-staff UI preferences (queue columns and widths), JSON values. */
export const staffPreferences = sqliteTable(
  'staff_preferences',
  {
    staffId: text('staff_id').notNull(),
    key: text('key').notNull(),
    value: text('value').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.staffId, t.key] })],
);

/**
 * Case counts kept by triggers (drizzle/*_queue_search.sql) for the views whose COUNT would
 * walk hundreds of thousands of index entries: `all`, `open`, `status:<s>`, `assignee:<id>` (open).
 */
export const queueCounts = sqliteTable('queue_counts', {
  key: text('key').primaryKey(),
  n: integer('n').notNull(),
});

/** Team sync's own state: `client_id`, `server_epoch`, `last_acked` (server seq), `seq_offset`. */
export const syncState = sqliteTable('sync_state', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

/** How far each sync space has been pulled; never goes back except on a resync. */
export const syncCursors = sqliteTable('sync_cursors', {
  spaceId: text('space_id').primaryKey(),
  version: integer('version').notNull(),
  updatedAt: integer('updated_at').notNull(),
});

/** The server-confirmed copy of each synced case (JSON of shared/sync SyncCase), the base of the rebase. */
export const syncCaseBase = sqliteTable('sync_case_base', {
  caseId: text('case_id').primaryKey(),
  version: integer('version').notNull(),
  data: text('data').notNull(),
});

/** The conflict inbox: one row per mutation the server rejected, until someone resolves it. */
export const syncConflicts = sqliteTable(
  'sync_conflicts',
  {
    id: text('id').primaryKey(),
    seq: integer('seq').notNull(),
    mutationId: text('mutation_id').notNull().unique(),
    caseId: text('case_id'),
    name: text('name').notNull(),
    args: text('args').notNull(),
    actorId: text('actor_id').notNull(),
    code: text('code').notNull(),
    /** JSON: the server's state when it refused (who holds the case, its status, version). */
    serverState: text('server_state').notNull(),
    detectedAt: integer('detected_at').notNull(),
    resolvedAt: integer('resolved_at'),
    resolution: text('resolution'),
    resolvedBy: text('resolved_by'),
  },
  (t) => [index('sync_conflicts_open_idx').on(t.resolvedAt, t.detectedAt)],
);

/** Case notes: append-only (corrections are new notes), each with its author and time. */
export const caseNotes = sqliteTable(
  'case_notes',
  {
    id: text('id').primaryKey(),
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id),
    authorId: text('author_id').notNull(),
    body: text('body').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('case_notes_case_idx').on(t.caseId, t.createdAt)],
);

/** The contact log: each call to the appellant, its outcome and when to try again. */
export const caseContacts = sqliteTable(
  'case_contacts',
  {
    id: text('id').primaryKey(),
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id),
    staffId: text('staff_id').notNull(),
    calledAt: integer('called_at').notNull(),
    /** reached | no_answer | busy | wrong_number */
    outcome: text('outcome').notNull(),
    nextAttemptAt: integer('next_attempt_at'),
    note: text('note'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('case_contacts_case_idx').on(t.caseId, t.calledAt)],
);

/** Free tags on cases (bulk "add a tag"); one row per case and tag. */
export const caseTags = sqliteTable(
  'case_tags',
  {
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id),
    tag: text('tag').notNull(),
    addedBy: text('added_by').notNull(),
    addedAt: integer('added_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.tag] }), index('case_tags_tag_idx').on(t.tag, t.caseId)],
);

/** Appeals linked as possible duplicates (same waybill or phone): linked, never merged. Stored once, a < b. */
export const caseLinks = sqliteTable(
  'case_links',
  {
    caseA: text('case_a')
      .notNull()
      .references(() => cases.id),
    caseB: text('case_b')
      .notNull()
      .references(() => cases.id),
    /** waybill | phone | manual */
    reason: text('reason').notNull(),
    linkedBy: text('linked_by').notNull(),
    linkedAt: integer('linked_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.caseA, t.caseB] }), index('case_links_b_idx').on(t.caseB)],
);

export type CaseRow = typeof cases.$inferSelect;
export type PartyRow = typeof parties.$inferSelect;
export type CaseEventRow = typeof caseEvents.$inferSelect;

/**
 * Escalation rules as data (shared/escalation/rules.ts checks `params` and `actions`): one row per
 * rule, edited by an administrator; the engine (main/escalation) reads them on every pass.
 */
export const escalationRules = sqliteTable('escalation_rules', {
  id: text('id').primaryKey(),
  /** pre_breach | breach | carrier_overdue | repeat_appeals | outlet_pileup | sensitive_words | claim_amount | transfer_rounds */
  kind: text('kind').notNull(),
  /** 1 handler, 2 team lead, 3 head of centre. */
  level: integer('level').notNull(),
  enabled: integer('enabled', { mode: 'boolean' }).notNull().default(true),
  /** JSON: the kind's parameters. */
  params: text('params').notNull(),
  /** JSON array: notify | raise_priority | reassign. */
  actions: text('actions').notNull(),
  updatedAt: integer('updated_at').notNull(),
  updatedBy: text('updated_by').notNull(),
});

/**
 * Raised escalations. `condition` names the exact condition (e.g. the clock and its due time), and
 * (rule, case, condition) is unique: the same condition never raises twice, however often rules run.
 */
export const escalations = sqliteTable(
  'escalations',
  {
    id: text('id').primaryKey(),
    ruleId: text('rule_id').notNull(),
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id),
    condition: text('condition').notNull(),
    level: integer('level').notNull(),
    /** open | acknowledged | resolved | snoozed */
    state: text('state').notNull(),
    /** JSON: what the rule saw (i18n key + params). */
    evidence: text('evidence').notNull(),
    raisedAt: integer('raised_at').notNull(),
    acknowledgedAt: integer('acknowledged_at'),
    acknowledgedBy: text('acknowledged_by'),
    resolvedAt: integer('resolved_at'),
    resolvedBy: text('resolved_by'),
    resolutionNote: text('resolution_note'),
    snoozedUntil: integer('snoozed_until'),
    snoozeReason: text('snooze_reason'),
  },
  (t) => [
    uniqueIndex('escalations_rule_case_condition_uq').on(t.ruleId, t.caseId, t.condition),
    index('escalations_state_level_idx').on(t.state, t.level, t.raisedAt),
    index('escalations_case_idx').on(t.caseId, t.raisedAt),
  ],
);

/** The in-app inbox: one row per notified staff member and escalation. */
export const escalationInbox = sqliteTable(
  'escalation_inbox',
  {
    escalationId: text('escalation_id').notNull(),
    staffId: text('staff_id').notNull(),
    createdAt: integer('created_at').notNull(),
    readAt: integer('read_at'),
  },
  (t) => [
    primaryKey({ columns: [t.escalationId, t.staffId] }),
    index('escalation_inbox_staff_idx').on(t.staffId, t.readAt, t.createdAt),
  ],
);

/**
 * Administrators' versions of rule profiles (shared/deadlines/profile-schema.ts checks `definition`).
 * Append-only: a case runs under the (profile, version) it was registered with, so a version once
 * written never changes. The shipped profiles are version 1 of their ids and are not stored here.
 */
export const ruleProfiles = sqliteTable(
  'rule_profiles',
  {
    profileId: text('profile_id').notNull(),
    version: integer('version').notNull(),
    /** JSON: the whole profile, its `id` and `version` equal to the columns. */
    definition: text('definition').notNull(),
    author: text('author').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.profileId, t.version] })],
);

/** Which profile version new cases run under: the latest row; none means the shipped `current` v1. */
export const ruleProfileActivations = sqliteTable('rule_profile_activations', {
  seq: integer('seq').primaryKey({ autoIncrement: true }),
  profileId: text('profile_id').notNull(),
  version: integer('version').notNull(),
  activatedBy: text('activated_by').notNull(),
  activatedAt: integer('activated_at').notNull(),
});

/**
 * The mediation record of a case (DOMAIN §1.8): facts, each side's position, the mediation
 * opinion, the agreement and the outcome; one row per mediated case, its `version` compared on
 * every change. People appear only in `parties` (agent, carrier_representative).
 */
export const mediations = sqliteTable('mediations', {
  caseId: text('case_id')
    .primaryKey()
    .references(() => cases.id),
  version: integer('version').notNull(),
  facts: text('facts').notNull().default(''),
  appellantPosition: text('appellant_position').notNull().default(''),
  carrierPosition: text('carrier_position').notNull().default(''),
  /** The latest opinion (调解意见); each issue is also a `mediation.opinion_issued` event, which starts the feedback clock. */
  opinion: text('opinion'),
  opinionIssuedAt: integer('opinion_issued_at'),
  opinionIssuedBy: text('opinion_issued_by'),
  agreementTerms: text('agreement_terms'),
  agreementAmountFen: integer('agreement_amount_fen'),
  agreementAt: integer('agreement_at'),
  /** agreed | failed | withdrawn; set once, after which the record is final. */
  outcome: text('outcome'),
  outcomeNote: text('outcome_note'),
  outcomeAt: integer('outcome_at'),
  outcomeBy: text('outcome_by'),
  createdAt: integer('created_at').notNull(),
  updatedAt: integer('updated_at').notNull(),
});

/** Mediation sessions: when, how (phone / in person / online), who attended (by role), the notes. */
export const mediationSessions = sqliteTable(
  'mediation_sessions',
  {
    id: text('id').primaryKey(),
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id),
    heldAt: integer('held_at').notNull(),
    mode: text('mode').notNull(),
    /** JSON array of attendee roles (shared/mediation/codes.ts). */
    attendees: text('attendees').notNull(),
    notes: text('notes').notNull(),
    recordedBy: text('recorded_by').notNull(),
    recordedAt: integer('recorded_at').notNull(),
  },
  (t) => [index('mediation_sessions_case_idx').on(t.caseId, t.heldAt)],
);

/** Proposals put forward during mediation, in the order they were recorded. */
export const mediationProposals = sqliteTable(
  'mediation_proposals',
  {
    id: text('id').primaryKey(),
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id),
    /** appellant | carrier | mediator */
    proposer: text('proposer').notNull(),
    terms: text('terms').notNull(),
    amountFen: integer('amount_fen'),
    recordedBy: text('recorded_by').notNull(),
    recordedAt: integer('recorded_at').notNull(),
  },
  (t) => [index('mediation_proposals_case_idx').on(t.caseId, t.recordedAt)],
);
