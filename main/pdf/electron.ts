import { BrowserWindow } from 'electron';
import type { PdfPrinter } from './printer';

/**
 * The desktop app's printer: Electron's own Chromium, no second browser needed. Each print gets
 * a hidden, sandboxed window with JavaScript off in an in-memory session of its own, loads the
 * page from a data: URL (nothing on disk, no network) and is destroyed afterwards.
 */
export function electronPrinter(): PdfPrinter {
  return {
    async print(html) {
      const win = new BrowserWindow({
        show: false,
        webPreferences: {
          javascript: false,
          sandbox: true,
          contextIsolation: true,
          nodeIntegration: false,
          webSecurity: true,
          partition: 'desk-print',
        },
      });
      try {
        await win.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`);
        const pdf = await win.webContents.printToPDF({
          pageSize: 'A4',
          printBackground: true,
          preferCSSPageSize: true,
        });
        return new Uint8Array(pdf);
      } finally {
        win.destroy();
      }
    },
  };
}
