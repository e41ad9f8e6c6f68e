import type { Notice } from './notice';
import { formatOf, noticeTables, type ColumnFormat, type TableCell } from './tables';

const escape = (s: string) =>
  s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

function cellText(c: TableCell, format: ColumnFormat): string {
  if (c === null) return '—';
  if (typeof c === 'string') return escape(c);
  if (format === 'rate' || format === 'percent' || format === 'yuan') return c.toFixed(2);
  return c.toLocaleString('en-US');
}

/**
 * The notice as a print-styled HTML page (A4, Chinese fonts): the one source of the PDF, printed by
 * Chromium (Electron's printToPDF in the app, page.pdf through playwright-core for the CLI).
 */
export function noticeHtml(notice: Notice): string {
  const title = `邮政业用户申诉情况统计(${notice.period})`;
  const tables = noticeTables(notice)
    .map(
      (t) =>
        `<section><h2>${escape(t.title)}</h2><table><thead><tr>${t.headers
          .map((h) => `<th>${escape(h)}</th>`)
          .join('')}</tr></thead><tbody>${t.rows
          .map(
            (r, row) =>
              `<tr>${r.map((c, i) => `<td class="${formatOf(t, row, i)}">${cellText(c, formatOf(t, row, i))}</td>`).join('')}</tr>`,
          )
          .join('')}</tbody></table></section>`,
    )
    .join('');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escape(title)}</title><style>
@page { size: A4; margin: 16mm 14mm; }
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif; font-size: 10pt; color: #000; }
h1 { font-size: 16pt; text-align: center; } h2 { font-size: 12pt; margin: 14pt 0 4pt; }
section { break-inside: avoid; } table { border-collapse: collapse; width: 100%; }
th, td { border: 0.5pt solid #444; padding: 2pt 4pt; } th { background: #eee; }
td.count, td.percent, td.rate, td.yuan { text-align: right; font-variant-numeric: tabular-nums; }
</style></head><body><h1>${escape(title)}</h1>${notice.locked ? '<p>(已锁定的发布数据)</p>' : ''}${tables}</body></html>`;
}
