/**
 * Case statuses, derived from DOMAIN.md §1.12 (the regulations publish no state codes).
 * Carrier-overdue supervision (督办) and escalation to supervision are flags on the case,
 * not statuses: a supervised case is still waiting for the carrier's reply.
 */
export const CASE_STATUSES = [
  'registered', // 登记
  'not_accepted', // 不予受理 (reason code required)
  'accepted', // 已受理
  'transferred', // 已转办 to the carrier
  'carrier_replied', // 企业已答复
  'verifying', // 核实
  'mediating', // 调解
  'callback', // 回访
  'closed', // 结案
  'withdrawn', // 撤诉
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Statuses in which the case is finished; everything else is open work. */
export const TERMINAL_STATUSES: readonly CaseStatus[] = ['not_accepted', 'closed', 'withdrawn'];

export function isOpenStatus(status: CaseStatus): boolean {
  return !TERMINAL_STATUSES.includes(status);
}
