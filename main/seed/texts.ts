import type { AppellantRole, Demand } from '../../shared/domain/channel';
import type { Item } from './items';
import { COUNTRIES } from './items';
import type { Rng } from './random';

/**
 * Appeal descriptions in the words callers use, composed from parts: how the item was sent,
 * what went wrong (per level-2 reason, several phrasings each), optional details, the complaint
 * to the carrier, and what the user asks for. The parts and their variables (item, dates,
 * outlet, hub, amounts) combine into enough different texts that a substring search finds some
 * cases and not others, as it would on real data.
 */
export interface TextContext {
  rng: Rng;
  /** Level-2 reason code (shared/domain/categories). */
  reason: string;
  role: AppellantRole;
  carrierZh: string;
  item: Item;
  valueYuan: number;
  waybillNo: string;
  outlet: string;
  hub: string;
  originCity: string;
  destCity: string;
  /** `M月D日` */
  sentOn: string;
  /** `M月D日`, a few days after sentOn: when it arrived, was signed for, or went silent. */
  eventOn: string;
  delayDays: number;
  international: boolean;
  postal: boolean;
  /** What the carrier offered, in yuan (loss and damage). */
  offerYuan: number;
  prior: { made: boolean; on: string | null; result: string | null };
  demand: Demand;
  demandYuan: number | null;
}

type Part = (x: TextContext) => string;

const pick = <T>(x: TextContext, options: readonly T[]): T => x.rng.pick(options);

const courier = (x: TextContext) => (x.postal ? '投递员' : pick(x, ['快递员', '派件员', '快递小哥']));
const station = (x: TextContext) =>
  pick(x, ['小区门口的快递驿站', '智能快件箱', '楼下的代收点', '附近超市的代收点', '物业前台']);
const withWaybill = (x: TextContext) => (x.rng.chance(0.4) ? `，运单号${x.waybillNo}` : '');

const OPENINGS: Readonly<Record<AppellantRole, readonly Part[]>> = {
  recipient: [
    (x) =>
      `我在网上买了一${x.item.measure}${x.item.name}，商家${x.sentOn}从${x.originCity}通过${x.carrierZh}发货${withWaybill(x)}。`,
    (x) =>
      `本人有一${x.item.measure}从${x.originCity}寄来的${x.item.name}，${x.sentOn}发出，由${x.carrierZh}承运${withWaybill(x)}。`,
    (x) => `${x.sentOn}朋友从${x.originCity}给我寄了${x.item.name}，走的是${x.carrierZh}${withWaybill(x)}。`,
    (x) => `我是收件人，${x.carrierZh}的快件${x.sentOn}寄出，里面是${x.item.name}${withWaybill(x)}。`,
  ],
  sender: [
    (x) =>
      `本人${x.sentOn}在${x.carrierZh}${x.outlet}寄出${x.item.name}一${x.item.measure}，寄往${x.destCity}${withWaybill(x)}。`,
    (x) => `我${x.sentOn}通过${x.carrierZh}给${x.destCity}的客户发了${x.item.name}${withWaybill(x)}。`,
    (x) =>
      `${x.sentOn}我在网上下单寄件，${x.carrierZh}上门取走一${x.item.measure}${x.item.name}，收件地址在${x.destCity}${withWaybill(x)}。`,
    (x) =>
      `我是寄件人，${x.sentOn}交寄${x.item.name}到${x.destCity}${x.valueYuan > 0 && x.rng.chance(0.5) ? `，声明价值${x.valueYuan}元` : ''}${withWaybill(x)}。`,
  ],
  agent: [
    (x) =>
      `我受${pick(x, ['母亲', '父亲', '爷爷', '奶奶', '舅舅', '公司'])}委托申诉：${x.sentOn}有一${x.item.measure}${x.item.name}从${x.originCity}寄往${x.destCity}，由${x.carrierZh}承运${withWaybill(x)}。`,
    (x) =>
      `代家里老人反映问题，老人${x.sentOn}收寄${x.item.name}，承运企业是${x.carrierZh}${withWaybill(x)}。`,
  ],
};

const INTERNATIONAL: Part[] = [
  (x) => `这是一件从${pick(x, COUNTRIES)}寄来的国际邮件，入境后由${x.carrierZh}负责国内段运输。`,
  (x) => `该邮件寄往${pick(x, COUNTRIES)}，属于国际${x.postal ? '小包' : '特快专递'}。`,
];

const PROBLEMS: Readonly<Record<string, readonly Part[]>> = {
  false_signature: [
    (x) => `物流信息显示${x.eventOn}已签收，但本人从未收到，也没有委托任何人代收。`,
    (x) => `快件在${x.eventOn}被显示“本人签收”，实际当天我不在家，${courier(x)}也没有打过电话。`,
    (x) => `${courier(x)}没联系我就在系统里点了签收，问他放哪了他说记不清，至今找不到快件。`,
    () => '查询显示快件已被他人签收，签收人不是我，我家里人也都没有收到。',
  ],
  wrong_address: [
    (x) =>
      `${courier(x)}没有按运单地址投递，而是放到了${pick(x, ['隔壁小区', '另一栋楼', '别人家门口', '小区保安亭'])}，找了${x.delayDays}天才找到。`,
    () => '快件被错投到其他地址，收到时包装已被拆开过。',
    (x) => `运单上写的是${x.destCity}的家庭住址，结果被投到了单位，单位的人说没见过。`,
  ],
  locker_without_consent: [
    (x) => `${courier(x)}事先没有征得我同意，直接把快件放进了${station(x)}，我明确要求过送货上门。`,
    (x) => `电话里说好送上门，结果被直接放到${station(x)}，取件时还被要求交保管费。`,
    (x) => `快件没有经过我同意就被投进了${station(x)}，超时后还要收费，${x.item.name}也没人管。`,
  ],
  receipt_without_consent: [
    (x) => `快件被${station(x)}代签收，事先没有征得我同意，之后驿站说找不到了。`,
    (x) => `${courier(x)}未经我同意就替我确认了收货，我去取的时候东西已经不见了。`,
  ],
  no_door_delivery: [
    (x) => `运单写明送货上门，${courier(x)}却拒绝上楼，让我自己去${station(x)}取件。`,
    (x) => `家中老人行动不便，多次要求上门投递，都被${courier(x)}以“件太多送不过来”为由拒绝。`,
    (x) => `${x.item.name}很重，${courier(x)}不肯送到家，放在小区门口就走了。`,
  ],
  delivery_other: [
    (x) => `${courier(x)}投递时把快件随手放在门口，没有通知我，${x.item.name}被雨淋湿了。`,
    (x) => `${courier(x)}多次不按约定时间投递，打电话也不接。`,
  ],
  transit_delay: [
    (x) => `快件${x.eventOn}到达${x.hub}后一直没有发出，已经${x.delayDays}天没有任何物流更新。`,
    (x) => `物流信息停在${x.hub}整整${x.delayDays}天，远远超过了承诺的时限。`,
    (x) => `快件在${x.hub}和${x.destCity}之间来回转了两次，比正常时间晚了${x.delayDays}天。`,
  ],
  delivery_delay: [
    (x) => `快件${x.eventOn}就到了${x.destCity}，但${x.delayDays}天都没有派送。`,
    (x) => `物流显示“派送中”已经${x.delayDays}天，${courier(x)}电话一直打不通。`,
    (x) => `${x.outlet}说人手不够，快件在网点压了${x.delayDays}天才送。`,
  ],
  delay_other: [
    (x) =>
      x.item.perishable
        ? `快件延误了${x.delayDays}天才送到，${x.item.name}已经${pick(x, ['坏了', '变质发臭', '全部烂掉'])}。`
        : `快件比承诺时间晚到${x.delayDays}天，耽误了正事。`,
    (x) =>
      x.item.document
        ? `${x.item.name}晚到了${x.delayDays}天，错过了办理期限。`
        : `快件延误${x.delayDays}天，询问原因没人说得清。`,
  ],
  compensation_amount: [
    (x) =>
      `快件在运输途中丢失，${x.carrierZh}只同意按运费的三倍赔偿${x.offerYuan}元，和物品实际价值${x.valueYuan}元相差太大。`,
    (x) => `${x.carrierZh}承认快件丢了，但只肯赔${x.offerYuan}元，说没有保价只能这么赔。`,
    (x) => `快件丢失后网点给出的赔偿是${x.offerYuan}元，我有购物凭证，${x.item.name}价值${x.valueYuan}元。`,
  ],
  not_compensated: [
    (x) => `网点承认快件丢失，答应赔偿，但过了${x.delayDays}天还没有赔，一直推脱。`,
    (x) => `快件丢失，${x.outlet}和总部互相推诿，谁都不负责赔偿。`,
    () => '客服确认快件已遗失，说会走理赔流程，之后再没人联系我。',
  ],
  contents_missing: [
    (x) =>
      `收到快件时外包装完好但重量明显不对，打开后发现${x.item.name}少了${pick(x, ['一半', '两件', '一盒', '配件'])}。`,
    (x) => `外包装有二次封胶的痕迹，里面的${x.item.name}少了一部分。`,
    (x) => `签收后拆开发现内件短少，当时${courier(x)}已经走了，不让先验货。`,
  ],
  damage_compensation_amount: [
    (x) =>
      `收到时${x.item.name}已经${x.item.fragile ? '摔坏' : '严重破损'}，${x.carrierZh}只愿意赔偿${x.offerYuan}元，我不接受。`,
    (x) =>
      `${x.item.name}在运输中损坏，${x.outlet}只同意赔${x.offerYuan}元，维修都要${Math.max(x.offerYuan * 3, 100)}元。`,
  ],
  rough_handling: [
    (x) => `亲眼看到${courier(x)}卸货时抛扔快件，我的${x.item.name}因此摔坏了。`,
    (x) => `外箱有明显踩踏的脚印，里面的${x.item.name}${x.item.fragile ? '碎了' : '压坏了'}。`,
    (x) => `网上流传的视频里${x.outlet}的人在分拣时乱扔快件，我的快件正好就是那天到的，收到时已经坏了。`,
  ],
  damage_other: [
    (x) => `签收后发现${x.item.name}${x.item.fragile ? '外壳碎裂' : '被水泡过'}，当场拍了照片留证。`,
    (x) => `快件外包装破损，${x.item.name}${pick(x, ['变形', '划伤严重', '无法使用'])}。`,
  ],
  refused_collection: [
    (x) =>
      `预约了上门取件，${courier(x)}两次爽约，最后以“${pick(x, ['超出收件范围', '东西太大', '今天不收了'])}”为由拒绝收寄。`,
    (x) => `到${x.outlet}寄件，工作人员说系统故障不能寄，第二天去还是不给寄。`,
  ],
  collection_other: [
    (x) => `在${x.outlet}寄件时被强制要求购买包装，不买就不给寄。`,
    () => '寄件时工作人员没有验视也没有提醒保价，出了问题就说是我没保价。',
  ],
  overcharge: [
    (x) => `在${x.outlet}寄件被收了${Math.round(x.offerYuan + 20)}元，比官方价格高出不少。`,
    (x) => `同样重量的快件，网点收费比${x.carrierZh}官网公布的价格贵了一倍。`,
  ],
  hidden_fee: [
    (x) => `取件时被要求另付${pick(x, [3, 5, 10, 15])}元“派送费”，寄件时根本没有说过。`,
    (x) => `快件放在${station(x)}被收取了超期保管费，之前没有任何告知。`,
  ],
  cod_not_remitted: [
    (x) =>
      `我通过${x.carrierZh}发的代收货款快件，收件人已经付款${x.valueYuan}元，过了${x.delayDays}天货款还没有返还给我。`,
    (x) => `代收货款一直没有打到我账上，${x.outlet}说要等总部结算。`,
  ],
  rude_staff: [
    (x) => `打电话问${courier(x)}快件情况，对方态度恶劣，出口骂人，还挂了电话。`,
    (x) => `去${x.outlet}取件时工作人员态度很差，不耐烦地把快件扔给我。`,
    (x) => `${courier(x)}因为我要求送上门就威胁以后不给我送快递。`,
  ],
  other: [
    (x) => `${courier(x)}私自拆开了快件，侵犯个人隐私。`,
    () => '快件面单上的个人信息被泄露，之后接到好几个冒充客服的诈骗电话。',
    (x) => `快件被退回，但我从没有申请退件，${x.carrierZh}解释不清原因。`,
  ],
};

const EXTRAS: readonly Part[] = [
  () => '已经多次联系快递员和网点，都没有结果。',
  (x) => `${x.carrierZh}的客服电话一直打不通。`,
  () => '有照片和聊天记录可以作证。',
  () => '网点负责人说是加盟商的问题，让我去找总部。',
  () => '总部客服让我找网点，网点又让我找总部，互相推诿。',
  (x) => `物流信息到现在还停留在${x.hub}。`,
  () => '商家已经帮我催过快递公司，也没用。',
  () => '这已经是第二次出现同样的问题了。',
  () => '当时有邻居在场，可以证明。',
  (x) =>
    x.role === 'sender'
      ? '收件人是我的客户，这件事已经影响到我的生意。'
      : '这件东西是给孩子的生日礼物，很着急。',
  () => '希望你们能认真核实处理。',
];

const PRIOR: readonly Part[] = [
  (x) => `${x.prior.on}已向${x.carrierZh}投诉，${x.prior.result ?? '到现在还没有处理结果'}。`,
  (x) => `${x.prior.on}打过${x.carrierZh}客服电话投诉，${x.prior.result ?? '说会处理，但一直没消息'}。`,
];

const NO_PRIOR: readonly Part[] = [
  () => '还没有向快递公司投诉过。',
  () => '不知道要先找快递公司投诉，直接打了12305。',
];

const DEMANDS: Readonly<Record<Demand, readonly Part[]>> = {
  compensation: [
    (x) => `要求按实际价值赔偿${x.demandYuan}元。`,
    (x) => `要求${x.carrierZh}赔偿损失${x.demandYuan}元，并给出说法。`,
    (x) => `希望企业赔偿${x.demandYuan}元。`,
  ],
  redelivery: [
    () => '要求尽快把快件送到家。',
    () => '要求按运单地址重新投递。',
    () => '希望尽快找到快件并派送。',
  ],
  apology: [() => '要求快递公司道歉，并处理相关人员。', () => '要求当事快递员当面道歉。'],
  explanation: [() => '要求快递公司说明原因，给出处理结果。', () => '希望查清楚快件到底在哪里。'],
  other: [() => '希望邮政管理部门督促企业整改。', () => '请管理部门依法处理。'],
};

export function describe(x: TextContext): string {
  const parts = [pick(x, OPENINGS[x.role])(x)];
  if (x.international) parts.push(pick(x, INTERNATIONAL)(x));
  parts.push(pick(x, PROBLEMS[x.reason] ?? PROBLEMS.other!)(x));
  const extras = x.rng.next();
  if (extras < 0.55) parts.push(pick(x, EXTRAS)(x));
  if (extras < 0.15) {
    // Two identical extras would read like a stutter: keep one.
    const another = pick(x, EXTRAS)(x);
    if (another !== parts[parts.length - 1]) parts.push(another);
  }
  if (x.prior.made) parts.push(pick(x, PRIOR)(x));
  else if (x.rng.chance(0.6)) parts.push(pick(x, NO_PRIOR)(x));
  parts.push(pick(x, DEMANDS[x.demand])(x));
  return parts.join('');
}

/** What the carrier said when the user complained first (cases.prior_complaint_result). */
export function priorResult(category: string, offerYuan: number, rng: Rng): string {
  const generic = [
    '客服登记后一直没有回复',
    '超过7天没有处理结果',
    '网点和总部互相推诿',
    '客服说会有专人联系，至今没人联系',
  ];
  const byCategory: Readonly<Record<string, readonly string[]>> = {
    loss: [
      `企业只同意按运费三倍赔偿${offerYuan}元`,
      `企业同意赔偿${offerYuan}元，本人不接受`,
      '网点说已经上报理赔，至今没有结果',
      '客服称未保价只能按规定赔偿',
    ],
    damage: [
      `企业只同意赔偿${offerYuan}元`,
      '客服称包装不当，属于寄件人责任',
      '网点说要等总部定损，之后没有下文',
    ],
    delivery: [
      '客服称快件已签收，不予处理',
      '网点说快递员已经离职，无法核实',
      '快递员承认放了驿站，但拒绝道歉',
    ],
    delay: ['客服称因天气原因延误，不予赔偿', '客服说已经催促派送，但仍未送达', '客服只回复正在加急处理'],
    charges: ['网点称价格由网点自己定，拒绝退还', '客服说附加费是合理收费'],
  };
  const pool = byCategory[category];
  return pool && rng.chance(0.7) ? rng.pick(pool) : rng.pick(generic);
}

/** `M月D日` for a day number (days since 1970-01-01 in Asia/Shanghai). */
export function monthDay(dayNo: number): string {
  const d = new Date(dayNo * 86_400_000);
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
}

/** The carrier's reply text (the investigation result of the reply form, DOMAIN §1.7). */
export function investigationResult(category: string, responsible: boolean, hub: string, rng: Rng): string {
  const yes: Readonly<Record<string, readonly string[]>> = {
    delivery: [
      '经核实，派件员未与收件人联系即操作签收，属违规操作，已对其处罚并加强培训。',
      '经核实，派件员未经收件人同意将快件投放至驿站，网点负有责任。',
    ],
    delay: [`经核实，因${hub}操作量激增，快件中转延误。`, '经核实，网点派送不及时，导致快件延误。'],
    loss: [`经核实，快件在${hub}分拣环节遗失。`, '经查，快件在派送途中丢失，由网点承担责任。'],
    damage: [
      '经核实，快件在运输过程中受压导致内件破损。',
      `经核实，快件在${hub}装卸时操作不规范，造成内件损坏。`,
    ],
    collection: ['经核实，网点工作人员未按规定收寄，已责令整改。'],
    charges: ['经核实，网点存在超标准收费行为，已责令退还差价。'],
    cod: ['经核实，代收货款结算延迟，责任在网点，已督促返还。'],
    attitude: ['经核实，工作人员服务态度不当，已进行批评教育。'],
    other: ['经核实，相关人员操作不规范，已作处理。'],
  };
  const no: Readonly<Record<string, readonly string[]>> = {
    delivery: [
      '经核实，快件已由收件人家属代签，有签收底单为证。',
      '经核实，快件已按约定投放至快件箱，并已发送取件通知。',
    ],
    delay: [
      '经核实，因恶劣天气航班停飞导致延误，属不可抗力。',
      '经核实，快件按正常时限运输，未超出承诺时限。',
    ],
    loss: ['经核实，快件已正常妥投，不存在丢失情况。', '经查，快件由收件人本人签收，签收时未提出异议。'],
    damage: [
      '经查，寄件时包装不符合要求，内件属易碎品且未保价。',
      '经核实，快件签收时外包装完好，收件人未当场提出异议。',
    ],
    collection: ['经核实，所寄物品属于禁寄物品，依规不予收寄。'],
    charges: ['经核实，收费符合公示标准，已向用户解释。'],
    cod: ['经核实，货款已按约定周期返还，用户未及时查收。'],
    attitude: ['经核实，未发现工作人员有不当言行，已向用户解释。'],
    other: ['经核实，未发现违规情况，已向用户解释说明。'],
  };
  const pool = (responsible ? yes : no)[category] ?? (responsible ? yes.other! : no.other!);
  return rng.pick(pool);
}
