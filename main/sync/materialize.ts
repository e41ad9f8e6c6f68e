import type Database from 'better-sqlite3';
import { isOpenStatus } from '../../shared/domain/status';
import { shanghaiDate } from '../../shared/domain/time';
import type { SyncCase } from '../../shared/sync/rules';
import { BulkInsert } from '../store/bulk';
import { DEFAULT_PROFILE } from '../store/cases';
import { yuanToFen } from '../../shared/domain/money';
import { MediationMaterializer } from './materializeMediation';
import { EscalationMaterializer } from './materializeEscalation';

/** Columns a server case may set besides its lifecycle (shared/sync transitionColumns names them). */
const SETTABLE = [
  'carrier_id',
  'outlet',
  'valid_appeal',
  'responsible_unit',
  'satisfaction',
  'carrier_satisfaction',
  'carrier_reply_untruthful',
  'amount_recovered_fen',
  'closed_at',
] as const;
const SETTABLE_SET = new Set<string>(SETTABLE);

/** A page's ids as one JSON parameter: one statement per page instead of one per row. */
const IN_LIST = 'SELECT value FROM json_each(?)';

type Row = Record<string, string | number | null>;

/** Orders rows by their UUID key (see `insert`). */
export const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The lifecycle columns every server copy sets. */
function lifecycleColumns(c: SyncCase): Row {
  const l = c.lifecycle;
  return {
    case_no: c.caseNo,
    status: c.status,
    is_open: isOpenStatus(c.status) ? 1 : 0,
    assignee_id: c.assigneeId,
    transfer_count: l.transferCount,
    transfer_rounds_exceeded: l.transferRoundsExceeded ? 1 : 0,
    supervised: l.supervised ? 1 : 0,
    supervision_reminders: l.supervisionReminders,
    escalated_to_supervision: l.escalatedToSupervision ? 1 : 0,
    reopen_count: l.reopenCount,
    updated_at: c.updatedAt,
  };
}

/** The intake columns a field edit may change (shared/domain/caseEdits.ts), as a known case's update writes them. */
function editableColumns(c: SyncCase, row: Row): Row {
  const i = c.intake;
  row.waybill_no = i.waybillNo;
  row.service_type = i.serviceType;
  row.origin_province = i.originProvince;
  row.dest_province = i.destProvince;
  row.category = i.category;
  row.reason = i.reason;
  row.description = i.description;
  row.demand = i.demand;
  row.demand_amount_fen = i.demandAmountYuan === undefined ? null : yuanToFen(i.demandAmountYuan);
  row.field_versions = fieldVersionsJson(c);
  return row;
}

/** NULL for a case never edited: most cases, and the column stays empty for them. */
const fieldVersionsJson = (c: SyncCase): string | null =>
  c.fieldVersions && Object.keys(c.fieldVersions).length > 0 ? JSON.stringify(c.fieldVersions) : null;

/** The row of a case new on this workstation, in its final state. */
function newRow(c: SyncCase): Row {
  const i = c.intake;
  const receivedAt = i.receivedAt ?? c.createdAt;
  // Object.assign, not a spread: V8 builds `{ ...a, thirty more keys }` about 20 times slower.
  const row: Row = Object.assign(lifecycleColumns(c), {
    id: c.id,
    channel: i.channel,
    received_at: receivedAt,
    received_date: shanghaiDate(receivedAt),
    appellant_role: i.appellant.role,
    carrier_id: i.carrierId,
    outlet: i.outlet || null,
    waybill_no: i.waybillNo,
    service_type: i.serviceType,
    origin_province: i.originProvince,
    dest_province: i.destProvince,
    category: i.category,
    reason: i.reason,
    description: i.description,
    demand: i.demand,
    demand_amount_fen: i.demandAmountYuan === undefined ? null : yuanToFen(i.demandAmountYuan),
    prior_complaint_made: i.priorComplaint.made ? 1 : 0,
    prior_complaint_date: i.priorComplaint.date ?? null,
    prior_complaint_result: i.priorComplaint.result || null,
    priority: 0,
    profile_id: DEFAULT_PROFILE.id,
    profile_version: DEFAULT_PROFILE.version,
    valid_appeal: null,
    responsible_unit: null,
    satisfaction: null,
    carrier_satisfaction: null,
    carrier_reply_untruthful: null,
    amount_recovered_fen: null,
    closed_at: null,
    field_versions: fieldVersionsJson(c),
    created_at: c.createdAt,
  });
  for (const key of SETTABLE) if (c.columns[key] !== undefined) row[key] = c.columns[key];
  return row;
}

/** The columns `newRow` fills, in the order of the bulk insert. */
const INSERTED = [
  'id',
  'case_no',
  'status',
  'is_open',
  'assignee_id',
  'transfer_count',
  'transfer_rounds_exceeded',
  'supervised',
  'supervision_reminders',
  'escalated_to_supervision',
  'reopen_count',
  'channel',
  'received_at',
  'received_date',
  'appellant_role',
  'carrier_id',
  'outlet',
  'waybill_no',
  'service_type',
  'origin_province',
  'dest_province',
  'category',
  'reason',
  'description',
  'demand',
  'demand_amount_fen',
  'prior_complaint_made',
  'prior_complaint_date',
  'prior_complaint_result',
  'priority',
  'profile_id',
  'profile_version',
  'valid_appeal',
  'responsible_unit',
  'satisfaction',
  'carrier_satisfaction',
  'carrier_reply_untruthful',
  'amount_recovered_fen',
  'closed_at',
  'field_versions',
  'created_at',
  'updated_at',
];

/**
 * Writes the server's copy of cases into the workstation's own tables (the ones every view
 * reads). Call inside the page transaction. A page is written set-based where it can be: one
 * lookup of which cases and numbers are already here, then the new cases inserted in bulk in
 * their final state and the known ones updated one by one, with statements prepared once.
 */
export class CaseMaterializer {
  private readonly local: Database.Statement<
    [string],
    { id: string; case_no: string; field_versions: string | null }
  >;
  private readonly updateAppellant: Database.Statement<[string, string | null, string]>;
  private readonly numbersHeld: Database.Statement<[string], { case_no: string }>;
  private readonly freeNumber: Database.Statement;
  private readonly bumpCounter: Database.Statement;
  private readonly ensureStaff: Database.Statement;
  private readonly insertCases: BulkInsert;
  private readonly insertParties: BulkInsert;
  private readonly mediation: MediationMaterializer;
  private readonly escalations: EscalationMaterializer;
  /** UPDATE statements by the set of columns they write (a handful of shapes). */
  private readonly updates = new Map<string, Database.Statement>();

  constructor(private readonly db: Database.Database) {
    this.local = db.prepare(`SELECT id, case_no, field_versions FROM cases WHERE id IN (${IN_LIST})`);
    this.updateAppellant = db.prepare(
      `UPDATE parties SET name = ?, phone = ? WHERE case_id = ? AND kind = 'appellant'`,
    );
    this.numbersHeld = db.prepare(`SELECT case_no FROM cases WHERE case_no IN (${IN_LIST})`);
    // A pending local case holding this number yet: its number was provisional, the server's wins.
    this.freeNumber = db.prepare(
      `UPDATE cases SET case_no = case_no || '-' || substr(id, 1, 4) WHERE case_no = ? AND id <> ?`,
    );
    this.bumpCounter = db.prepare(
      `INSERT INTO case_number_counters (day, last) VALUES (?, ?) ON CONFLICT (day) DO UPDATE SET last = max(last, excluded.last)`,
    );
    this.ensureStaff = db.prepare(
      `INSERT OR IGNORE INTO staff (id, name, roles, team, created_at) VALUES (?, ?, '[]', NULL, ?)`,
    );
    this.insertCases = new BulkInsert(db, `INSERT INTO cases (${INSERTED.join(', ')})`, INSERTED.length);
    this.insertParties = new BulkInsert(
      db,
      `INSERT INTO parties (id, case_id, kind, name, phone, created_at)`,
      6,
    );
    this.mediation = new MediationMaterializer(db);
    this.escalations = new EscalationMaterializer(db);
  }

  /** Writes each case's server copy; ids must be distinct. */
  apply(cases: readonly SyncCase[]): void {
    if (cases.length === 0) return;
    const here = this.local.all(JSON.stringify(cases.map((c) => c.id)));
    const numberOf = new Map(here.map((r) => [r.id, r.case_no]));
    const edited = new Set(here.filter((r) => r.field_versions !== null).map((r) => r.id));
    this.claimNumbers(cases.filter((c) => numberOf.get(c.id) !== c.caseNo));
    const staff = new Map<string, number>();
    for (const c of cases) if (c.assigneeId) staff.set(c.assigneeId, c.updatedAt);
    for (const [id, at] of staff) this.ensureStaff.run(id, id, at);
    const fresh: SyncCase[] = [];
    for (const c of cases) {
      if (numberOf.has(c.id)) this.update(c, edited.has(c.id));
      else fresh.push(c);
    }
    this.insert(fresh);
    this.mediation.apply(cases, numberOf);
    this.escalations.apply(cases, numberOf);
  }

  /** Server numbers are final: free them from provisional local holders and keep the day counters past them. */
  private claimNumbers(renumbered: readonly SyncCase[]): void {
    if (renumbered.length === 0) return;
    const held = this.numbersHeld.all(JSON.stringify(renumbered.map((c) => c.caseNo)));
    if (held.length > 0) {
      const heldBy = new Set(held.map((r) => r.case_no));
      for (const c of renumbered) if (heldBy.has(c.caseNo)) this.freeNumber.run(c.caseNo, c.id);
    }
    const last = new Map<string, number>();
    for (const c of renumbered) {
      const day = c.caseNo.slice(2, 10);
      const n = Number(c.caseNo.slice(10));
      if (!Number.isInteger(n)) continue;
      const key = `${day.slice(0, 4)}-${day.slice(4, 6)}-${day.slice(6, 8)}`;
      last.set(key, Math.max(n, last.get(key) ?? 0));
    }
    for (const [day, n] of last) this.bumpCounter.run(day, n);
  }

  /**
   * Cases new here go in with their final state, many rows per statement (see BulkInsert): the
   * queue-count and search-index triggers make a statement per row expensive.
   */
  private insert(unsorted: readonly SyncCase[]): void {
    if (unsorted.length === 0) return;
    // In key order: the id-keyed indexes (cases' primary key and the (…, id) queue indexes, the
    // appellants') then take a page's inserts in one sweep instead of at random.
    const cases = [...unsorted].sort(byId);
    this.insertCases.run(
      cases.map((c) => {
        const row = newRow(c);
        return INSERTED.map((k) => row[k]);
      }),
    );
    this.insertParties.run(
      cases.map((c) => [
        `${c.id}:appellant`,
        c.id,
        'appellant',
        c.intake.appellant.name,
        c.intake.appellant.phone ?? null,
        c.createdAt,
      ]),
    );
  }

  /** `editedHere`: the row shows field edits (the server's, or optimistic ones the server may have refused). */
  private update(c: SyncCase, editedHere: boolean): void {
    const changes = editableColumns(c, lifecycleColumns(c));
    for (const [key, value] of Object.entries(c.columns)) if (SETTABLE_SET.has(key)) changes[key] = value;
    const columns = Object.keys(changes);
    const shape = columns.join(',');
    let statement = this.updates.get(shape);
    if (!statement) {
      statement = this.db.prepare(
        `UPDATE cases SET ${columns.map((k) => `${k} = @${k}`).join(', ')}, version = version + 1 WHERE id = @id`,
      );
      this.updates.set(shape, statement);
    }
    statement.run({ ...changes, id: c.id });
    // The appellant's name and phone change only by an edit: untouched unless one was made on either side.
    if (editedHere || changes.field_versions !== null) {
      this.updateAppellant.run(c.intake.appellant.name, c.intake.appellant.phone ?? null, c.id);
    }
  }
}
