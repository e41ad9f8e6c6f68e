import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** The queue's search box, as a handler uses it from the keyboard: `/`, type, Enter. */

const rows = (page: Page) => page.getByTestId('queue-row');

/** A case written by the seeder, read straight from the store file. */
function someCase(dataDir: string): { caseNo: string; waybill: string; description: string } {
  const db = new Database(join(dataDir, 'desk.sqlite'), { readonly: true });
  try {
    return db
      .prepare(
        'SELECT case_no AS caseNo, waybill_no AS waybill, description FROM cases ORDER BY received_at LIMIT 1 OFFSET 17',
      )
      .get() as { caseNo: string; waybill: string; description: string };
  } finally {
    db.close();
  }
}

async function search(page: Page, text: string): Promise<void> {
  await page.getByRole('grid').focus();
  await page.keyboard.press('/');
  const box = page.getByLabel('搜索案件');
  await expect(box).toBeFocused();
  await box.fill(text);
  await box.press('Enter');
}

test('finds a case by a Chinese substring of its description and by its waybill number', async ({
  page,
  desk,
}) => {
  const target = someCase(desk.dataDir);
  // Five characters from the middle of the description: a substring no word boundary marks.
  const chars = [...target.description.replace(/[，。、！？：；\s]/g, '')];
  const substring = chars.slice(4, 9).join('');
  expect([...substring]).toHaveLength(5);

  await page.goto(desk.url);
  await expect(rows(page).first()).toBeVisible();

  await search(page, substring);
  await expect(page.getByTestId('search-banner')).toContainText(`搜索“${substring}”`);
  await expect(page.getByTestId('search-banner')).toContainText('描述或申诉人姓名包含该文字');
  await expect(page.locator(`[data-testid="queue-row"][data-case-no="${target.caseNo}"]`)).toBeVisible();

  await search(page, target.waybill.toLowerCase());
  await expect(page.getByTestId('search-banner')).toContainText('运单号或电话号码完全一致');
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toHaveAttribute('data-case-no', target.caseNo);

  // Esc in the box clears the search: the saved view is back.
  await page.getByLabel('搜索案件').press('Escape');
  await expect(page.getByTestId('search-banner')).toHaveCount(0);
  await expect(rows(page).nth(1)).toBeVisible();
});

test('counts the time-based saved views from the materialised deadlines', async ({ page, desk }) => {
  const db = new Database(join(desk.dataDir, 'desk.sqlite'), { readonly: true });
  const now = Date.now();
  const overdue = (
    db.prepare('SELECT COUNT(*) AS n FROM case_deadlines WHERE next = 1 AND due_at <= ?').get(now) as {
      n: number;
    }
  ).n;
  db.close();
  await page.goto(desk.url);
  await expect(page.getByTestId('view-count-overdue')).toHaveText(String(overdue));
  await page.getByRole('tab', { name: /已超期/ }).click();
  if (overdue > 0) await expect(rows(page).first()).toBeVisible();
});
