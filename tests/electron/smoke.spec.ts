import { _electron as electron, expect, test } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DeskBridge } from '../../shared/rpc/bridge';
import { seed } from '../e2e/fixtures';

const root = process.cwd();
const electronDir = join(root, 'node_modules', 'electron');

/**
 * Electron's binary as the electron package records it (path.txt + dist/), found WITHOUT
 * require('electron'): that would start a ~100 MB download, and fail where there is no network.
 */
function findElectron(): { path: string | null; reason: string } {
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) {
    return { path: null, reason: `Electron binary not installed (${pathFile} is missing)` };
  }
  const binary = join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  if (!existsSync(binary))
    return { path: null, reason: `Electron binary not installed (${binary} is missing)` };
  return { path: binary, reason: '' };
}

const found = findElectron();
const skipReason = `${found.reason}: run \`npm start\` once on a networked machine (it fetches Electron and builds the SQLite addon for it).`;
if (!found.path) console.log(`[electron smoke] SKIPPED: ${skipReason}`);

test.describe('Electron app', () => {
  test.skip(!found.path, skipReason);

  test('opens the hardened window, shows the queue over IPC and closes the store cleanly', async () => {
    const version = (
      JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8')) as { version: string }
    ).version;
    const addon = join(
      root,
      'native',
      `electron-${version}-${process.platform}-${process.arch}`,
      'better_sqlite3.node',
    );
    expect(existsSync(join(root, 'out', 'main', 'index.js')), 'build first: npx electron-vite build').toBe(
      true,
    );
    expect(
      existsSync(addon),
      `the SQLite addon for Electron is missing (${addon}): node scripts/electron-native.mjs`,
    ).toBe(true);

    const dataDir = mkdtempSync(join(tmpdir(), 'desk-electron-'));
    seed(dataDir, 50);
    const env = { ...process.env } as Record<string, string>;
    delete env.ELECTRON_RUN_AS_NODE;
    const app = await electron.launch({
      executablePath: found.path!,
      args: ['out/main/index.js', '--data-dir', dataDir],
      cwd: root,
      env,
    });
    try {
      const page = await app.firstWindow();
      expect(page.url()).toMatch(/^app:\/\/desk\//);

      // The queue, filled through the real IPC path (preload → sender check → router → store worker).
      await expect(page.getByRole('grid')).toBeVisible();
      await expect(page.getByTestId('queue-row').first()).toBeVisible();

      // The renderer sees window.desk and nothing of Node.
      const surface = await page.evaluate(() => {
        const g = globalThis as Record<string, unknown>;
        const desk = g.desk as Record<string, unknown> | undefined;
        return {
          desk: typeof desk,
          keys: desk ? Object.keys(desk).sort() : [],
          process: typeof g.process,
          require: typeof g.require,
          module: typeof g.module,
        };
      });
      expect(surface).toEqual({
        desk: 'object',
        keys: ['invoke', 'on'],
        process: 'undefined',
        require: 'undefined',
        module: 'undefined',
      });

      const info = await page.evaluate(() =>
        (globalThis as unknown as { desk: DeskBridge }).desk.invoke('app.info', {}),
      );
      expect(info).toMatchObject({ ok: true, value: { host: 'electron' } });

      // No <webview> (webviewTag: false): the tag is just an unknown element.
      expect(await page.evaluate(() => document.createElement('webview').constructor.name)).toBe(
        'HTMLUnknownElement',
      );

      // Navigation away and new windows are refused.
      expect(await page.evaluate(() => window.open('https://example.com/') === null)).toBe(true);
      await page.evaluate(() => {
        window.location.href = 'https://example.com/';
      });
      await page.waitForTimeout(500);
      expect(page.url()).toMatch(/^app:\/\/desk\//);
      expect(app.windows()).toHaveLength(1);
    } finally {
      await app.close();
    }

    // before-quit drained the store and closed the database: no WAL left behind.
    expect(existsSync(join(dataDir, 'desk.sqlite'))).toBe(true);
    expect(existsSync(join(dataDir, 'desk.sqlite-wal'))).toBe(false);
    expect(existsSync(join(dataDir, 'window-state.json'))).toBe(true);
    rmSync(dataDir, { recursive: true, force: true });
  });
});
