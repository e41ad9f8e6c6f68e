import { expect, test } from './fixtures';

/**
 * Issues 3 and 6 as an administrator uses them: a time limit changed without a code change (a new
 * profile version, activated), and escalation thresholds edited, with bad values refused under the field.
 */

test.use({ seededCases: 50 });

test('an administrator saves an edited limit as a new profile version and activates it', async ({
  page,
  desk,
}) => {
  await page.goto(desk.url);
  await page.getByRole('menuitem', { name: '规则配置' }).click();
  const editor = page.getByTestId('profile-editor');
  await expect(editor.getByTestId('profile-version')).toContainText('current 第 1 版');
  await expect(editor.getByTestId('profile-version')).toContainText('启用中');

  await editor.getByLabel('callback 期限').fill('5');
  await editor.getByLabel('callback 已用比例预警 %').fill('150');
  await editor.getByTestId('profile-save').click();
  await expect(editor.getByTestId('percent-callback-problems')).toHaveText('不能大于 100');

  await editor.getByLabel('callback 已用比例预警 %').fill('75');
  await editor.getByTestId('profile-save').click();
  await expect(page.getByText('已保存为 current 第 2 版')).toBeVisible();
  await expect(editor.getByTestId('percent-callback-problems')).toHaveCount(0);
  await expect(editor.getByTestId('profile-version')).toContainText('current 第 2 版');
  await expect(editor.getByLabel('callback 期限')).toHaveValue('5');

  await editor.getByTestId('profile-activate').click();
  await expect(page.getByText('新案件将按 current 第 2 版计算时限')).toBeVisible();
  await expect(editor.getByTestId('profile-version')).toContainText('启用中');
  await expect(editor.getByTestId('profile-activate')).toBeDisabled();
});

test('an administrator switches pre-breach to a share of the period; bad thresholds are refused per field', async ({
  page,
  desk,
}) => {
  await page.goto(desk.url);
  await page.getByRole('menuitem', { name: '规则配置' }).click();
  await page.getByRole('tab', { name: '升级规则' }).click();
  const rules = page.getByTestId('rules-editor');
  const pre = rules.locator('tr[data-row-key="pre_breach.4h"]');
  await pre.getByText('已用时限比例').click();
  await pre.getByLabel('pre_breach.4h params.periodPercent').fill('100');
  await pre.getByTestId('pre_breach.4h-save').click();
  await expect(rules.getByTestId('pre_breach.4h-params.periodPercent-problems')).toHaveText('不能大于 99');

  await pre.getByLabel('pre_breach.4h params.periodPercent').fill('75');
  await pre.getByTestId('pre_breach.4h-save').click();
  await expect(page.getByText('规则 pre_breach.4h 已保存')).toBeVisible();
  await expect(pre.getByTestId('pre_breach.4h-save')).toBeDisabled();

  const repeat = rules.locator('tr[data-row-key="repeat_appeals"]');
  await repeat.getByLabel('repeat_appeals params.minCount').fill('1');
  await repeat.getByTestId('repeat_appeals-save').click();
  await expect(rules.getByTestId('repeat_appeals-params.minCount-problems')).toHaveText('不能小于 2');

  // The same refusal in English once the language is switched.
  await page.getByText('English', { exact: true }).click();
  await repeat.getByTestId('repeat_appeals-save').click();
  await expect(rules.getByTestId('repeat_appeals-params.minCount-problems')).toHaveText('Must be at least 2');
});
