import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { validateVolumeTable, type VolumePreview } from '../../shared/stats/volumes';

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object' && 'result' in value) return String(value.result ?? '');
  if (typeof value === 'object' && 'richText' in value) return value.richText.map((t) => t.text).join('');
  return String(value);
}

/** Reads a CSV (UTF-8, BOM or not) or the first sheet of an XLSX into rows of text. */
export async function readTable(file: string): Promise<string[][]> {
  if (extname(file).toLowerCase() === '.xlsx') {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.worksheets[0];
    const rows: string[][] = [];
    sheet?.eachRow({ includeEmpty: true }, (row, n) => {
      const values: string[] = [];
      for (let c = 1; c <= Math.max(row.cellCount, 3); c++) values.push(cellText(row.getCell(c).value));
      rows[n - 1] = values;
    });
    return Array.from(rows, (r) => r ?? []);
  }
  const text = (await readFile(file, 'utf8')).replace(/^\uFEFF/, '');
  return Papa.parse<string[]>(text, { skipEmptyLines: false }).data;
}

/** Step one of an import: what would be imported and what is rejected, with reasons. */
export async function previewVolumeFile(file: string): Promise<VolumePreview> {
  return validateVolumeTable(await readTable(file));
}
