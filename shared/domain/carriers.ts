/**
 * Carriers (postal and express enterprises) with their waybill formats.
 * The patterns are the default reference data; administrators can change them in the store
 * (carriers.waybill_pattern), so validation always reads the store's copy, seeded from here.
 */
export type CarrierKind = 'postal' | 'express';

export interface CarrierSeed {
  readonly id: string;
  readonly zh: string;
  readonly en: string;
  readonly kind: CarrierKind;
  /** Anchored regular expression over the normalised (upper-case, no spaces) number. */
  readonly waybillPattern: string;
  /** Whether UPU S10 numbers (international items) are accepted and check-digit verified. */
  readonly acceptsS10: boolean;
  /** An example that matches, shown as a hint in the intake form. */
  readonly example: string;
}

export const CARRIERS: readonly CarrierSeed[] = [
  {
    id: 'china_post',
    zh: '中国邮政',
    en: 'China Post',
    kind: 'postal',
    waybillPattern: '^(?:9\\d{12}|1\\d{12})$',
    acceptsS10: true,
    example: '9812345678901',
  },
  {
    id: 'ems',
    zh: '邮政EMS',
    en: 'EMS',
    kind: 'express',
    waybillPattern: '^(?:1\\d{12}|5\\d{12})$',
    acceptsS10: true,
    example: '1123456789012',
  },
  {
    id: 'sf',
    zh: '顺丰速运',
    en: 'SF Express',
    kind: 'express',
    waybillPattern: '^SF\\d{13}$',
    acceptsS10: false,
    example: 'SF1234567890123',
  },
  {
    id: 'zto',
    zh: '中通快递',
    en: 'ZTO Express',
    kind: 'express',
    waybillPattern: '^7[0-9]\\d{12}$',
    acceptsS10: false,
    example: '75123456789012',
  },
  {
    id: 'yto',
    zh: '圆通速递',
    en: 'YTO Express',
    kind: 'express',
    waybillPattern: '^YT\\d{13}$',
    acceptsS10: false,
    example: 'YT1234567890123',
  },
  {
    id: 'sto',
    zh: '申通快递',
    en: 'STO Express',
    kind: 'express',
    waybillPattern: '^77\\d{13}$',
    acceptsS10: false,
    example: '773123456789012',
  },
  {
    id: 'yunda',
    zh: '韵达速递',
    en: 'Yunda Express',
    kind: 'express',
    waybillPattern: '^(?:43\\d{11}|31\\d{13})$',
    acceptsS10: false,
    example: '4312345678901',
  },
  {
    id: 'jt',
    zh: '极兔速递',
    en: 'J&T Express',
    kind: 'express',
    waybillPattern: '^JT\\d{13}$',
    acceptsS10: false,
    example: 'JT1234567890123',
  },
  {
    id: 'jd',
    zh: '京东快递',
    en: 'JD Logistics',
    kind: 'express',
    waybillPattern: '^JD[VX][A-Z0-9]{10,12}$',
    acceptsS10: false,
    example: 'JDVA12345678901',
  },
  {
    id: 'deppon',
    zh: '德邦快递',
    en: 'Deppon Express',
    kind: 'express',
    waybillPattern: '^DPK\\d{12}$',
    acceptsS10: false,
    example: 'DPK123456789012',
  },
  {
    id: 'cainiao',
    zh: '菜鸟速递',
    en: 'Cainiao Express',
    kind: 'express',
    waybillPattern: '^CN\\d{13}$',
    acceptsS10: false,
    example: 'CN1234567890123',
  },
  {
    id: 'sinotrans',
    zh: '中外运-空运',
    en: 'Sinotrans Air',
    kind: 'express',
    waybillPattern: '^\\d{10,12}$',
    acceptsS10: false,
    example: '1234567890',
  },
];

export function findCarrierSeed(id: string): CarrierSeed | undefined {
  return CARRIERS.find((c) => c.id === id);
}
