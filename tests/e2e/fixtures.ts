import { expect, test as base, type Locator, type Page } from '@playwright/test';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Desk {
  url: string;
  dataDir: string;
  /** Stops the web host (as a user quitting) and starts it again on the same data; returns the new URL. */
  restart(): Promise<string>;
}

const root = process.cwd();
const tsx = join(root, 'node_modules', '.bin', 'tsx');

/** Seeds a fresh data folder with the real CLI, the way a person would. */
export function seed(dataDir: string, cases: number): void {
  execFileSync(tsx, ['main/cli/main.ts', 'seed', '--cases', String(cases), '--data-dir', dataDir], {
    cwd: root,
    stdio: 'pipe',
  });
}

/** Starts the built web host (`npm run start:web` without the rebuild) and reads the URL it prints. */
export function startWeb(dataDir: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['out/main/web.js', '--data-dir', dataDir], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`web host did not start:\n${output}`)), 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ url: match[1]!, child });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`web host exited (${code}):\n${output}`)));
  });
}

export async function stopWeb(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  await new Promise((resolve) => {
    child.once('exit', resolve);
    child.kill('SIGTERM');
  });
}

/** A fresh, seeded data folder and web host per test. */
export const test = base.extend<{ seededCases: number; desk: Desk }>({
  seededCases: [200, { option: true }],
  desk: async ({ seededCases }, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'desk-e2e-'));
    if (seededCases > 0) seed(dataDir, seededCases);
    let web = await startWeb(dataDir);
    await use({
      url: web.url,
      dataDir,
      restart: async () => {
        await stopWeb(web.child);
        web = await startWeb(dataDir);
        return web.url;
      },
    });
    await stopWeb(web.child);
    rmSync(dataDir, { recursive: true, force: true });
  },
});

/** Finds a case by its number with the queue's search (`/`), opens it with Enter and returns the drawer. */
export async function openCaseByNumber(page: Page, caseNo: string): Promise<Locator> {
  await page.getByRole('grid').focus();
  await page.keyboard.press('/');
  const box = page.getByLabel('搜索案件', { exact: true });
  await box.fill(caseNo);
  await box.press('Enter');
  const row = page.getByTestId('queue-row').filter({ hasText: caseNo });
  await expect(row).toHaveCount(1);
  await row.click();
  await page.keyboard.press('Enter');
  const drawer = page.getByRole('dialog', { name: `案件 ${caseNo}` });
  await expect(drawer).toBeVisible();
  return drawer;
}

export { expect };
