import type { Role } from '../../shared/domain/roles';
import { Rng, Weighted, mix } from './random';

/**
 * Invented people: names, mobile numbers, and the demo desk's staff roster.
 *
 * The names are drawn from common surnames (weighted by their frequency in the 2020 census) and
 * common given-name characters, so they look ordinary and match no one in particular.
 *
 * The phone numbers are valid mainland mobiles by format (they pass normaliseMainlandPhone), but
 * mainland China has no reserved fictitious range like North America's 555-01xx, so a generated
 * number may belong to someone. To make them recognisable as demo data all of them have `00` as
 * the 4th–5th digits (1xx 00xx xxxx). Demo data stays in the local store; never dial or export it.
 */

const SURNAMES = new Weighted<string>([
  ['王', 7.1],
  ['李', 7.0],
  ['张', 6.7],
  ['刘', 5.4],
  ['陈', 4.5],
  ['杨', 3.1],
  ['黄', 2.2],
  ['赵', 2.0],
  ['吴', 1.8],
  ['周', 1.7],
  ['徐', 1.3],
  ['孙', 1.2],
  ['马', 1.2],
  ['朱', 1.1],
  ['胡', 1.0],
  ['郭', 1.0],
  ['何', 0.9],
  ['林', 0.9],
  ['高', 0.9],
  ['罗', 0.9],
  ['郑', 0.8],
  ['梁', 0.8],
  ['谢', 0.7],
  ['宋', 0.6],
  ['唐', 0.6],
  ['许', 0.6],
  ['韩', 0.6],
  ['邓', 0.6],
  ['冯', 0.6],
  ['曹', 0.5],
  ['彭', 0.5],
  ['曾', 0.5],
  ['肖', 0.5],
  ['田', 0.5],
  ['董', 0.5],
  ['潘', 0.4],
  ['袁', 0.4],
  ['蔡', 0.4],
  ['蒋', 0.4],
  ['余', 0.4],
  ['于', 0.4],
  ['杜', 0.4],
  ['叶', 0.4],
  ['程', 0.4],
  ['魏', 0.3],
  ['苏', 0.3],
  ['吕', 0.3],
  ['丁', 0.3],
  ['任', 0.3],
  ['卢', 0.3],
  ['姚', 0.3],
  ['沈', 0.3],
  ['钟', 0.3],
  ['姜', 0.3],
  ['崔', 0.3],
  ['谭', 0.3],
  ['陆', 0.3],
  ['范', 0.3],
  ['汪', 0.3],
  ['廖', 0.3],
  ['石', 0.3],
  ['金', 0.3],
  ['韦', 0.3],
  ['贾', 0.3],
  ['夏', 0.2],
  ['付', 0.2],
  ['方', 0.2],
  ['邹', 0.2],
  ['熊', 0.2],
  ['白', 0.2],
  ['孟', 0.2],
  ['秦', 0.2],
  ['邱', 0.2],
  ['侯', 0.2],
  ['江', 0.2],
  ['尹', 0.2],
  ['薛', 0.2],
  ['闫', 0.2],
  ['段', 0.2],
  ['雷', 0.2],
  ['龙', 0.2],
  ['黎', 0.2],
  ['史', 0.2],
  ['陶', 0.2],
  ['贺', 0.2],
  ['毛', 0.2],
  ['郝', 0.2],
  ['顾', 0.2],
  ['龚', 0.2],
  ['邵', 0.2],
  ['万', 0.2],
  ['覃', 0.1],
  ['武', 0.1],
  ['钱', 0.1],
  ['戴', 0.1],
  ['严', 0.1],
  ['欧阳', 0.05],
  ['司马', 0.01],
  ['上官', 0.01],
  ['诸葛', 0.01],
]);

const MALE_CHARS = [
  ...'伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆帅旭宁龙林阳建国志文海峰亮东成晨博然轩睿泽子一宏家天嘉俊豪铭哲瑞翔毅锋卫兵荣新春晓立',
];
const FEMALE_CHARS = [
  ...'芳娜敏静丽艳娟霞秀燕玲婷雪慧莹倩洁琳颖晶欣怡悦佳萱雨涵梦思淑春红兰英梅丹璐瑶蕾薇琪晴月彤妍雯馨诗露翠凤桂琴',
];

/** An ordinary Chinese full name: 70 % two-character given names, 30 % one. */
export function chineseName(rng: Rng): string {
  const chars = rng.chance(0.5) ? MALE_CHARS : FEMALE_CHARS;
  const given = rng.chance(0.7) ? rng.pick(chars) + rng.pick(chars) : rng.pick(chars);
  return SURNAMES.pick(rng) + given;
}

/** Mobile prefixes of the three operators and the broadcasting network, all valid in libphonenumber. */
export const DEMO_PHONE_PREFIXES = [
  '130',
  '131',
  '132',
  '133',
  '135',
  '136',
  '137',
  '138',
  '139',
  '150',
  '151',
  '152',
  '153',
  '155',
  '156',
  '157',
  '158',
  '159',
  '166',
  '173',
  '177',
  '180',
  '181',
  '182',
  '183',
  '185',
  '186',
  '187',
  '188',
  '189',
  '191',
  '198',
  '199',
] as const;

const PHONE_SPACE = DEMO_PHONE_PREFIXES.length * 100 * 10_000;
/** Coprime with PHONE_SPACE (which is 33 × 10^6): spreads consecutive people over all prefixes. */
const PHONE_STRIDE = 7_368_787;

/**
 * A distinct demo mobile for each of the first 33 million people: `1xx 00ab cdef`. The index is
 * scrambled by an affine bijection so that neighbours do not get neighbouring numbers.
 */
export function demoPhone(personIndex: number, seed: number): string {
  const x = ((personIndex % PHONE_SPACE) * PHONE_STRIDE + (mix(seed, 0x9e37) % PHONE_SPACE)) % PHONE_SPACE;
  const prefix = DEMO_PHONE_PREFIXES[x % DEMO_PHONE_PREFIXES.length]!;
  const rest = Math.floor(x / DEMO_PHONE_PREFIXES.length); // 0 … 999 999
  return `${prefix}00${String(rest).padStart(6, '0')}`;
}

export interface Person {
  name: string;
  phone: string;
}

/** The same person for the same index and seed, so a repeat appellant keeps name and number. */
export function personAt(index: number, seed: number): Person {
  const rng = Rng.derive(seed, 0x7e0e, index);
  return { name: chineseName(rng), phone: demoPhone(index, seed) };
}

export interface DemoStaff {
  id: string;
  name: string;
  roles: Role[];
  team: string | null;
}

export const HANDLER_TEAMS = ['受理一组', '受理二组', '受理三组'] as const;
export const MEDIATION_TEAM = '调解组';

/**
 * The demo desk: 30 handlers in three intake teams, 4 mediators, a lead for each team plus the
 * section head, 2 statistics staff and an administrator. Ids are fixed (`staff-h001` …) so that
 * tests and demos can name them; names depend on the seed.
 */
export function demoStaff(seed: number): DemoStaff[] {
  const rng = Rng.derive(seed, 0x57af);
  const used = new Set<string>();
  const name = () => {
    for (;;) {
      const n = chineseName(rng);
      if (!used.has(n)) {
        used.add(n);
        return n;
      }
    }
  };
  const pad = (n: number) => String(n).padStart(3, '0');
  const staff: DemoStaff[] = [];
  for (let i = 1; i <= 30; i++) {
    staff.push({
      id: `staff-h${pad(i)}`,
      name: name(),
      roles: ['handler'],
      team: HANDLER_TEAMS[(i - 1) % 3]!,
    });
  }
  for (let i = 1; i <= 4; i++)
    staff.push({ id: `staff-m${pad(i)}`, name: name(), roles: ['mediator'], team: MEDIATION_TEAM });
  const leadTeams = [...HANDLER_TEAMS, MEDIATION_TEAM, null];
  leadTeams.forEach((team, i) =>
    staff.push({ id: `staff-l${pad(i + 1)}`, name: name(), roles: ['team_lead'], team }),
  );
  for (let i = 1; i <= 2; i++)
    staff.push({ id: `staff-s${pad(i)}`, name: name(), roles: ['statistics'], team: null });
  staff.push({ id: 'staff-a001', name: name(), roles: ['admin'], team: null });
  return staff;
}
