import type { CaseListItem } from '../../../shared/rpc/dto';

/** Columns of a selection export: the queue's masked values only, never clear personal data. */
export const CSV_COLUMNS = [
  'caseNo',
  'status',
  'channel',
  'receivedAt',
  'appellantName',
  'appellantPhone',
  'carrierId',
  'waybillNo',
  'category',
  'reason',
  'assigneeId',
] as const satisfies readonly (keyof CaseListItem)[];

/**
 * A spreadsheet runs a cell that starts with = + - @ (or a tab / CR) as a formula (CSV injection);
 * a leading apostrophe makes it text. Descriptions and names are typed by the public.
 */
export function neutralise(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function cell(value: unknown): string {
  const text = neutralise(value === null || value === undefined ? '' : String(value));
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180 CSV with a BOM so Excel opens Chinese text as UTF-8; times as given (epoch ms → caller formats). */
export function selectionCsv(
  rows: readonly CaseListItem[],
  header: (column: (typeof CSV_COLUMNS)[number]) => string,
  format: (column: (typeof CSV_COLUMNS)[number], row: CaseListItem) => unknown = (c, r) => r[c],
): string {
  const lines = [CSV_COLUMNS.map((c) => cell(header(c))).join(',')];
  for (const row of rows) lines.push(CSV_COLUMNS.map((c) => cell(format(c, row))).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
