import { existsSync } from 'node:fs';
import { PrinterUnavailable, type PdfPrinter } from './printer';

export const CHROMIUM_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
];

/** Debian's Chromium (or DESK_CHROMIUM), or a clear error naming what was looked for. */
export function findChromium(): string {
  // DESK_CHROMIUM, when set, is the only browser tried: a wrong path is an error, not a silent fallback.
  const candidates = process.env.DESK_CHROMIUM ? [process.env.DESK_CHROMIUM] : CHROMIUM_CANDIDATES;
  const found = candidates.find((p) => existsSync(p));
  if (!found) {
    throw new PrinterUnavailable(
      `PDF needs Chromium and none was found (looked for ${candidates.join(', ')}). ` +
        'Install it (apt-get install chromium) or set DESK_CHROMIUM to its path.',
    );
  }
  return found;
}

/**
 * The web host's and the CLI's printer: a headless Chromium per print (prints are rare; nothing
 * stays running), JavaScript off, A4 as the page's own @page rule says.
 */
export function chromiumPrinter(): PdfPrinter {
  return {
    async print(html) {
      const executablePath = findChromium();
      const { chromium } = await import('playwright-core');
      const browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
      try {
        const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
        const page = await context.newPage();
        await page.setContent(html, { waitUntil: 'load' });
        return new Uint8Array(
          await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true }),
        );
      } finally {
        await browser.close();
      }
    },
  };
}
