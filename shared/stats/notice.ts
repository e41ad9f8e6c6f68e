import type { AveragingMethod } from './rates';

/**
 * The figures of one notice (邮政业用户申诉情况通告, DOMAIN §3.2/§3.3), as computed from the case
 * store for a month or a quarter. Counts are of appeals received in the period; "valid" is
 * 有效申诉 (the carrier bears responsibility, recorded at closure). Percentages are numbers (12.5
 * means 12.5 %); rates are per million pieces; a null means "no base to compute it on".
 */
export interface Notice {
  period: string;
  previousPeriod: string;
  yearAgoPeriod: string;
  averaging: AveragingMethod;
  overall: OverallFigures;
  /** 邮政普遍服务 / 邮政服务: China Post's postal service types, by level-1 category. */
  postal: CategoryRow[];
  /** 快递服务, by level-1 category. */
  express: CategoryRow[];
  /** 二级原因: level-2 reasons by service kind and category. */
  reasons: ReasonRow[];
  /** 主要快递企业申诉情况: per express carrier, rates per million pieces. */
  carriers: CarrierRow[];
  carrierAverages: CarrierAverages;
  /** 逾期情况表: carriers that did not reply in time (urged, 督办), by carrier × province. */
  overdue: OverdueRow[];
  /** Appeals by destination province (the province chart). */
  byProvince: { province: string; count: number }[];
  /** True when the figures are the frozen snapshot of a locked period. */
  locked: boolean;
}

export interface Change {
  value: number;
  previous: number;
  yearAgo: number;
  /** 环比, percent. */
  mom: number | null;
  /** 同比, percent. */
  yoy: number | null;
}

export interface OverallFigures {
  total: Change;
  postal: Change & { share: number | null };
  express: Change & { share: number | null };
  valid: Change;
  validPostal: Change;
  validExpress: Change;
  /** Appeals and valid appeals per million pieces of all imported volume of the period. */
  appealRate: number | null;
  validRate: number | null;
  volumePieces: number | null;
  /** 为用户挽回经济损失, fen. */
  recoveredFen: number;
  /** Satisfied valid appeals ÷ valid appeals (DOMAIN §3.2, askci 2018-11), percent. */
  satisfactionAdministration: number | null;
  satisfactionPostal: number | null;
  satisfactionExpress: number | null;
  /** 未按规定时限回复: cases whose carrier had to be urged (督办) at least once. */
  overdue: Change;
  /** 未如实回复. */
  untruthful: number;
}

export interface CategoryRow {
  category: string;
  count: number;
  share: number | null;
  mom: number | null;
  yoy: number | null;
  valid: number;
  validShare: number | null;
  /** Valid appeals by business type (包件, 函件, 集邮, 其他): postal rows only. */
  validByType?: { parcel: number; letter: number; philately: number; other: number };
}

export interface ReasonRow {
  kind: 'postal' | 'express';
  category: string;
  reason: string;
  count: number;
  /** Share within its category, percent. */
  share: number | null;
}

export interface CarrierRow {
  carrierId: string;
  pieces: number | null;
  count: number;
  valid: number;
  appealRate: number | null;
  validRate: number | null;
  /** Appeals per million pieces by level-1 category (丢失短少申诉率 …). */
  categoryRates: Record<string, number | null>;
  satisfaction: number | null;
}

export interface CarrierAverages {
  appealRate: number | null;
  validRate: number | null;
  categoryRates: Record<string, number | null>;
  /** How many carriers are above the average appeal rate. */
  aboveAverage: number;
}

export interface OverdueRow {
  carrierId: string;
  province: string;
  count: number;
}

/** What a number on screen stands for: the cases behind it (drill-down). */
export interface DrillFilter {
  period: string;
  kind?: 'postal' | 'express' | undefined;
  carrierId?: string | undefined;
  category?: string | undefined;
  reason?: string | undefined;
  valid?: boolean | undefined;
  overdue?: boolean | undefined;
  province?: string | undefined;
}

/** The per-category rates the carrier table shows (DOMAIN §3.2: 丢失短少, 延误, 投递服务, 损毁). */
export const RATED_CATEGORIES = ['loss', 'delay', 'delivery', 'damage'] as const;
