import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { PERIOD_PATTERN } from '../../../shared/stats/period';
import { noticeTables } from '../../../shared/stats/tables';
import { resolveDataDir, storeFile } from '../../config/paths';
import { writeNoticeCsv, writeNoticeXlsx } from '../../export/notice';
import { writeNoticePdf } from '../../export/pdf';
import { PrinterUnavailable } from '../../pdf/printer';
import { noticeFor } from '../../stats/notice';
import { openDatabase } from '../../store/database';
import type { CliCommand } from '../command';

const FORMATS = ['json', 'xlsx', 'csv', 'pdf'] as const;
type Format = (typeof FORMATS)[number];

const USAGE =
  'Usage: desk stats --period 2026-10|2026-Q3 [--format json|xlsx|csv|pdf] [--out FILE] [--data-dir D]';

/** `desk stats`: the notice of a month or quarter, printed as JSON or written as XLSX, CSV or PDF. */
export const statsCommand: CliCommand = {
  name: 'stats',
  summary: 'stats --period P       the notice tables of a month or quarter (json, xlsx, csv, pdf)',
  async run({ args, io, dataDir }) {
    let values;
    try {
      ({ values } = parseArgs({
        args,
        options: {
          period: { type: 'string' },
          format: { type: 'string', default: 'json' },
          out: { type: 'string' },
        },
      }));
    } catch (error) {
      io.err(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
      return 2;
    }
    const period = values.period;
    const format = values.format as Format;
    if (!period || !PERIOD_PATTERN.test(period)) {
      io.err(`--period must be YYYY-MM or YYYY-Qn.\n${USAGE}`);
      return 2;
    }
    if (!FORMATS.includes(format)) {
      io.err(`--format must be one of ${FORMATS.join(', ')}.\n${USAGE}`);
      return 2;
    }
    if (format !== 'json' && !values.out) {
      io.err(`--out FILE is required for --format ${format}.\n${USAGE}`);
      return 2;
    }
    const file = storeFile(resolveDataDir(dataDir));
    if (!existsSync(file)) {
      io.err(`No case store at ${file}`);
      return 2;
    }
    const { db } = openDatabase({ file, readonly: true });
    let notice;
    try {
      notice = noticeFor(db, period);
    } finally {
      db.close();
    }
    const out = values.out;
    try {
      if (format === 'json') {
        const text = JSON.stringify(notice, null, 2);
        if (out) await writeFile(out, text + '\n', 'utf8');
        else io.out(text);
      } else if (format === 'xlsx') await writeNoticeXlsx(notice, out!);
      else if (format === 'csv') await writeNoticeCsv(notice, out!);
      else await writeNoticePdf(notice, out!);
    } catch (error) {
      if (error instanceof PrinterUnavailable) {
        io.err(error.message);
        return 1;
      }
      throw error;
    }
    if (out) {
      const tables = noticeTables(notice).length;
      io.err(
        `Wrote the ${period} notice (${tables} tables${notice.locked ? ', locked snapshot' : ''}) to ${out}`,
      );
    }
    return 0;
  },
};
