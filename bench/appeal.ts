import { registerAppealSchema, type RegisterAppeal } from '../shared/domain/appeal';

/** The appeal the sync benches register or serve, parsed as the store would keep it. */
export function benchAppeal(receivedAt: number): RegisterAppeal {
  return registerAppealSchema.parse({
    channel: 'phone_12305',
    receivedAt,
    appellant: { name: '王小明', phone: '13912345678', role: 'recipient' },
    carrierId: 'sf',
    waybillNo: 'SF1234567890123',
    serviceType: 'express',
    originProvince: '440000',
    destProvince: '330000',
    category: 'loss',
    reason: 'compensation_amount',
    description: '快件显示已签收，但本人并未收到。',
    demand: 'compensation',
    demandAmountYuan: 300,
    priorComplaint: { made: true, date: '2026-11-10', result: '企业称已赔付50元' },
  });
}
