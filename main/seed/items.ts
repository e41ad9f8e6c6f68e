import type { ServiceType } from '../../shared/domain/channel';
import type { Rng } from './random';
import { Weighted } from './random';

/**
 * What was in the parcel. The value range drives the amounts users ask for; the flags steer
 * which complaints make sense (a broken phone, spoilt fruit, a late contract).
 */
export interface Item {
  readonly name: string;
  /** The measure word used with it: 一部手机, 一箱水果. */
  readonly measure: string;
  readonly minYuan: number;
  readonly maxYuan: number;
  readonly fragile?: boolean;
  readonly perishable?: boolean;
  /** Papers whose value is the deadline, not money. */
  readonly document?: boolean;
}

const item = (
  name: string,
  measure: string,
  minYuan: number,
  maxYuan: number,
  flags: Pick<Item, 'fragile' | 'perishable' | 'document'> = {},
): Item => ({ name, measure, minYuan, maxYuan, ...flags });

const EXPRESS_ITEMS = new Weighted<Item>([
  [item('衣服', '件', 60, 800), 12],
  [item('运动鞋', '双', 150, 1200), 6],
  [item('羽绒服', '件', 300, 2500), 3],
  [item('手机', '部', 800, 8000, { fragile: true }), 6],
  [item('笔记本电脑', '台', 3000, 12000, { fragile: true }), 2.5],
  [item('平板电脑', '台', 1500, 6000, { fragile: true }), 2],
  [item('蓝牙耳机', '副', 150, 1500), 3],
  [item('化妆品', '套', 100, 1500, { fragile: true }), 6],
  [item('茶叶', '盒', 100, 1200), 3],
  [item('书籍', '箱', 50, 400), 4],
  [item('水果', '箱', 60, 300, { perishable: true }), 5],
  [item('海鲜', '箱', 150, 800, { perishable: true }), 2],
  [item('药品', '盒', 50, 600), 2],
  [item('合同文件', '份', 0, 0, { document: true }), 2.5],
  [item('证件材料', '份', 0, 0, { document: true }), 1.5],
  [item('小家电', '台', 200, 2000, { fragile: true }), 4],
  [item('电脑配件', '件', 100, 3000), 3],
  [item('儿童玩具', '件', 50, 500), 3],
  [item('金饰', '件', 1000, 12000), 1],
  [item('手表', '块', 500, 10000), 1.2],
  [item('白酒', '箱', 300, 5000, { fragile: true }), 1.5],
  [item('陶瓷餐具', '套', 100, 1000, { fragile: true }), 1.5],
  [item('家乡特产', '箱', 80, 500, { perishable: true }), 3],
  [item('床上用品', '套', 150, 1200), 3],
  [item('汽车配件', '件', 200, 3000), 1.5],
  [item('宠物粮', '袋', 80, 400), 2],
  [item('保健品', '盒', 100, 2000), 2],
  [item('乐器', '把', 300, 5000, { fragile: true }), 0.6],
  [item('样品', '箱', 100, 3000), 2],
]);

const POSTAL_ITEMS: Readonly<Record<Exclude<ServiceType, 'express'>, Weighted<Item>>> = {
  postal_parcel: new Weighted<Item>([
    [item('包裹', '个', 50, 1500), 6],
    [item('衣物', '包', 60, 600), 3],
    [item('书籍', '箱', 50, 400), 3],
    [item('家乡特产', '箱', 80, 500, { perishable: true }), 2],
    [item('药品', '盒', 50, 600), 1],
  ]),
  postal_letter: new Weighted<Item>([
    [item('挂号信', '封', 0, 0, { document: true }), 5],
    [item('录取通知书', '份', 0, 0, { document: true }), 1],
    [item('法院文书', '份', 0, 0, { document: true }), 1],
    [item('发票', '份', 0, 0, { document: true }), 2],
  ]),
  postal_philately: new Weighted<Item>([
    [item('预订的纪念邮票', '套', 30, 300), 4],
    [item('集邮年册', '本', 150, 600), 2],
    [item('纪念封', '枚', 20, 200), 1],
  ]),
  postal_other: new Weighted<Item>([
    [item('订阅的报刊', '份', 100, 500, { document: true }), 3],
    [item('汇款单', '张', 200, 3000, { document: true }), 1],
  ]),
};

export function itemFor(serviceType: ServiceType, rng: Rng): Item {
  return serviceType === 'express' ? EXPRESS_ITEMS.pick(rng) : POSTAL_ITEMS[serviceType].pick(rng);
}

/** The item's value in whole yuan (people quote round-ish prices). */
export function itemValue(it: Item, rng: Rng): number {
  if (it.maxYuan === 0) return 0;
  const v = rng.logUniform(it.minYuan, it.maxYuan);
  return v >= 1000 ? Math.round(v / 50) * 50 : Math.round(v / 5) * 5;
}

/** China Post universal-service business types (DOMAIN §2.1 table: 包件, 函件, 集邮, 其他). */
export const POSTAL_SERVICE_TYPES = new Weighted<Exclude<ServiceType, 'express'>>([
  ['postal_parcel', 55],
  ['postal_letter', 30],
  ['postal_philately', 5],
  ['postal_other', 10],
]);

export const COUNTRIES = [
  '美国',
  '日本',
  '韩国',
  '澳大利亚',
  '英国',
  '德国',
  '加拿大',
  '新加坡',
  '马来西亚',
  '法国',
  '俄罗斯',
  '新西兰',
] as const;
