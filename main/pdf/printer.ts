/**
 * HTML → PDF bytes. One way to print, two engines: Electron's own Chromium in the app
 * (./electron), headless Debian Chromium through playwright-core for the web host and the CLI
 * (./chromium). Pages are self-contained (inline CSS, no script, no external resource).
 */
export interface PdfPrinter {
  print(html: string): Promise<Uint8Array>;
}

/** No engine to print with (e.g. Chromium is not installed); the message says what to do. */
export class PrinterUnavailable extends Error {}
