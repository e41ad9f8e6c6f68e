import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  calculateCompensation,
  COMPENSATION_MESSAGES,
  type CompensationInput,
} from '../../../shared/compensation';
import { translate } from '../../../shared/i18n/translate';

const base = { postageFen: 1200, insured: false } as const;

describe('compensation table (DOMAIN §4)', () => {
  const cases: [string, CompensationInput, number, string][] = [
    ['平常邮件 lost: no liability', { ...base, itemKind: 'ordinary_mail', loss: 'lost' }, 0, 'ordinaryMail'],
    [
      '平常邮件 with gross negligence: actual loss',
      {
        ...base,
        itemKind: 'ordinary_mail',
        loss: 'lost',
        actualLossFen: 5000,
        intentOrGrossNegligence: true,
      },
      5000,
      'gross',
    ],
    [
      'registered letter lost: 3× postage flat',
      { ...base, itemKind: 'registered_letter', loss: 'lost' },
      3600,
      'registeredLetter',
    ],
    [
      'uninsured parcel: actual loss under the cap',
      { ...base, itemKind: 'receipted_postal', loss: 'destroyed', actualLossFen: 2000 },
      2000,
      'postalUninsured',
    ],
    [
      'uninsured parcel: capped at 3× postage',
      { ...base, itemKind: 'receipted_postal', loss: 'lost', actualLossFen: 50000 },
      3600,
      'postalUninsured',
    ],
    [
      'insured parcel lost: the insured amount',
      { ...base, itemKind: 'receipted_postal', loss: 'lost', insured: true, insuredAmountFen: 80000 },
      80000,
      'postalInsuredTotal',
    ],
    [
      'insured parcel partial: loss × insured / value',
      {
        ...base,
        itemKind: 'receipted_postal',
        loss: 'partial',
        insured: true,
        insuredAmountFen: 50000,
        fullValueFen: 100000,
        actualLossFen: 30000,
      },
      15000,
      'postalInsuredPartial',
    ],
    [
      'uninsured express: actual loss, no cap',
      { ...base, itemKind: 'express', loss: 'lost', actualLossFen: 500000 },
      500000,
      'expressUninsured',
    ],
    [
      'insured express lost: the insured amount',
      { ...base, itemKind: 'express', loss: 'lost', insured: true, insuredAmountFen: 200000 },
      200000,
      'expressInsuredTotal',
    ],
    [
      'insured express partial: actual loss up to the insured amount',
      {
        ...base,
        itemKind: 'express',
        loss: 'partial',
        insured: true,
        insuredAmountFen: 10000,
        actualLossFen: 25000,
      },
      10000,
      'expressInsuredPartial',
    ],
    [
      'express delay: the service fee waived',
      { ...base, itemKind: 'express', loss: 'delay', delayDays: 2, route: 'domestic' },
      1200,
      'delayWaiveFee',
    ],
    [
      'postal delay: no statutory compensation',
      { ...base, itemKind: 'receipted_postal', loss: 'delay', delayDays: 1 },
      0,
      'postalDelay',
    ],
  ];

  it.each(cases)('%s', (_, input, amountFen, basis) => {
    const result = calculateCompensation(input);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.amountFen).toBe(amountFen);
    expect(result.basis.at(-1)?.key).toBe(`compensation.basis.${basis}`);
  });

  it('treats a complete delay as a loss, with configurable thresholds', () => {
    const input: CompensationInput = {
      ...base,
      itemKind: 'express',
      loss: 'delay',
      delayDays: 3,
      route: 'same_city',
      actualLossFen: 9900,
    };
    const complete = calculateCompensation(input);
    expect(complete).toMatchObject({ ok: true, amountFen: 9900 });
    expect(complete.basis.map((b) => b.key)).toEqual([
      'compensation.basis.completeDelay',
      'compensation.basis.expressUninsured',
    ]);
    const lenient = calculateCompensation(input, { same_city: 5, domestic: 7, international: 10 });
    expect(lenient).toMatchObject({ ok: true, amountFen: 1200 });
  });

  it('names the missing inputs instead of guessing', () => {
    expect(calculateCompensation({ ...base, itemKind: 'express', loss: 'lost' })).toEqual({
      ok: false,
      missing: ['actualLossFen'],
      basis: [],
    });
    const partial = calculateCompensation({
      ...base,
      itemKind: 'receipted_postal',
      loss: 'partial',
      insured: true,
      insuredAmountFen: 1,
    });
    expect(partial).toMatchObject({ ok: false, missing: ['actualLossFen', 'fullValueFen'] });
  });

  it('shows the article and the arithmetic in both languages', () => {
    const result = calculateCompensation({
      ...base,
      itemKind: 'receipted_postal',
      loss: 'lost',
      actualLossFen: 50000,
    });
    const line = result.basis[0]!;
    expect(translate('zh-CN', line.key, line.params)).toBe(
      '未保价给据邮件：按实际损失 ¥500.00 赔偿，最高不超过所收资费的三倍 ¥12.00 × 3 = ¥36.00，赔偿 ¥36.00（《邮政法》第四十七条第一款第二项）。',
    );
    expect(translate('en', line.key, line.params)).toContain(
      '¥12.00 × 3 = ¥36.00: ¥36.00 (Postal Law Art.47(1)(ii))',
    );
    expect(Object.keys(COMPENSATION_MESSAGES.en).sort()).toEqual(
      Object.keys(COMPENSATION_MESSAGES['zh-CN']).sort(),
    );
  });

  it('never pays an uninsured postal item more than 3× postage, nor an insured one more than the insured amount', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_00 }),
        fc.integer({ min: 0, max: 10_000_00 }),
        fc.integer({ min: 1, max: 10_000_00 }),
        fc.constantFrom('lost', 'destroyed', 'partial') as fc.Arbitrary<'lost' | 'destroyed' | 'partial'>,
        (postageFen, lossFen, valueFen, loss) => {
          const uninsured = calculateCompensation({
            itemKind: 'receipted_postal',
            loss,
            postageFen,
            insured: false,
            actualLossFen: lossFen,
          });
          expect(uninsured.ok && uninsured.amountFen).toBe(Math.min(lossFen, 3 * postageFen));
          const insuredFen = Math.min(valueFen, lossFen + 1);
          const insured = calculateCompensation({
            itemKind: 'receipted_postal',
            loss,
            postageFen,
            insured: true,
            insuredAmountFen: insuredFen,
            fullValueFen: valueFen,
            actualLossFen: Math.min(lossFen, valueFen),
          });
          expect(insured.ok && insured.amountFen).toBeLessThanOrEqual(insuredFen);
        },
      ),
    );
  });
});
