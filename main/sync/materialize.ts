import type Database from 'better-sqlite3';
import { isOpenStatus } from '../../shared/domain/status';
import { shanghaiDate } from '../../shared/domain/time';
import type { SyncCase } from '../../shared/sync/rules';
import { DEFAULT_PROFILE } from '../store/cases';
import { yuanToFen } from '../../shared/domain/money';

/** Columns a server case may set besides its lifecycle (shared/sync transitionColumns names them). */
const SETTABLE = new Set([
  'carrier_id',
  'outlet',
  'valid_appeal',
  'responsible_unit',
  'satisfaction',
  'carrier_satisfaction',
  'carrier_reply_untruthful',
  'amount_recovered_fen',
  'closed_at',
]);

/**
 * Writes the server's copy of a case into the workstation's own tables (the ones every view
 * reads). Call inside the page transaction.
 */
export class CaseMaterializer {
  private readonly exists: Database.Statement<[string], { case_no: string }>;
  private readonly freeNumber: Database.Statement;
  private readonly bumpCounter: Database.Statement;
  private readonly ensureStaff: Database.Statement;
  private readonly insertCase: Database.Statement;
  private readonly insertParty: Database.Statement;

  constructor(private readonly db: Database.Database) {
    this.exists = db.prepare('SELECT case_no FROM cases WHERE id = ?');
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
    this.insertCase = db.prepare(`INSERT INTO cases (
        id, case_no, status, is_open, channel, received_at, received_date, appellant_role, carrier_id, outlet,
        waybill_no, service_type, origin_province, dest_province, category, reason, description, demand,
        demand_amount_fen, prior_complaint_made, prior_complaint_date, prior_complaint_result, assignee_id,
        priority, profile_id, profile_version, created_at, updated_at
      ) VALUES (
        @id, @caseNo, 'registered', 1, @channel, @receivedAt, @receivedDate, @appellantRole, @carrierId, @outlet,
        @waybillNo, @serviceType, @originProvince, @destProvince, @category, @reason, @description, @demand,
        @demandAmountFen, @priorComplaintMade, @priorComplaintDate, @priorComplaintResult, NULL,
        0, @profileId, @profileVersion, @createdAt, @createdAt
      )`);
    this.insertParty = db.prepare(
      `INSERT INTO parties (id, case_id, kind, name, phone, created_at) VALUES (?, ?, 'appellant', ?, ?, ?)`,
    );
  }

  /** Returns true if the case was new on this workstation. */
  apply(c: SyncCase): boolean {
    const local = this.exists.get(c.id);
    if (local?.case_no !== c.caseNo) {
      this.freeNumber.run(c.caseNo, c.id);
      const day = c.caseNo.slice(2, 10);
      const n = Number(c.caseNo.slice(10));
      if (Number.isInteger(n))
        this.bumpCounter.run(`${day.slice(0, 4)}-${day.slice(4, 6)}-${day.slice(6, 8)}`, n);
    }
    if (c.assigneeId) this.ensureStaff.run(c.assigneeId, c.assigneeId, c.updatedAt);
    const isNew = !local;
    if (isNew) {
      const i = c.intake;
      const receivedAt = i.receivedAt ?? c.createdAt;
      this.insertCase.run({
        id: c.id,
        caseNo: c.caseNo,
        channel: i.channel,
        receivedAt,
        receivedDate: shanghaiDate(receivedAt),
        appellantRole: i.appellant.role,
        carrierId: i.carrierId,
        outlet: i.outlet || null,
        waybillNo: i.waybillNo,
        serviceType: i.serviceType,
        originProvince: i.originProvince,
        destProvince: i.destProvince,
        category: i.category,
        reason: i.reason,
        description: i.description,
        demand: i.demand,
        demandAmountFen: i.demandAmountYuan === undefined ? null : yuanToFen(i.demandAmountYuan),
        priorComplaintMade: i.priorComplaint.made ? 1 : 0,
        priorComplaintDate: i.priorComplaint.date ?? null,
        priorComplaintResult: i.priorComplaint.result || null,
        profileId: DEFAULT_PROFILE.id,
        profileVersion: DEFAULT_PROFILE.version,
        createdAt: c.createdAt,
      });
      this.insertParty.run(
        `${c.id}:appellant`,
        c.id,
        i.appellant.name,
        i.appellant.phone ?? null,
        c.createdAt,
      );
    }
    const l = c.lifecycle;
    const changes: Record<string, string | number | null> = {
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
    for (const [key, value] of Object.entries(c.columns)) if (SETTABLE.has(key)) changes[key] = value;
    const columns = Object.keys(changes);
    this.db
      .prepare(
        `UPDATE cases SET ${columns.map((k) => `${k} = @${k}`).join(', ')}, version = version + 1 WHERE id = @id`,
      )
      .run({ ...changes, id: c.id });
    return isNew;
  }
}
