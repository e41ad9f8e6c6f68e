/**
 * Level-1 problem categories of the SPB notices (DOMAIN.md §2.1) and their level-2 reasons (§2.2).
 * Reasons marked `official: false` are grounded in regulations but not seen as official codes [U];
 * they are kept so that handlers can classify real calls, and can be retired by data.
 */
export interface Reason {
  readonly code: string;
  readonly zh: string;
  readonly en: string;
  readonly official: boolean;
}

export interface Category {
  readonly code: string;
  readonly zh: string;
  readonly en: string;
  readonly reasons: readonly Reason[];
}

const r = (code: string, zh: string, en: string, official = true): Reason => ({ code, zh, en, official });

export const CATEGORIES: readonly Category[] = [
  {
    code: 'delivery',
    zh: '投递服务',
    en: 'Delivery service',
    reasons: [
      r('false_signature', '虚假签收', 'False signature confirmation'),
      r('wrong_address', '未按名址投递', 'Not delivered to the stated name and address'),
      r(
        'locker_without_consent',
        '未经同意投递智能快件箱/快递服务站',
        'Locker or station without consent',
        false,
      ),
      r('receipt_without_consent', '未经同意代为确认收到快件', 'Receipt confirmed without consent', false),
      r('no_door_delivery', '未按约定上门投递', 'Refused door delivery', false),
      r('delivery_other', '其他投递问题', 'Other delivery problem', false),
    ],
  },
  {
    code: 'delay',
    zh: '延误',
    en: 'Delay',
    reasons: [
      r('transit_delay', '中转或运输延误', 'Transit or transport delay'),
      r('delivery_delay', '派送延误', 'Last-mile delay', false),
      r('delay_other', '其他延误', 'Other delay', false),
    ],
  },
  {
    code: 'loss',
    zh: '丢失短少',
    en: 'Loss or missing contents',
    reasons: [
      r('compensation_amount', '对企业赔偿金额不满', 'Dissatisfied with the compensation amount'),
      r('not_compensated', '企业未按照规定赔偿', 'Carrier did not compensate as required'),
      r('contents_missing', '内件短少', 'Contents missing', false),
    ],
  },
  {
    code: 'damage',
    zh: '损毁',
    en: 'Damage',
    reasons: [
      r('damage_compensation_amount', '对企业赔偿金额不满', 'Dissatisfied with the compensation amount'),
      r('rough_handling', '抛扔、踩踏快件', 'Thrown or trampled items', false),
      r('damage_other', '其他损毁', 'Other damage', false),
    ],
  },
  {
    code: 'collection',
    zh: '收寄服务',
    en: 'Collection service',
    reasons: [
      r('refused_collection', '拒收或未按约上门揽收', 'Refused or missed pickup', false),
      r('collection_other', '其他收寄问题', 'Other collection problem', false),
    ],
  },
  {
    code: 'charges',
    zh: '违规收费',
    en: 'Irregular charges',
    reasons: [
      r('overcharge', '超标准收费', 'Charged above the published price', false),
      r('hidden_fee', '未告知的附加费用', 'Undisclosed surcharge', false),
    ],
  },
  {
    code: 'cod',
    zh: '代收货款',
    en: 'Cash on delivery',
    reasons: [r('cod_not_remitted', '代收货款未按时返还', 'COD money not remitted', false)],
  },
  {
    code: 'attitude',
    zh: '服务态度',
    en: 'Service attitude',
    reasons: [r('rude_staff', '工作人员态度恶劣', 'Rude staff', false)],
  },
  {
    code: 'other',
    zh: '其他',
    en: 'Other',
    reasons: [r('other', '其他', 'Other', false)],
  },
];

const byCode = new Map(CATEGORIES.map((c) => [c.code, c]));

export function findCategory(code: string): Category | undefined {
  return byCode.get(code);
}

export function findReason(categoryCode: string, reasonCode: string): Reason | undefined {
  return byCode.get(categoryCode)?.reasons.find((x) => x.code === reasonCode);
}
