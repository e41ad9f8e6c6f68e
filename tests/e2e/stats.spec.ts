import { statSync } from 'node:fs';
import type { Download, Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** Saves a download and returns its size in bytes. */
async function saved(download: Download, dir: string): Promise<number> {
  const file = `${dir}/${download.suggestedFilename()}`;
  await download.saveAs(file);
  return statSync(file).size;
}

async function openStatistics(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('menuitem', { name: '统计' }).click();
  await expect(page.getByTestId('stats-view')).toBeVisible();
}

test('exports a month’s notice and a queue view; the downloads exist and are not empty', async ({
  page,
  desk,
}, testInfo) => {
  await openStatistics(page, desk.url);
  // The notice of last month is on screen (the demo data runs up to today).
  await expect(page.getByText('总体情况').first()).toBeVisible();

  const notice = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出通告 (XLSX)' }).click();
  const noticeFile = await notice;
  expect(noticeFile.suggestedFilename()).toMatch(/^邮政业用户申诉情况-\d{4}-\d{2}\.xlsx$/);
  expect(await saved(noticeFile, testInfo.outputDir)).toBeGreaterThan(1000);

  await page.getByLabel('导出哪些案件').click();
  await page.getByTitle('全部案件').click();
  const cases = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出案件' }).click();
  const casesFile = await cases;
  expect(casesFile.suggestedFilename()).toBe('申诉案件-all.csv');
  expect(await saved(casesFile, testInfo.outputDir)).toBeGreaterThan(200 * 50);
});

test('a number in a notice table drills down to the cases behind it', async ({ page, desk }) => {
  await openStatistics(page, desk.url);
  const overall = page.locator('.ant-card').filter({ hasText: '总体情况' }).first();
  const total = overall.getByRole('row').nth(1).getByRole('button');
  const count = Number((await total.innerText()).replaceAll(',', ''));
  expect(count).toBeGreaterThan(0);
  await total.click();
  const drawer = page.getByRole('dialog', { name: '该数字对应的案件' });
  await expect(drawer).toBeVisible();
  await expect(drawer.locator('.ant-table-row')).toHaveCount(Math.min(count, 50));
});

test.describe('a large export', () => {
  test.use({ seededCases: 20_000 });

  test('shows a progress bar while it runs, then downloads', async ({ page, desk }, testInfo) => {
    test.setTimeout(240_000);
    await openStatistics(page, desk.url);
    await page.getByLabel('导出哪些案件').click();
    await page.getByTitle('全部案件').click();
    await page.getByLabel('导出格式').click();
    await page.getByTitle('XLSX').click();
    const download = page.waitForEvent('download', { timeout: 180_000 });
    await page.getByRole('button', { name: '导出案件' }).click();
    const progress = page.getByTestId('export-progress');
    await expect(progress.getByRole('progressbar')).toBeVisible();
    await expect(progress.getByText(/正在导出/)).toBeVisible();
    const file = await download;
    expect(await saved(file, testInfo.outputDir)).toBeGreaterThan(100_000);
    await expect(progress.getByText('导出完成')).toBeVisible();
  });
});

test('a volume file with bad rows is rejected row by row; nothing is imported until the valid rows are accepted', async ({
  page,
  desk,
}) => {
  await openStatistics(page, desk.url);
  // The view opens on last month; the file gives 顺丰速运 a volume for it.
  const now = new Date();
  const last = new Date(now.getFullYear(), now.getMonth() - 1, 1);
  const period = `${last.getFullYear()}-${String(last.getMonth() + 1).padStart(2, '0')}`;
  const file = {
    name: '业务量.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(
      [
        '企业,期间,业务量',
        `顺丰速运,${period},4321000`,
        `,${period},5`,
        `中通快递,${period},-12`,
        `圆通速递,${period},很多`,
        `顺丰速运,${period},4100000`,
      ].join('\r\n'),
    ),
  };
  const sfRow = page
    .locator('.ant-card')
    .filter({ hasText: '主要快递企业申诉情况表' })
    .getByRole('row')
    .filter({ hasText: '顺丰速运' });
  await expect(sfRow).toBeVisible();
  await expect(sfRow).not.toContainText('4,321,000');

  const dialog = page.getByRole('dialog', { name: '导入业务量文件' });
  const choose = async () => {
    await page.getByRole('button', { name: '导入业务量' }).click();
    await expect(dialog).toBeVisible();
    await dialog.locator('input[type=file]').setInputFiles(file);
    await expect(dialog.getByText('业务量.csv：1 行有效，4 行被拒绝')).toBeVisible();
  };

  await choose();
  const rejected = dialog.getByTestId('volume-rejected');
  const reason = (line: number) =>
    rejected.getByRole('row').filter({ has: page.getByRole('cell', { name: String(line), exact: true }) });
  await expect(reason(3)).toContainText('缺少企业');
  await expect(reason(4)).toContainText('业务量不能为负数(-12)');
  await expect(reason(5)).toContainText('业务量“很多”不是整数');
  await expect(reason(6)).toContainText('与第 2 行重复(同一企业同一期间)');
  await expect(rejected.locator('.ant-table-row')).toHaveCount(4);

  // Cancelling imports nothing.
  await dialog.getByRole('button', { name: '取消，不导入' }).click();
  await expect(dialog).toBeHidden();
  await openStatistics(page, desk.url);
  await expect(sfRow).toBeVisible();
  await expect(sfRow).not.toContainText('4,321,000');

  // Accepting imports the one valid row only.
  await choose();
  await dialog.getByRole('button', { name: '仅导入有效的 1 行' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('已导入 1 行业务量')).toBeVisible();
  await expect(sfRow).toContainText('4,321,000');
});

test('the averaging setting changes the carriers’ average; a locked period keeps its snapshot', async ({
  page,
  desk,
}) => {
  await openStatistics(page, desk.url);
  const carriers = page.locator('.ant-card').filter({ hasText: '主要快递企业申诉情况表' });
  const setting = page.getByTestId('stats-averaging');
  await expect(carriers.getByText('平均(算术平均)')).toBeVisible();
  await setting.getByText(/^按业务量加权/).click();
  await expect(carriers.getByText('平均(按业务量加权)')).toBeVisible();
  await setting.getByText(/^各企业申诉率的算术平均/).click();
  await expect(carriers.getByText('平均(算术平均)')).toBeVisible();

  await page.getByRole('button', { name: '锁定本期' }).click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: '锁定本期' }).click();
  const lock = page.getByTestId('stats-lock');
  await expect(lock).toContainText('锁定后差异（0）');
  await expect(lock).toContainText('锁定后没有变动');
  await expect(lock).toContainText('由 本机操作员');
  await expect(page.getByRole('button', { name: '锁定本期' })).toBeHidden();

  // The published numbers do not move: the snapshot keeps the method it was locked with.
  await setting.getByText(/^按业务量加权/).click();
  await expect(setting.getByRole('radio', { name: /^按业务量加权/ })).toBeChecked();
  await expect(carriers.getByText('平均(算术平均)')).toBeVisible();
});
