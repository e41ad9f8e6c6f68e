import type { RegisterAppealInput } from '../../../shared/domain/appeal';
import type { AppellantRole, Channel, Demand, ServiceType } from '../../../shared/domain/channel';

/** What the intake form holds while the handler types: the input's shape, every field optional. */
export interface IntakeValues {
  channel?: Channel;
  appellant?: { name?: string; phone?: string; role?: AppellantRole };
  carrierId?: string;
  outlet?: string;
  waybillNo?: string;
  serviceType?: ServiceType;
  originProvince?: string;
  destProvince?: string;
  category?: string;
  reason?: string;
  description?: string;
  demand?: Demand;
  /** InputNumber reports a cleared box as null. */
  demandAmountYuan?: number | null;
  priorComplaint?: { made?: boolean; date?: string; result?: string };
}

/**
 * The form's field paths, written as main reports them (`appellant.phone`), so a server field
 * error lands under its field. A path not in this list is shown above the form instead.
 */
export const INTAKE_FIELD_PATHS = [
  'channel',
  'appellant.name',
  'appellant.phone',
  'appellant.role',
  'carrierId',
  'outlet',
  'waybillNo',
  'serviceType',
  'originProvince',
  'destProvince',
  'category',
  'reason',
  'description',
  'demand',
  'demandAmountYuan',
  'priorComplaint.made',
  'priorComplaint.date',
  'priorComplaint.result',
] as const;
export type IntakeFieldPath = (typeof INTAKE_FIELD_PATHS)[number];

export function namePath(path: string): string[] {
  return path.split('.');
}

export const INITIAL_INTAKE_VALUES: IntakeValues = { channel: 'phone_12305', serviceType: 'express' };

const blankToUndefined = (s: string | undefined) => (s === undefined || s.trim() === '' ? undefined : s);

/**
 * The RPC input from the form. Missing required fields stay missing (the schema reports them);
 * optional blanks are dropped; the prior-complaint details only count when there was one.
 */
export function toRegisterInput(values: IntakeValues): RegisterAppealInput {
  const made = values.priorComplaint?.made;
  const input = {
    channel: values.channel,
    appellant: { name: values.appellant?.name, phone: values.appellant?.phone, role: values.appellant?.role },
    carrierId: values.carrierId,
    outlet: blankToUndefined(values.outlet),
    waybillNo: values.waybillNo,
    serviceType: values.serviceType,
    originProvince: values.originProvince,
    destProvince: values.destProvince,
    category: values.category,
    reason: values.reason,
    description: values.description,
    demand: values.demand,
    demandAmountYuan: values.demandAmountYuan ?? undefined,
    priorComplaint: {
      made,
      date: made ? blankToUndefined(values.priorComplaint?.date) : undefined,
      result: made ? blankToUndefined(values.priorComplaint?.result) : undefined,
    },
  };
  // Incomplete until the schema says otherwise; main validates it again either way.
  return input as RegisterAppealInput;
}
