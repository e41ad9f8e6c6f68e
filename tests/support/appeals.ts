import type { RegisterAppealInput } from '../../shared/domain/appeal';

/** A valid appeal as a handler would register it from a 12305 call; override what a test varies. */
export function validAppeal(overrides: Partial<RegisterAppealInput> = {}): RegisterAppealInput {
  return {
    channel: 'phone_12305',
    appellant: { name: '王小明', phone: '13912345678', role: 'recipient' },
    carrierId: 'sf',
    waybillNo: 'SF1234567890123',
    serviceType: 'express',
    originProvince: '440000',
    destProvince: '330000',
    category: 'loss',
    reason: 'compensation_amount',
    description: '快件显示已签收，但本人并未收到，联系快递员无果。',
    demand: 'compensation',
    demandAmountYuan: 300,
    priorComplaint: { made: true, date: '2026-11-10', result: '企业称已赔付50元，用户不满意' },
    ...overrides,
  };
}
