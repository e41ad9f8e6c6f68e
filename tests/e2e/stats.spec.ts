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
