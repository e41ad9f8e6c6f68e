import ExcelJS from 'exceljs';
import { writeFile } from 'node:fs/promises';
import { neutralise } from '../../shared/stats/columns';
import type { Notice } from '../../shared/stats/notice';
import { formatOf, noticeTables, type ColumnFormat, type TableCell } from '../../shared/stats/tables';

const NUM_FMT: Partial<Record<ColumnFormat, string>> = {
  count: '#,##0',
  percent: '0.00',
  rate: '0.00',
  yuan: '#,##0.00',
};

/** The notice as a workbook: one sheet per table, bold headers, numbers as numbers (rates 2 dp). */
export async function writeNoticeXlsx(notice: Notice, file: string): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useStyles: true,
    useSharedStrings: true,
  });
  for (const table of noticeTables(notice)) {
    const sheet = workbook.addWorksheet(table.name);
    sheet.columns = table.headers.map((h, i) => ({
      header: h,
      key: String(i),
      width: Math.max(10, h.length * 2 + 2),
      style: NUM_FMT[table.formats[i] ?? 'text'] ? { numFmt: NUM_FMT[table.formats[i]!]! } : {},
    }));
    sheet.getRow(1).font = { bold: true };
    table.rows.forEach((cells, r) => {
      const row = sheet.addRow(cells.map((c) => (typeof c === 'string' ? neutralise(c) : c)));
      if (table.rowFormats) {
        cells.forEach((_, c) => {
          const fmt = NUM_FMT[formatOf(table, r, c)];
          if (fmt) row.getCell(c + 1).numFmt = fmt;
        });
      }
      row.commit();
    });
    sheet.commit();
  }
  await workbook.commit();
}

const csvCell = (c: TableCell) => {
  if (c === null) return '';
  if (typeof c === 'number') return String(c);
  const t = neutralise(c);
  return /[",\r\n]/.test(t) ? `"${t.replaceAll('"', '""')}"` : t;
};

/** The notice as one CSV (UTF-8 with BOM): each table under its title, a blank line between. */
export async function writeNoticeCsv(notice: Notice, file: string): Promise<void> {
  const lines: string[] = [];
  for (const table of noticeTables(notice)) {
    lines.push(csvCell(table.title), table.headers.map(csvCell).join(','));
    for (const row of table.rows) lines.push(row.map(csvCell).join(','));
    lines.push('');
  }
  await writeFile(file, '\uFEFF' + lines.join('\r\n'), 'utf8');
}
