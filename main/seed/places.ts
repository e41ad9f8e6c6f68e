import { CITIES, type City } from '../../shared/domain/cities';
import { provinceOf } from '../../shared/domain/regions';
import type { Rng } from './random';
import { Weighted } from './random';

/**
 * Where demo parcels come from and go to. Origins follow express business volume (the
 * e-commerce belt: Guangdong, Zhejiang, Jiangsu, Fujian, Shandong, Hebei, Henan, Shanghai);
 * destinations follow population and consumption. Shares are approximate (SPB statistical
 * bulletins, 2023), rounded: good enough for charts that look like the real ones.
 */
const ORIGIN_WEIGHTS: readonly (readonly [string, number])[] = [
  ['440000', 22],
  ['330000', 19],
  ['320000', 7],
  ['370000', 5],
  ['350000', 4.5],
  ['410000', 4.5],
  ['130000', 4.5],
  ['310000', 3],
  ['340000', 2.6],
  ['420000', 2.5],
  ['510000', 2.5],
  ['430000', 2],
  ['110000', 1.8],
  ['360000', 1.5],
  ['500000', 1.2],
  ['610000', 1.2],
  ['210000', 1.2],
  ['450000', 1.1],
  ['120000', 1],
  ['530000', 0.8],
  ['140000', 0.8],
  ['520000', 0.6],
  ['230000', 0.6],
  ['220000', 0.5],
  ['150000', 0.4],
  ['650000', 0.4],
  ['620000', 0.35],
  ['460000', 0.3],
  ['640000', 0.15],
  ['630000', 0.08],
  ['540000', 0.05],
];

const DEST_WEIGHTS: readonly (readonly [string, number])[] = [
  ['440000', 10],
  ['370000', 6.5],
  ['410000', 6.5],
  ['320000', 6.5],
  ['330000', 6],
  ['510000', 5.5],
  ['130000', 5],
  ['430000', 4.2],
  ['420000', 4],
  ['340000', 4],
  ['350000', 3.5],
  ['310000', 3.5],
  ['110000', 3.2],
  ['450000', 3.2],
  ['360000', 3],
  ['530000', 3],
  ['210000', 2.9],
  ['610000', 2.8],
  ['520000', 2.5],
  ['500000', 2.4],
  ['140000', 2.3],
  ['230000', 2],
  ['650000', 1.8],
  ['220000', 1.5],
  ['150000', 1.5],
  ['620000', 1.5],
  ['120000', 1.4],
  ['460000', 0.8],
  ['640000', 0.5],
  ['630000', 0.4],
  ['540000', 0.3],
];

const ORIGINS = new Weighted(ORIGIN_WEIGHTS);
const DESTINATIONS = new Weighted(DEST_WEIGHTS);

/** Cities of each province weighted by rank (the list is largest first): Zipf-like, 1/rank^0.9. */
const CITY_TABLES = new Map<string, Weighted<City>>();
for (const [province] of DEST_WEIGHTS) {
  const cities = CITIES.filter((c) => provinceOf(c.code) === province);
  CITY_TABLES.set(province, new Weighted(cities.map((c, i) => [c, 1 / Math.pow(i + 1, 0.9)] as const)));
}

export function cityIn(province: string, rng: Rng): City {
  const table = CITY_TABLES.get(province);
  if (!table) throw new RangeError(`no demo cities for province ${province}`);
  return table.pick(rng);
}

export interface Route {
  originProvince: string;
  originCity: City;
  destProvince: string;
  destCity: City;
}

/** A shipment route: a fifth stays within the province, and some of those within the city. */
export function route(rng: Rng): Route {
  const originProvince = ORIGINS.pick(rng);
  const originCity = cityIn(originProvince, rng);
  if (rng.chance(0.2)) {
    const destCity = rng.chance(0.45) ? originCity : cityIn(originProvince, rng);
    return { originProvince, originCity, destProvince: originProvince, destCity };
  }
  const destProvince = DESTINATIONS.pick(rng);
  return { originProvince, originCity, destProvince, destCity: cityIn(destProvince, rng) };
}

/** The city's name without its administrative suffix, as people say it in an outlet name. */
export function shortCityName(city: City): string {
  return city.zh.replace(/(市|地区|朝鲜族自治州|白族自治州|回族自治州)$/, '');
}

const AREAS = [
  '城东',
  '城西',
  '城南',
  '城北',
  '高新区',
  '开发区',
  '经开区',
  '新区',
  '站前',
  '江南',
  '河西',
  '城关',
  '中心',
  '工业园',
  '大学城',
  '滨江',
  '湖滨',
  '东湖',
  '西湖',
  '南湖',
  '北站',
  '南站',
  '新城',
  '老城',
  '临港',
  '空港',
  '科技园',
  '物流园',
  '商贸城',
  '火车站',
  '人民路',
  '解放路',
  '建设路',
  '中山路',
] as const;

const OUTLET_SUFFIX: Readonly<Record<string, readonly string[]>> = {
  china_post: ['邮政支局', '揽投部', '邮政所'],
  ems: ['揽投部', 'EMS营业部'],
  sf: ['营业点', '营业部', '速运点'],
  jd: ['营业部', '配送站'],
  deppon: ['营业部', '快递分部'],
  cainiao: ['菜鸟驿站', '服务站'],
  sinotrans: ['空运部', '营业部'],
};
const FRANCHISE_SUFFIX = ['网点', '分部', '营业部', '服务部', '站点'] as const;

/** A plausible outlet (网点) name: franchise networks say 网点/分部, SF and JD 营业部, the post 支局. */
export function outletName(carrierId: string, city: City, rng: Rng): string {
  const suffixes = OUTLET_SUFFIX[carrierId] ?? FRANCHISE_SUFFIX;
  return `${shortCityName(city)}${rng.pick(AREAS)}${rng.pick(suffixes)}`;
}

/** A sorting hub (转运中心) named after a city, for carrier replies about transit. */
export function hubName(city: City): string {
  return `${shortCityName(city)}转运中心`;
}
