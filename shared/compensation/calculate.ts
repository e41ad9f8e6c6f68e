/**
 * Compensation under DOMAIN §4: postal items by 邮政法 Art.46–47, express items by 快递暂行条例
 * Art.27, delay by the 2011 GB/T 27917 rule. Pure: amounts in fen, every step of the arithmetic
 * returned as an i18n key with its parameters so the drawer can show the basis in either language.
 */

/** 平常邮件, registered letter (挂号信), other receipted postal items (给据邮件), express. */
export const ITEM_KINDS = ['ordinary_mail', 'registered_letter', 'receipted_postal', 'express'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

export const LOSS_KINDS = ['lost', 'destroyed', 'partial', 'delay'] as const;
export type LossKind = (typeof LOSS_KINDS)[number];

export const ROUTES = ['same_city', 'domestic', 'international'] as const;
export type Route = (typeof ROUTES)[number];

/** Calendar days after the promised time limit from which a delay counts as a loss ([U]: units and 2023 values). */
export type CompleteDelayThresholds = Record<Route, number>;
export const DEFAULT_COMPLETE_DELAY_DAYS: CompleteDelayThresholds = {
  same_city: 3,
  domestic: 7,
  international: 10,
};

export interface CompensationInput {
  itemKind: ItemKind;
  loss: LossKind;
  postageFen: number;
  insured: boolean;
  insuredAmountFen?: number | undefined;
  /** Full declared value of an insured item; needed for a partial loss of an insured postal item. */
  fullValueFen?: number | undefined;
  actualLossFen?: number | undefined;
  /** Intentional act or gross negligence: the statutory caps and the 平常邮件 exemption do not apply. */
  intentOrGrossNegligence?: boolean | undefined;
  /** For a delay: calendar days past the promised time limit, and the route. */
  delayDays?: number | undefined;
  route?: Route | undefined;
}

export interface BasisLine {
  key: string;
  params?: Record<string, string | number>;
}

export type CompensationResult =
  | { ok: true; liable: boolean; amountFen: number; basis: BasisLine[] }
  | { ok: false; missing: (keyof CompensationInput)[]; basis: BasisLine[] };

const yuan = (fen: number) => (fen / 100).toFixed(2);
const K = 'compensation.basis';

export function calculateCompensation(
  input: CompensationInput,
  thresholds: CompleteDelayThresholds = DEFAULT_COMPLETE_DELAY_DAYS,
): CompensationResult {
  if (input.loss === 'delay') return delay(input, thresholds);
  return loss(input, input.loss, []);
}

function delay(input: CompensationInput, thresholds: CompleteDelayThresholds): CompensationResult {
  const route = input.route ?? 'domestic';
  const limit = thresholds[route];
  if (input.delayDays !== undefined && input.delayDays >= limit) {
    const lead: BasisLine = { key: `${K}.completeDelay`, params: { days: input.delayDays, limit, route } };
    return loss(input, 'lost', [lead]);
  }
  if (input.itemKind !== 'express') {
    return { ok: true, liable: false, amountFen: 0, basis: [{ key: `${K}.postalDelay` }] };
  }
  return {
    ok: true,
    liable: true,
    amountFen: input.postageFen,
    basis: [{ key: `${K}.delayWaiveFee`, params: { postage: yuan(input.postageFen) } }],
  };
}

function loss(
  input: CompensationInput,
  kind: Exclude<LossKind, 'delay'>,
  lead: BasisLine[],
): CompensationResult {
  const fail = (...missing: (keyof CompensationInput)[]): CompensationResult => ({
    ok: false,
    missing,
    basis: lead,
  });
  const pay = (amountFen: number, ...lines: BasisLine[]): CompensationResult => ({
    ok: true,
    liable: true,
    amountFen,
    basis: [...lead, ...lines],
  });
  const { actualLossFen, insuredAmountFen, postageFen } = input;
  const total = kind !== 'partial';

  if (input.intentOrGrossNegligence) {
    if (actualLossFen === undefined) return fail('actualLossFen');
    return pay(actualLossFen, { key: `${K}.gross`, params: { loss: yuan(actualLossFen) } });
  }

  if (input.itemKind === 'express') {
    if (input.insured) {
      if (insuredAmountFen === undefined) return fail('insuredAmountFen');
      if (total)
        return pay(insuredAmountFen, {
          key: `${K}.expressInsuredTotal`,
          params: { insured: yuan(insuredAmountFen) },
        });
      if (actualLossFen === undefined) return fail('actualLossFen');
      const amount = Math.min(actualLossFen, insuredAmountFen);
      return pay(amount, {
        key: `${K}.expressInsuredPartial`,
        params: { loss: yuan(actualLossFen), insured: yuan(insuredAmountFen), amount: yuan(amount) },
      });
    }
    if (actualLossFen === undefined) return fail('actualLossFen');
    return pay(actualLossFen, { key: `${K}.expressUninsured`, params: { loss: yuan(actualLossFen) } });
  }

  if (input.itemKind === 'ordinary_mail') {
    return { ok: true, liable: false, amountFen: 0, basis: [...lead, { key: `${K}.ordinaryMail` }] };
  }

  if (input.insured) {
    if (insuredAmountFen === undefined) return fail('insuredAmountFen');
    if (total)
      return pay(insuredAmountFen, {
        key: `${K}.postalInsuredTotal`,
        params: { insured: yuan(insuredAmountFen) },
      });
    const { fullValueFen } = input;
    if (actualLossFen === undefined || fullValueFen === undefined || fullValueFen <= 0) {
      return fail(...(['actualLossFen', 'fullValueFen'] as const).filter((f) => !(input[f]! > 0)));
    }
    const amount = Math.min(insuredAmountFen, Math.round((actualLossFen * insuredAmountFen) / fullValueFen));
    return pay(amount, {
      key: `${K}.postalInsuredPartial`,
      params: {
        loss: yuan(actualLossFen),
        insured: yuan(insuredAmountFen),
        value: yuan(fullValueFen),
        amount: yuan(amount),
      },
    });
  }

  if (input.itemKind === 'registered_letter') {
    const amount = postageFen * 3;
    return pay(amount, {
      key: `${K}.registeredLetter`,
      params: { postage: yuan(postageFen), amount: yuan(amount) },
    });
  }

  if (actualLossFen === undefined) return fail('actualLossFen');
  const cap = postageFen * 3;
  const amount = Math.min(actualLossFen, cap);
  return pay(amount, {
    key: `${K}.postalUninsured`,
    params: { loss: yuan(actualLossFen), postage: yuan(postageFen), cap: yuan(cap), amount: yuan(amount) },
  });
}
