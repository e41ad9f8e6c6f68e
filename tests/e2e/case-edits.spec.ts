import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, openCaseByNumber, test } from './fixtures';

/** Correcting a case's details from the drawer, and two windows correcting the same field. */

/** The newest open case of the seeded store. */
function openCaseNo(dataDir: string): string {
  const db = new Database(join(dataDir, 'desk.sqlite'), { readonly: true });
  try {
    const row = db
      .prepare('SELECT case_no FROM cases WHERE is_open = 1 ORDER BY received_at DESC LIMIT 1')
      .get() as { case_no: string } | undefined;
    if (!row) throw new Error('the seeded data has no open case');
    return row.case_no;
  } finally {
    db.close();
  }
}

async function pick(page: Page, dialog: Locator, label: string, option: string): Promise<void> {
  await dialog.getByLabel(label, { exact: true }).click();
  await page.locator('.ant-select-dropdown:visible').getByTitle(option, { exact: true }).click();
  await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0);
}

/** Opens the case on its details tab and returns the drawer. */
async function openCase(page: Page, url: string, caseNo: string): Promise<Locator> {
  await page.goto(url);
  const drawer = await openCaseByNumber(page, caseNo);
  await drawer.getByRole('tab', { name: '案件信息' }).click();
  return drawer;
}

async function openCorrection(page: Page, drawer: Locator): Promise<Locator> {
  await drawer.getByRole('button', { name: '更正信息' }).click();
  const dialog = page.getByRole('dialog', { name: '更正案件信息' });
  await expect(dialog).toBeVisible();
  return dialog;
}

test('a handler corrects the description, classification and phone; the details and timeline show it', async ({
  page,
  desk,
}) => {
  const drawer = await openCase(page, desk.url, openCaseNo(desk.dataDir));
  const field = (label: string) => drawer.locator('.ant-descriptions-row', { hasText: label });
  // Seeded cases are random: correct to a category the case does not have yet.
  const was = await field('问题类别').locator('.ant-descriptions-item-content').innerText();
  const [category, reason] = was === '损毁' ? ['延误', '中转或运输延误'] : ['损毁', '其他损毁'];

  const dialog = await openCorrection(page, drawer);
  await dialog.getByLabel('申诉内容').fill('更正：快件在转运中心破损，内件丢失。');
  await pick(page, dialog, '问题类别', category);
  // The reason belonged to the old category: the dialog cleared it, and main refuses the pair under it.
  const reasonItem = dialog.locator('.ant-form-item', { hasText: '二级原因' });
  await expect(reasonItem.locator('.ant-select-selection-item')).toHaveCount(0);
  await dialog.getByRole('button', { name: '保存更正' }).click();
  await expect(dialog.getByRole('alert')).toContainText('未保存任何内容');
  await expect(reasonItem).toContainText('该类别下没有此二级原因');
  await pick(page, dialog, '二级原因', reason);
  await dialog.getByLabel('联系电话').fill('139 8765 4321');
  await dialog.getByRole('button', { name: '保存更正' }).click();
  await expect(dialog).toBeHidden();

  await expect(drawer.locator('.case-description')).toHaveText('更正：快件在转运中心破损，内件丢失。');
  await expect(field('问题类别')).toContainText(category);
  await expect(field('二级原因')).toContainText(reason);
  // Personal data stays masked on the screen.
  await expect(field('联系电话')).toContainText('139****4321');

  await drawer.getByRole('tab', { name: /办理记录/ }).click();
  const entry = drawer.locator('.event', {
    has: page.locator('.event-name', { hasText: /^更正案件信息$/ }),
  });
  const rows = entry.locator('.event-data-row');
  await expect(rows.first()).toHaveText('更正项联系电话、申诉内容、问题类别、二级原因');
  await expect(rows.filter({ hasText: '新问题类别' })).toHaveText(`新问题类别${category}`);
  await expect(rows.filter({ hasText: '新二级原因' })).toHaveText(`新二级原因${reason}`);
  await expect(entry).not.toContainText('13987654321');
});

test('two windows correct the same description: the second is refused, nothing of it is saved', async ({
  page,
  context,
  desk,
}) => {
  const caseNo = openCaseNo(desk.dataDir);
  const drawer = await openCase(page, desk.url, caseNo);
  const mine = await openCorrection(page, drawer);
  await mine.getByLabel('申诉内容').fill('我的更正');

  // A colleague (a second window on the same store) corrects the same field first.
  const other = await context.newPage();
  const otherDrawer = await openCase(other, desk.url, caseNo);
  const theirs = await openCorrection(other, otherDrawer);
  await theirs.getByLabel('申诉内容').fill('同事的更正');
  await theirs.getByRole('button', { name: '保存更正' }).click();
  await expect(theirs).toBeHidden();

  await mine.getByRole('button', { name: '保存更正' }).click();
  await expect(mine.getByRole('alert')).toContainText('案件信息已被他人修改');
  await expect(mine.locator('.ant-form-item', { hasText: '申诉内容' })).toContainText('此项已被他人修改');
  // What the person typed is still there to copy; the case shows the colleague's correction.
  await expect(mine.getByLabel('申诉内容')).toHaveValue('我的更正');
  await mine.getByRole('button', { name: '取消' }).click();
  await expect(drawer.locator('.case-description')).toHaveText('同事的更正');
});
