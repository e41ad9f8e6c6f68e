import { carrierLabel, categoryLabel, provinceLabel, reasonLabel } from './labels';
import type { Change, Notice } from './notice';
import { RATED_CATEGORIES } from './notice';
import { round } from './rates';

export type TableCell = string | number | null;

/** The kind of a numeric column, for formatting: counts, percentages (1–2 dp) or rates (2 dp). */
export type ColumnFormat = 'text' | 'count' | 'percent' | 'rate' | 'yuan';

export interface NoticeTable {
  /** Sheet name (≤ 31 characters). */
  name: string;
  title: string;
  headers: string[];
  formats: ColumnFormat[];
  rows: TableCell[][];
  /** For a two-column list of figures: the format of each row's value (overrides `formats`). */
  rowFormats?: ColumnFormat[];
}

/** The format of one cell. */
export function formatOf(table: NoticeTable, row: number, col: number): ColumnFormat {
  const byRow = col > 0 ? table.rowFormats?.[row] : undefined;
  return byRow ?? table.formats[col] ?? 'text';
}

const changeRow = (label: string, c: Change, share: number | null = null): TableCell[] => [
  label,
  c.value,
  share,
  c.mom,
  c.yoy,
];

/**
 * The notice as tables in the published layout (DOMAIN §3.2/§3.3), with Chinese headers: the one
 * shape the screen, the XLSX/CSV exports and the PDF all render.
 */
export function noticeTables(n: Notice): NoticeTable[] {
  const o = n.overall;
  const overall: NoticeTable = {
    name: '总体情况',
    title: `${n.period} 总体情况`,
    headers: ['项目', '数量', '占比(%)', '环比(%)', '同比(%)'],
    formats: ['text', 'count', 'percent', 'percent', 'percent'],
    rows: [
      changeRow('申诉总量', o.total),
      changeRow('邮政服务申诉', o.postal, o.postal.share),
      changeRow('快递服务申诉', o.express, o.express.share),
      changeRow('有效申诉', o.valid),
      changeRow('邮政服务有效申诉', o.validPostal),
      changeRow('快递服务有效申诉', o.validExpress),
      changeRow('未按规定时限回复', o.overdue),
    ],
  };
  const figures: NoticeTable = {
    name: '主要指标',
    title: `${n.period} 主要指标`,
    headers: ['指标', '数值'],
    formats: ['text', 'rate'],
    rowFormats: ['count', 'rate', 'rate', 'yuan', 'percent', 'percent', 'percent', 'count'],
    rows: [
      ['业务量(件)', o.volumePieces],
      ['申诉率(件/百万件)', o.appealRate],
      ['有效申诉率(件/百万件)', o.validRate],
      ['为用户挽回经济损失(元)', round(o.recoveredFen / 100, 2)],
      ['对邮政管理部门满意率(%)', o.satisfactionAdministration],
      ['对邮政企业满意率(%)', o.satisfactionPostal],
      ['对快递企业满意率(%)', o.satisfactionExpress],
      ['未如实回复(件)', o.untruthful],
    ],
  };
  const postal: NoticeTable = {
    name: '邮政服务申诉',
    title: `${n.period} 邮政服务申诉情况统计表`,
    headers: [
      '申诉问题',
      '申诉数量',
      '占比(%)',
      '环比(%)',
      '同比(%)',
      '有效申诉',
      '有效占比(%)',
      '包件',
      '函件',
      '集邮',
      '其他',
    ],
    formats: [
      'text',
      'count',
      'percent',
      'percent',
      'percent',
      'count',
      'percent',
      'count',
      'count',
      'count',
      'count',
    ],
    rows: n.postal.map((r) => [
      categoryLabel(r.category),
      r.count,
      r.share,
      r.mom,
      r.yoy,
      r.valid,
      r.validShare,
      r.validByType?.parcel ?? 0,
      r.validByType?.letter ?? 0,
      r.validByType?.philately ?? 0,
      r.validByType?.other ?? 0,
    ]),
  };
  const express: NoticeTable = {
    name: '快递服务申诉',
    title: `${n.period} 快递服务申诉情况统计表`,
    headers: ['申诉问题', '申诉数量', '占比(%)', '环比(%)', '同比(%)', '有效申诉', '有效占比(%)'],
    formats: ['text', 'count', 'percent', 'percent', 'percent', 'count', 'percent'],
    rows: n.express.map((r) => [
      categoryLabel(r.category),
      r.count,
      r.share,
      r.mom,
      r.yoy,
      r.valid,
      r.validShare,
    ]),
  };
  const reasons: NoticeTable = {
    name: '二级原因',
    title: `${n.period} 申诉问题二级原因`,
    headers: ['服务', '申诉问题', '二级原因', '数量', '占该问题(%)'],
    formats: ['text', 'text', 'text', 'count', 'percent'],
    rows: n.reasons.map((r) => [
      r.kind === 'postal' ? '邮政服务' : '快递服务',
      categoryLabel(r.category),
      reasonLabel(r.reason),
      r.count,
      r.share,
    ]),
  };
  const rateHeaders = RATED_CATEGORIES.map((c) => `${categoryLabel(c)}申诉率`);
  const a = n.carrierAverages;
  const carriers: NoticeTable = {
    name: '主要快递企业',
    title: `${n.period} 主要快递企业申诉情况表(件/百万件)`,
    headers: [
      '企业',
      '业务量(件)',
      '申诉数',
      '有效申诉数',
      '申诉率',
      '有效申诉率',
      ...rateHeaders,
      '满意率(%)',
    ],
    formats: [
      'text',
      'count',
      'count',
      'count',
      'rate',
      'rate',
      ...RATED_CATEGORIES.map(() => 'rate' as const),
      'percent',
    ],
    rows: [
      ...n.carriers.map((c) => [
        carrierLabel(c.carrierId),
        c.pieces,
        c.count,
        c.valid,
        c.appealRate,
        c.validRate,
        ...RATED_CATEGORIES.map((k) => c.categoryRates[k] ?? null),
        c.satisfaction,
      ]),
      [
        n.averaging === 'unweighted' ? '平均(算术平均)' : '平均(按业务量加权)',
        null,
        null,
        null,
        a.appealRate,
        a.validRate,
        ...RATED_CATEGORIES.map((k) => a.categoryRates[k] ?? null),
        null,
      ],
    ],
  };
  const overdue: NoticeTable = {
    name: '逾期情况表',
    title: `${n.period} 逾期情况表`,
    headers: ['企业', '省份', '逾期件数'],
    formats: ['text', 'text', 'count'],
    rows: n.overdue.map((r) => [carrierLabel(r.carrierId), provinceLabel(r.province), r.count]),
  };
  return [overall, figures, postal, express, reasons, carriers, overdue];
}
