import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** Issue 2's thin slice, as a handler uses it: the queue, registering an appeal, finding it after a restart. */

const rows = (page: Page) => page.getByTestId('queue-row');
const count = (page: Page, view: string) => page.getByTestId(`view-count-${view}`);

/** Chooses from a select the way a keyboard user does: open it, type to narrow the list, pick. */
async function pick(page: Page, label: string, option: string, search = false): Promise<void> {
  const select = page.getByLabel(label, { exact: true });
  await select.click();
  if (search) await select.pressSequentially(option.slice(0, 2));
  await page.locator('.ant-select-dropdown:visible').getByTitle(option, { exact: true }).click();
}

async function fillAppeal(
  page: Page,
  fields: { phone?: string; waybill?: string; description?: string } = {},
): Promise<void> {
  await page.getByRole('button', { name: /登记申诉/ }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await page.getByLabel('申诉人姓名').fill('陈测试');
  await page.getByLabel('联系电话').fill(fields.phone ?? '13987654321');
  await pick(page, '申诉人身份', '收件人');
  await pick(page, '寄递企业', '顺丰速运', true);
  await page.getByLabel('运单号').fill(fields.waybill ?? 'SF9876543210123');
  await pick(page, '寄出省份', '广东省', true);
  await pick(page, '寄达省份', '浙江省', true);
  await pick(page, '问题类别', '丢失短少');
  await pick(page, '二级原因', '对企业赔偿金额不满');
  await page
    .getByLabel('申诉内容')
    .fill(fields.description ?? '快件显示已签收，但本人并未收到。联系快递员称放在驿站，驿站查无此件。');
  await pick(page, '诉求', '赔偿');
  await page.getByRole('radio', { name: '否' }).check();
}

test('shows the seeded queue with masked personal data and live counts', async ({ page, desk }) => {
  await page.goto(desk.url);
  await expect(page.getByRole('grid')).toBeVisible();
  await expect(rows(page).first()).toContainText(/SS\d{14}/);
  await expect(count(page, 'all')).toHaveText('200');
  await expect(rows(page).first()).toContainText(/1\d\d\*\*\*\*\d{4}/);
  // The token has left the address bar once the page has it.
  expect(page.url()).not.toContain('token=');
});

test('registers an appeal from the form, shows it at once and keeps it after a restart', async ({
  page,
  desk,
}) => {
  await page.goto(desk.url);
  await expect(count(page, 'all')).toHaveText('200');
  await fillAppeal(page);
  await page.getByRole('button', { name: '登记', exact: true }).click();
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(count(page, 'all')).toHaveText('201');
  const first = rows(page).first();
  await expect(first).toContainText('SF9876543210123');
  await expect(first).toContainText('陈*');
  const caseNo = await first.getAttribute('data-case-no');
  expect(caseNo).toMatch(/^SS\d{14}$/);

  // Quit and start the workstation again: same data folder, new process, new token.
  await page.goto(await desk.restart());
  await expect(count(page, 'all')).toHaveText('201');
  await expect(page.locator(`[data-case-no="${caseNo}"]`)).toContainText('SF9876543210123');
});

test('refuses bad input field by field and saves nothing', async ({ page, desk }) => {
  await page.goto(desk.url);
  await expect(count(page, 'all')).toHaveText('200');
  await fillAppeal(page, { phone: '', waybill: 'SF12', description: '快'.repeat(100 * 1024) });
  await page.getByRole('button', { name: '登记', exact: true }).click();
  await expect(page.locator('#intake_appellant_phone_help')).toHaveText('必填');
  await expect(page.locator('#intake_description_help')).toContainText('最多 4000 个字符');
  await expect(page.locator('#intake_waybillNo_help')).toContainText('不是顺丰速运的运单号格式');
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(count(page, 'all')).toHaveText('200');
});

test.describe('a first start', () => {
  test.use({ seededCases: 0 });

  test('offers demo data on an empty store and loads it', async ({ page, desk }) => {
    await page.goto(desk.url);
    await page.getByRole('button', { name: /载入演示数据/ }).click();
    await expect(count(page, 'all')).toHaveText('5,000', { timeout: 30_000 });
    await expect(rows(page).first()).toContainText(/SS\d{14}/);
  });
});

test('the page without a token explains what is wrong', async ({ page, desk }) => {
  await page.goto(desk.url.replace(/\?token=.*/, '?token=wrong'));
  await expect(page.getByText(/访问令牌缺失或不正确/)).toBeVisible();
});
