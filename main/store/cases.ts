import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { WorkingCalendar } from '../../shared/calendar';
import { CURRENT_PROFILE } from '../../shared/deadlines';
import { prerequisiteWarning, type RegisterAppeal } from '../../shared/domain/appeal';
import type { CaseStatus } from '../../shared/domain/status';
import { shanghaiDate } from '../../shared/domain/time';
import { checkWaybill, normaliseWaybill } from '../../shared/domain/waybill';
import type { CaseDetail, RegisterResult } from '../../shared/rpc/dto';
import { RpcFailure } from '../../shared/rpc/errors';
import { AuditLog, type Actor } from './audit';
import { Outbox } from './outbox';
import { toListItem } from './queue';
import { ruleProfiles } from './profiles';
import { refreshDeadlines } from './search/deadlines';
import { fenToYuan, yuanToFen } from '../../shared/domain/money';

/**
 * The shipped profile. Registration records the store's active profile version (main/store/profiles.ts);
 * demo data and cases pulled from the team server run under this one, as stored profiles are not synced.
 */
export const DEFAULT_PROFILE = { id: CURRENT_PROFILE.id, version: CURRENT_PROFILE.version } as const;

/** What the waybill check reads of a carrier's row. */
export interface WaybillCarrier {
  name_zh: string;
  name_en: string;
  waybill_pattern: string;
  accepts_s10: number;
  waybill_example: string;
}

/** Refuses a waybill number that does not fit its carrier (registration, corrections), naming an example. */
export function assertWaybillFits(waybillNo: string, carrier: WaybillCarrier): void {
  const problem = checkWaybill(waybillNo, {
    waybillPattern: carrier.waybill_pattern,
    acceptsS10: carrier.accepts_s10 === 1,
  });
  if (!problem) return;
  throw new RpcFailure('VALIDATION_FAILED', 'errors.VALIDATION_FAILED', {}, [
    {
      path: 'waybillNo',
      key: problem === 's10_check_digit' ? 'validation.waybill.s10' : 'validation.waybill.pattern',
      params: { carrier: carrier.name_zh, carrierEn: carrier.name_en, example: carrier.waybill_example },
    },
  ]);
}

export class CaseCommands {
  private readonly audit: AuditLog;
  private readonly outbox: Outbox;
  private readonly carrier: Database.Statement<[string], WaybillCarrier & { id: string; active: number }>;
  private readonly nextNumber: Database.Statement<[string], { last: number }>;
  private readonly insertCase: Database.Statement;
  private readonly insertParty: Database.Statement;
  private readonly detail: Database.Statement<[string], Record<string, unknown>>;

  constructor(
    private readonly db: Database.Database,
    private readonly calendar: () => WorkingCalendar,
  ) {
    this.audit = new AuditLog(db);
    this.outbox = new Outbox(db);
    this.carrier = db.prepare('SELECT * FROM carriers WHERE id = ?');
    this.nextNumber = db.prepare(
      `INSERT INTO case_number_counters (day, last) VALUES (?, 1)
       ON CONFLICT (day) DO UPDATE SET last = last + 1 RETURNING last`,
    );
    this.insertCase = db.prepare(`INSERT INTO cases (
        id, case_no, status, is_open, channel, received_at, received_date, appellant_role, carrier_id, outlet,
        waybill_no, service_type, origin_province, dest_province, category, reason, description, demand,
        demand_amount_fen, prior_complaint_made, prior_complaint_date, prior_complaint_result, assignee_id,
        priority, profile_id, profile_version, created_at, updated_at
      ) VALUES (
        @id, @caseNo, @status, 1, @channel, @receivedAt, @receivedDate, @appellantRole, @carrierId, @outlet,
        @waybillNo, @serviceType, @originProvince, @destProvince, @category, @reason, @description, @demand,
        @demandAmountFen, @priorComplaintMade, @priorComplaintDate, @priorComplaintResult, NULL,
        0, @profileId, @profileVersion, @now, @now
      )`);
    this.insertParty = db.prepare(
      `INSERT INTO parties (id, case_id, kind, name, phone, created_at) VALUES (?, ?, 'appellant', ?, ?, ?)`,
    );
    this.detail = db.prepare(`SELECT c.*, p.name AS appellant_name, p.phone AS appellant_phone
      FROM cases c JOIN parties p ON p.case_id = c.id AND p.kind = 'appellant' WHERE c.id = ?`);
  }

  /** Registers an appeal: checks what needs the store (carrier, waybill), then writes it all or nothing. */
  register(
    input: RegisterAppeal,
    actor: Actor,
    now = Date.now(),
  ): Omit<RegisterResult, 'case'> & { case: Omit<CaseDetail, 'lifecycle' | 'available'> } {
    const carrier = this.carrier.get(input.carrierId);
    if (!carrier || !carrier.active) {
      throw new RpcFailure('VALIDATION_FAILED', 'errors.VALIDATION_FAILED', {}, [
        { path: 'carrierId', key: 'validation.carrier.unknown' },
      ]);
    }
    const waybillNo = normaliseWaybill(input.waybillNo);
    assertWaybillFits(waybillNo, carrier);
    const receivedAt = input.receivedAt ?? now;
    const receivedDate = shanghaiDate(receivedAt);
    const profile = ruleProfiles(this.db).active();
    const id = randomUUID();
    const status: CaseStatus = 'registered';
    this.db.transaction(() => {
      const seq = this.nextNumber.get(receivedDate)!.last;
      const caseNo = `SS${receivedDate.replaceAll('-', '')}${String(seq).padStart(6, '0')}`;
      this.insertCase.run({
        id,
        caseNo,
        status,
        channel: input.channel,
        receivedAt,
        receivedDate,
        appellantRole: input.appellant.role,
        carrierId: input.carrierId,
        outlet: input.outlet || null,
        waybillNo,
        serviceType: input.serviceType,
        originProvince: input.originProvince,
        destProvince: input.destProvince,
        category: input.category,
        reason: input.reason,
        description: input.description,
        demand: input.demand,
        demandAmountFen: input.demandAmountYuan === undefined ? null : yuanToFen(input.demandAmountYuan),
        priorComplaintMade: input.priorComplaint.made ? 1 : 0,
        priorComplaintDate: input.priorComplaint.date ?? null,
        priorComplaintResult: input.priorComplaint.result || null,
        profileId: profile.id,
        profileVersion: profile.version,
        now,
      });
      this.insertParty.run(randomUUID(), id, input.appellant.name, input.appellant.phone, now);
      this.audit.append(
        {
          caseId: id,
          type: 'transition.register',
          at: now,
          status,
          // The profile version its clocks run under, in the tamper-evident trail too.
          data: {
            caseNo,
            channel: input.channel,
            receivedAt,
            profile: { id: profile.id, version: profile.version },
          },
        },
        actor,
      );
      this.outbox.append(
        'createCase.v1',
        { id, caseNo, input: { ...input, waybillNo, receivedAt } },
        id,
        actor,
        now,
      );
      refreshDeadlines(this.db, id, this.calendar(), now);
    })();
    const warning = prerequisiteWarning(input.priorComplaint, receivedDate);
    return { case: this.get(id)!, warnings: warning ? [warning] : [] };
  }

  get(id: string): Omit<CaseDetail, 'lifecycle' | 'available'> | null {
    const r = this.detail.get(id);
    if (!r) return null;
    const status = r.status as CaseStatus;
    return {
      ...toListItem({
        id: r.id as string,
        caseNo: r.case_no as string,
        status,
        channel: r.channel as CaseDetail['channel'],
        receivedAt: r.received_at as number,
        appellantName: r.appellant_name as string,
        appellantPhone: r.appellant_phone as string | null,
        carrierId: r.carrier_id as string,
        waybillNo: r.waybill_no as string,
        category: r.category as string,
        reason: r.reason as string,
        assigneeId: r.assignee_id as string | null,
        priority: r.priority as number,
      }),
      appellantRole: r.appellant_role as CaseDetail['appellantRole'],
      outlet: r.outlet as string | null,
      serviceType: r.service_type as CaseDetail['serviceType'],
      originProvince: r.origin_province as string,
      destProvince: r.dest_province as string,
      description: r.description as string,
      demand: r.demand as CaseDetail['demand'],
      demandAmountYuan: r.demand_amount_fen === null ? null : fenToYuan(r.demand_amount_fen as number),
      priorComplaintMade: r.prior_complaint_made === 1,
      priorComplaintDate: r.prior_complaint_date as string | null,
      priorComplaintResult: r.prior_complaint_result as string | null,
      profileId: r.profile_id as string,
      profileVersion: r.profile_version as number,
      transferCount: r.transfer_count as number,
      createdAt: r.created_at as number,
      updatedAt: r.updated_at as number,
      fieldVersions: JSON.parse((r.field_versions as string | null) ?? '{}') as Record<string, number>,
    };
  }
}
