import type { Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WEB_RPC_PATH } from '../../shared/rpc/bridge';
import { validAppeal } from '../support/appeals';
import { Relay } from '../support/relay';
import { expect, startWeb, stopWeb, test } from './fixtures';

/**
 * Issue 5's acceptance: two workstations (web hosts on their own data folders) signed in to one
 * sync server (PGlite in a temp folder, `npm run server`). A claim on A shows on B within
 * seconds; then B loses the network, both claim the same case, B comes back: one assignee on
 * both, and B's conflict inbox says what was refused and why.
 */

test.use({ seededCases: 0 });
test.setTimeout(180_000);

const root = process.cwd();
const ADMIN_PASSWORD = 'e2e-admin-password';

/** `npm run server` on a fresh PGlite folder and a free port. */
async function startSyncServer(dataDir: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(join(root, 'node_modules', '.bin', 'tsx'), ['server/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      SYNC_DATA_DIR: dataDir,
      PORT: '0',
      HOST: '127.0.0.1',
      SYNC_ADMIN_PASSWORD: ADMIN_PASSWORD,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`sync server did not start:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Sync server on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ url: match[1]!, child });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`sync server exited (${code}):\n${output}`)));
  });
}

async function post<T>(url: string, body: unknown, token?: string): Promise<T> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** The two handlers, created the way an administrator would: through the admin API. */
async function createHandlers(server: string): Promise<void> {
  const { accessToken } = await post<{ accessToken: string }>(`${server}/auth/login`, {
    username: 'admin',
    password: ADMIN_PASSWORD,
    workstation: { id: 'e2e-admin', name: 'e2e' },
  });
  for (const u of [
    { id: 'u-li', username: 'li', name: '李雷', roles: ['handler'], password: 'li-password' },
    { id: 'u-han', username: 'han', name: '韩梅梅', roles: ['handler'], password: 'han-password' },
  ]) {
    await post(`${server}/admin/users`, u, accessToken);
  }
}

/** Registers an appeal through the desk's own RPC endpoint (the intake form has its own journeys). */
async function register(deskUrl: string, waybillNo: string): Promise<string> {
  const url = new URL(deskUrl);
  const token = url.searchParams.get('token')!;
  const result = await post<{ ok: boolean; value: { case: { id: string } } }>(
    `${url.origin}${WEB_RPC_PATH}cases.register?token=${token}`,
    validAppeal({ waybillNo, carrierId: 'sf' }),
  );
  expect(result.ok).toBe(true);
  return result.value.case.id;
}

/** Settings → Team sync: server address, then sign in, by keyboard where a person would type. */
async function signIn(page: Page, serverUrl: string, username: string, password: string): Promise<void> {
  await page.getByRole('menuitem', { name: '设置' }).click();
  const settings = page.getByTestId('sync-settings');
  await settings.getByLabel('同步服务器地址').fill(serverUrl);
  await settings.getByLabel('工作站名称').fill(`${username} 的工作站`);
  await settings.getByRole('button', { name: '保存' }).click();
  await settings.getByLabel('用户名').fill(username);
  await settings.getByLabel('密码').fill(password);
  await settings.getByLabel('密码').press('Enter');
  await expect(settings.getByTestId('sync-signed-in')).toContainText(username);
  await expect(page.getByTestId('sync-indicator')).toHaveAttribute('data-mode', 'online', {
    timeout: 20_000,
  });
  await page.getByRole('menuitem', { name: '案件队列' }).click();
}

const row = (page: Page, waybill: string) => page.getByTestId('queue-row').filter({ hasText: waybill });

/** Opens a case from the queue with the keyboard and returns its drawer. */
async function openCase(page: Page, waybill: string) {
  await row(page, waybill).click();
  await page.keyboard.press('Enter');
  const drawer = page.getByRole('dialog', { name: /案件 SS/ });
  await expect(drawer).toBeVisible();
  return drawer;
}

async function closeCase(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: /案件 SS/ })).toBeHidden();
}

test('two workstations share claims live; a claim made offline loses to the earlier one and shows as a conflict', async ({
  page,
  desk,
  browser,
}) => {
  const serverDir = mkdtempSync(join(tmpdir(), 'desk-e2e-sync-server-'));
  const deskBDir = mkdtempSync(join(tmpdir(), 'desk-e2e-b-'));
  const server = await startSyncServer(serverDir);
  const relay = await new Relay(new URL(server.url)).start();
  const webB = await startWeb(deskBDir);
  const pageB = await (await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })).newPage();
  try {
    await createHandlers(server.url);
    const pageA = page;
    await pageA.goto(desk.url);
    await pageB.goto(webB.url);
    // Standalone is the default.
    await expect(pageA.getByTestId('sync-indicator')).toHaveAttribute('data-mode', 'standalone');

    await signIn(pageA, server.url, 'li', 'li-password');
    await signIn(pageB, relay.url, 'han', 'han-password');
    await expect(pageA.getByTestId('session-staff')).toContainText('李雷');
    await expect(pageB.getByTestId('session-staff')).toContainText('韩梅梅');

    // A registers two cases; both reach B through the server.
    await register(desk.url, 'SF7000000000001');
    await register(desk.url, 'SF7000000000002');
    await expect(row(pageB, 'SF7000000000001')).toBeVisible({ timeout: 20_000 });
    await expect(row(pageB, 'SF7000000000002')).toBeVisible({ timeout: 20_000 });

    // 1. Claimed on A, claimed on B within seconds (B has the case open meanwhile).
    const onB = await openCase(pageB, 'SF7000000000001');
    await expect(onB.getByTestId('case-assignee')).toHaveText('未分配');
    const onA = await openCase(pageA, 'SF7000000000001');
    await pageA.keyboard.press('c');
    await expect(onA.getByTestId('case-assignee')).toHaveText('李雷');
    await expect(onB.getByTestId('case-assignee')).toHaveText('李雷', { timeout: 10_000 });
    await closeCase(pageA);
    await closeCase(pageB);

    // 2. B loses the network; both claim the second case; A's claim reaches the server first.
    relay.unplug();
    await expect(pageB.getByTestId('sync-indicator')).toHaveAttribute('data-mode', 'offline', {
      timeout: 20_000,
    });
    const offlineB = await openCase(pageB, 'SF7000000000002');
    await pageB.keyboard.press('c');
    await expect(offlineB.getByTestId('case-assignee')).toHaveText('韩梅梅');
    await expect(pageB.getByTestId('sync-pending')).toContainText('1 项待上传');
    await closeCase(pageB);

    const claimA = await openCase(pageA, 'SF7000000000002');
    await pageA.keyboard.press('c');
    await expect(claimA.getByTestId('case-assignee')).toHaveText('李雷');
    await expect(pageA.getByTestId('sync-indicator')).toHaveAttribute('data-mode', 'online', {
      timeout: 20_000,
    });
    await expect(pageA.getByTestId('sync-pending')).toHaveCount(0);

    // 3. B comes back: the server refuses B's claim; both show A's user; B's inbox says why.
    relay.plug();
    await expect(pageB.getByTestId('sync-conflicts')).toHaveText('1 个冲突', { timeout: 45_000 });
    await expect(pageB.getByTestId('sync-indicator')).toHaveAttribute('data-mode', 'online');
    const settledB = await openCase(pageB, 'SF7000000000002');
    await expect(settledB.getByTestId('case-assignee')).toHaveText('李雷');
    await expect(claimA.getByTestId('case-assignee')).toHaveText('李雷');
    await closeCase(pageB);
    await expect(pageA.getByTestId('sync-conflicts')).toHaveCount(0);

    await pageB.getByTestId('sync-indicator').focus();
    await pageB.keyboard.press('Enter');
    const inbox = pageB.getByTestId('conflict-inbox');
    const conflict = inbox.getByTestId('conflict');
    await expect(conflict).toHaveCount(1);
    await expect(conflict).toContainText('认领案件');
    await expect(conflict).toContainText('案件已被他人先认领');
    await expect(conflict).toContainText('承办人：李雷');
    // Nobody released it, so sending the claim again would only be refused again: not offered.
    await expect(conflict.getByRole('button', { name: '重新提交' })).toHaveCount(0);
    await conflict.getByRole('button', { name: '知道了' }).click();
    await expect(inbox.getByTestId('conflict')).toHaveCount(0);
    await expect(pageB.getByTestId('sync-conflicts')).toHaveCount(0);
  } finally {
    relay.close();
    await pageB.context().close();
    await stopWeb(webB.child);
    await new Promise((resolve) => {
      server.child.once('exit', resolve);
      server.child.kill('SIGTERM');
    });
    rmSync(serverDir, { recursive: true, force: true });
    rmSync(deskBDir, { recursive: true, force: true });
  }
});
