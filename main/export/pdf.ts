import { writeFile } from 'node:fs/promises';
import { noticeHtml } from '../../shared/stats/html';
import type { Notice } from '../../shared/stats/notice';
import { chromiumPrinter } from '../pdf/chromium';
import type { PdfPrinter } from '../pdf/printer';

/** The notice as PDF: its print-styled page (shared/stats/html) through the printer (main/pdf). */
export async function writeNoticePdf(
  notice: Notice,
  file: string,
  printer: PdfPrinter = chromiumPrinter(),
): Promise<void> {
  await writeFile(file, await printer.print(noticeHtml(notice)));
}
