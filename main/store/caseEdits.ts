import type Database from 'better-sqlite3';
import type { RegisterAppeal } from '../../shared/domain/appeal';
import {
  editedIntake,
  fieldEditEventData,
  fieldValue,
  sameValue,
  type EditableField,
  type FieldEdits,
  type FieldValue,
} from '../../shared/domain/caseEdits';
import type { FieldVersions } from '../../shared/sync/rules';
import { fenToYuan, yuanToFen } from '../../shared/domain/money';
import type { Role } from '../../shared/domain/roles';
import type { CaseStatus } from '../../shared/domain/status';
import { normaliseWaybill } from '../../shared/domain/waybill';
import { RpcFailure } from '../../shared/rpc/errors';
import { AuditLog, type Actor } from './audit';
import { assertWaybillFits, type WaybillCarrier } from './cases';
import { Outbox } from './outbox';

const LEADS: readonly Role[] = ['team_lead', 'admin'];

export interface EditFieldsInput {
  caseId: string;
  fields: FieldEdits;
}

interface EditRow {
  status: CaseStatus;
  is_open: number;
  assignee_id: string | null;
  channel: RegisterAppeal['channel'];
  received_at: number;
  appellant_name: string;
  appellant_phone: string | null;
  appellant_role: RegisterAppeal['appellant']['role'];
  carrier_id: string;
  outlet: string | null;
  waybill_no: string;
  service_type: RegisterAppeal['serviceType'];
  origin_province: string;
  dest_province: string;
  category: string;
  reason: string;
  description: string;
  demand: RegisterAppeal['demand'];
  demand_amount_fen: number | null;
  prior_complaint_made: number;
  prior_complaint_date: string | null;
  prior_complaint_result: string | null;
  field_versions: string | null;
}

/** The case's intake as registration's schema reads it, from its row. */
function intakeOf(r: EditRow): RegisterAppeal {
  return {
    channel: r.channel,
    receivedAt: r.received_at,
    appellant: { name: r.appellant_name, phone: r.appellant_phone ?? '', role: r.appellant_role },
    carrierId: r.carrier_id,
    ...(r.outlet === null ? {} : { outlet: r.outlet }),
    waybillNo: r.waybill_no,
    serviceType: r.service_type,
    originProvince: r.origin_province,
    destProvince: r.dest_province,
    category: r.category,
    reason: r.reason,
    description: r.description,
    demand: r.demand,
    ...(r.demand_amount_fen === null ? {} : { demandAmountYuan: fenToYuan(r.demand_amount_fen) }),
    priorComplaint: {
      made: r.prior_complaint_made === 1,
      ...(r.prior_complaint_date === null ? {} : { date: r.prior_complaint_date }),
      ...(r.prior_complaint_result === null ? {} : { result: r.prior_complaint_result }),
    },
  };
}

const refused = (fields: { path: string; key: string }[]) =>
  new RpcFailure('VALIDATION_FAILED', 'errors.VALIDATION_FAILED', {}, fields);

/**
 * Corrections of a registered case's descriptive fields (shared/domain/caseEdits.ts): on an open
 * case, by whoever holds it or a lead, each field compared against the version the screen showed.
 * The change, the audit event and the `editCaseFields.v1` intent are one transaction.
 */
export class CaseEditCommands {
  private readonly audit: AuditLog;
  private readonly outbox: Outbox;
  private readonly row: Database.Statement<[string], EditRow>;
  private readonly carrier: Database.Statement<[string], WaybillCarrier>;
  private readonly updateCase: Database.Statement;
  private readonly updateAppellant: Database.Statement<[string, string, string]>;

  constructor(private readonly db: Database.Database) {
    this.audit = new AuditLog(db);
    this.outbox = new Outbox(db);
    this.row = db.prepare(`SELECT c.*, p.name AS appellant_name, p.phone AS appellant_phone
      FROM cases c JOIN parties p ON p.case_id = c.id AND p.kind = 'appellant' WHERE c.id = ?`);
    this.carrier = db.prepare('SELECT * FROM carriers WHERE id = ?');
    this.updateCase = db.prepare(`UPDATE cases SET
        waybill_no = @waybillNo, service_type = @serviceType, origin_province = @originProvince,
        dest_province = @destProvince, category = @category, reason = @reason, description = @description,
        demand = @demand, demand_amount_fen = @demandAmountFen, field_versions = @fieldVersions,
        updated_at = @now, version = version + 1
      WHERE id = @id`);
    this.updateAppellant = db.prepare(
      `UPDATE parties SET name = ?, phone = ? WHERE case_id = ? AND kind = 'appellant'`,
    );
  }

  edit(input: EditFieldsInput, actor: Actor, roles: readonly Role[], now = Date.now()): void {
    this.db.transaction(() => {
      const r = this.row.get(input.caseId);
      if (!r) throw new RpcFailure('NOT_FOUND', 'errors.NOT_FOUND');
      if (r.is_open !== 1) throw new RpcFailure('INVALID_TRANSITION', 'caseEdit.refused.closed');
      const lead = roles.some((role) => LEADS.includes(role));
      if (!lead && r.assignee_id !== null && r.assignee_id !== actor.staffId) {
        throw new RpcFailure('FORBIDDEN', 'caseEdit.refused.notHolder');
      }
      const versions = JSON.parse(r.field_versions ?? '{}') as FieldVersions;
      const edits = Object.entries(input.fields) as [
        EditableField,
        { value: FieldValue; baseVersion: number },
      ][];
      const stale = edits.filter(([field, edit]) => (versions[field] ?? 0) !== edit.baseVersion);
      if (stale.length > 0) {
        throw new RpcFailure(
          'CONFLICT',
          'caseEdit.refused.stale',
          {},
          stale.map(([field]) => ({ path: field, key: 'validation.caseEdit.changedMeanwhile' })),
          { fields: stale.map(([field]) => field) },
        );
      }
      const before = intakeOf(r);
      const values = Object.fromEntries(
        edits.map(([field, edit]) => [
          field,
          field === 'waybillNo' && typeof edit.value === 'string' ? normaliseWaybill(edit.value) : edit.value,
        ]),
      ) as Partial<Record<EditableField, FieldValue>>;
      const result = editedIntake(before, values);
      if (!result.ok) throw refused(result.issues.map((i) => ({ path: i.path, key: i.key })));
      const after = result.intake;
      const changed = edits.filter(
        ([field]) => !sameValue(field, fieldValue(before, field), fieldValue(after, field)),
      );
      if (changed.length === 0) throw refused([{ path: '', key: 'validation.caseEdit.nothingToChange' }]);
      const carrier = this.carrier.get(after.carrierId);
      if (carrier && changed.some(([field]) => field === 'waybillNo'))
        assertWaybillFits(after.waybillNo, carrier);

      const next: Record<string, number> = { ...versions };
      for (const [field] of changed) next[field] = (next[field] ?? 0) + 1;
      this.updateCase.run({
        id: input.caseId,
        waybillNo: after.waybillNo,
        serviceType: after.serviceType,
        originProvince: after.originProvince,
        destProvince: after.destProvince,
        category: after.category,
        reason: after.reason,
        description: after.description,
        demand: after.demand,
        demandAmountFen: after.demandAmountYuan === undefined ? null : yuanToFen(after.demandAmountYuan),
        fieldVersions: JSON.stringify(next),
        now,
      });
      if (changed.some(([field]) => field === 'appellantName' || field === 'appellantPhone')) {
        this.updateAppellant.run(after.appellant.name, after.appellant.phone, input.caseId);
      }
      this.audit.append(
        {
          caseId: input.caseId,
          type: 'case.fields_edited',
          at: now,
          status: r.status,
          data: fieldEditEventData(before, after, changed),
        },
        actor,
      );
      // What was stored goes to the server (trimmed, normalised), with the version each field was edited from.
      const fields = Object.fromEntries(
        changed.map(([field, edit]) => [
          field,
          { value: fieldValue(after, field), baseVersion: edit.baseVersion },
        ]),
      );
      this.outbox.append('editCaseFields.v1', { caseId: input.caseId, fields }, input.caseId, actor, now);
    })();
  }
}
