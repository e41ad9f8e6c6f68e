import { expect, test } from './fixtures';

/** Issue 6, as a team lead uses it: an overdue case on the 时限看板, reassigned from the board, its escalation acknowledged. */

test.use({ seededCases: 1000 });

test('a lead sees an overdue case on the board, reassigns it by keyboard and acknowledges the escalation', async ({
  page,
  desk,
}) => {
  await page.goto(desk.url);
  await page.getByRole('menuitem', { name: '时限看板' }).click();
  const board = page.getByTestId('deadline-board');
  await expect(board.getByTestId('urgency-overdue')).toContainText(/已超期 [1-9]/);
  // The calendar strip: four weeks of day kinds.
  await expect(board.locator('[data-kind]')).toHaveCount(28);

  const overdue = board.locator('tbody tr', { hasText: '已超期' }).first();
  const caseNo = (await overdue.locator('td').nth(1).textContent())!;
  expect(caseNo).toMatch(/^SS\d{14}$/);
  await overdue.focus();
  await page.keyboard.press('a');
  const picker = page.getByRole('dialog', { name: '指派 (a)' });
  await expect(picker).toBeVisible();
  const select = picker.getByLabel('指派给', { exact: true });
  await select.click();
  const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option').first();
  const to = (await option.textContent())!;
  await option.click();
  await picker.getByRole('button', { name: '提交' }).click();
  await expect(picker).toBeHidden();
  await expect(board.locator('tbody tr', { hasText: caseNo }).first()).toContainText(to);

  // The reassignment is a change to the case: the engine evaluates it and raises the breach.
  await page.getByRole('menuitem', { name: '升级督办' }).click();
  const view = page.getByTestId('escalations-view');
  const row = view.locator('tbody tr', { hasText: caseNo }).filter({ hasText: '超期' }).first();
  await expect(row).toBeVisible({ timeout: 15_000 });
  await expect(row).toContainText('L2');
  await row.getByRole('button', { name: '知悉' }).click();
  await expect(row).toContainText('已知悉');
});
