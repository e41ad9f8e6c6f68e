import { existsSync } from 'node:fs';
import { noticeHtml } from '../../shared/stats/html';
import type { Notice } from '../../shared/stats/notice';

export const CHROMIUM_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
];

export class ChromiumMissing extends Error {}

/** Debian's Chromium (or DESK_CHROMIUM), or a clear error naming what was looked for. */
export function findChromium(): string {
  // DESK_CHROMIUM, when set, is the only browser tried: a wrong path is an error, not a silent fallback.
  const candidates = process.env.DESK_CHROMIUM ? [process.env.DESK_CHROMIUM] : CHROMIUM_CANDIDATES;
  const found = candidates.find((p) => existsSync(p));
  if (!found) {
    throw new ChromiumMissing(
      `PDF needs Chromium and none was found (looked for ${candidates.join(', ')}). ` +
        'Install it (apt-get install chromium) or set DESK_CHROMIUM to its path.',
    );
  }
  return found;
}

/** The CLI's PDF: the print-styled notice page printed by headless Chromium via playwright-core. */
export async function writeNoticePdf(notice: Notice, file: string): Promise<void> {
  const executablePath = findChromium();
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage();
    await page.setContent(noticeHtml(notice), { waitUntil: 'load' });
    await page.pdf({ path: file, format: 'A4', printBackground: true });
  } finally {
    await browser.close();
  }
}
