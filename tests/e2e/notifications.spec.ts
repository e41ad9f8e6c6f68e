import type { APIRequestContext } from '@playwright/test';
import type { RuleRow } from '../../shared/escalation/dto';
import type { RegisterResult } from '../../shared/rpc/dto';
import { validAppeal } from '../support/appeals';
import { expect, test } from './fixtures';

/**
 * Issue 6 item 5: a case handed to me shows up as a notification. The browser may notify (the
 * permission is granted), so the page raises a system notification and the bell lists it.
 */

test.use({ seededCases: 200, permissions: ['notifications'] });

async function rpc<T>(request: APIRequestContext, deskUrl: string, name: string, input: unknown): Promise<T> {
  const url = new URL(deskUrl);
  const response = await request.post(`${url.origin}/rpc/${name}`, {
    headers: { Authorization: `Bearer ${url.searchParams.get('token')}` },
    data: input,
  });
  const body = (await response.json()) as { ok: boolean; value: T; error?: unknown };
  if (!body.ok) throw new Error(`${name}: ${JSON.stringify(body.error)}`);
  return body.value;
}

test('a case the escalation engine hands to me shows a system notification and a bell entry that opens it', async ({
  page,
  desk,
  request,
}) => {
  // Records the system notifications the page raises; the real constructor still runs.
  await page.addInitScript(() => {
    const Real = window.Notification;
    const shown: string[] = [];
    (window as unknown as { shownNotices: string[] }).shownNotices = shown;
    window.Notification = class extends Real {
      constructor(title: string, options?: NotificationOptions) {
        super(title, options);
        shown.push(`${title} | ${options?.body ?? ''}`);
      }
    } as typeof Notification;
  });
  await page.goto(desk.url);
  const bell = page.getByTestId('notice-bell');
  await expect(bell).toBeVisible();
  await expect(bell).toHaveAttribute('data-quiet', 'false');

  // The administrator's rule: appeals with sensitive words go straight to me.
  const rule = (await rpc<RuleRow[]>(request, desk.url, 'leads.rules', {})).find(
    (r) => r.id === 'sensitive_words',
  )!;
  const { updatedAt: _at, updatedBy: _by, ...current } = rule;
  await rpc(request, desk.url, 'leads.saveRule', {
    ...current,
    actions: ['reassign'],
    reassignTo: 'local-operator',
  });
  const registered = await rpc<RegisterResult>(
    request,
    desk.url,
    'cases.register',
    validAppeal({ description: '再不赔偿我就找媒体曝光。', demandAmountYuan: 100 }),
  );
  const caseNo = registered.case.caseNo;

  await expect(bell.locator('.ant-badge-count')).toHaveText('1');
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { shownNotices: string[] }).shownNotices))
    .toEqual([`新指派给您的案件 | 案件 ${caseNo} 已由升级规则指派给您`]);

  await bell.click();
  const entry = page.getByTestId('notice-entry');
  await expect(entry).toHaveCount(1);
  await expect(entry).toContainText(`案件 ${caseNo} 已由升级规则指派给您`);
  await entry.click();
  await expect(page.locator('.ant-drawer')).toContainText(caseNo);
  await page.keyboard.press('Escape');
  await expect(page.locator('.ant-drawer-open')).toHaveCount(0);

  // Quiet mode from the keyboard, listed in the `?` overlay, kept per user by main.
  await page.keyboard.press('m');
  await expect(bell).toHaveAttribute('data-quiet', 'true');
  expect(await rpc(request, desk.url, 'notify.settings', {})).toEqual({ quiet: true });
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: '键盘快捷键' })).toContainText('开启 / 关闭勿扰模式');
});
