import { describe, expect, it } from 'vitest';
import { changedFields } from '../../../../renderer/src/case/EditDetailsDialog';
import type { CaseDetail } from '../../../../shared/rpc/dto';

const detail = {
  waybillNo: 'SF1234567890123',
  serviceType: 'express',
  originProvince: '440000',
  destProvince: '330000',
  category: 'loss',
  reason: 'compensation_amount',
  description: '快件未收到',
  demand: 'compensation',
  demandAmountYuan: 300,
  appellantName: '王*明',
  appellantPhone: '139****5678',
  fieldVersions: { description: 2 },
} as unknown as CaseDetail;

describe('the correction dialog sends', () => {
  it('only the fields changed, each with the version the screen showed', () => {
    expect(
      changedFields(detail, {
        waybillNo: 'SF1234567890123',
        description: '  快件未收到，外包装破损  ',
        demandAmountYuan: null,
        appellantName: '',
        appellantPhone: ' 13987654321 ',
        category: 'loss',
      }),
    ).toEqual({
      description: { value: '快件未收到，外包装破损', baseVersion: 2 },
      demandAmountYuan: { value: null, baseVersion: 0 },
      appellantPhone: { value: '13987654321', baseVersion: 0 },
    });
  });

  it('nothing when the form still shows the case (personal data left empty keeps it)', () => {
    expect(
      changedFields(detail, {
        waybillNo: 'SF1234567890123',
        description: '快件未收到 ',
        demandAmountYuan: 300,
        appellantName: undefined,
      }),
    ).toEqual({});
  });
});
