import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** Issue 4's intake, as a handler uses it: by keyboard alone, and refused field by field in either language. */

test.use({ seededCases: 20 });

const count = (page: Page, view: string) => page.getByTestId(`view-count-${view}`);

/**
 * With a select focused: typing narrows a searchable one (and opens it), ↓ opens the others; ↓
 * moves to the option, Enter takes it. Only the keyboard; the page is read to know when to stop.
 */
async function choose(page: Page, label: string, option: string, typed?: string): Promise<void> {
  const select = page.getByLabel(label, { exact: true });
  await expect(select).toBeFocused();
  // The previous select's list may still be fading out: wait until it is gone, so only ours is read.
  await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0);
  if (typed) await page.keyboard.type(typed);
  else await page.keyboard.press('ArrowDown');
  const active = page.locator('.ant-select-dropdown:visible .ant-select-item-option-active');
  await expect(active).toHaveCount(1);
  for (let step = 0; step < 40 && (await active.getAttribute('title')) !== option; step++) {
    await page.keyboard.press('ArrowDown');
  }
  await expect(active).toHaveAttribute('title', option);
  await page.keyboard.press('Enter');
  await expect(page.locator('.ant-select', { has: select })).toContainText(option);
}

/** Tab to the next control and check it is the one expected. */
async function tabTo(page: Page, label: string): Promise<void> {
  await page.keyboard.press('Tab');
  await expect(page.getByLabel(label, { exact: true })).toBeFocused();
}

/** Rows written to the store file, counted straight from SQLite. */
function storeCounts(dataDir: string): Record<string, number> {
  const db = new Database(join(dataDir, 'desk.sqlite'), { readonly: true });
  try {
    const n = (table: string) => (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
    return { cases: n('cases'), parties: n('parties'), events: n('case_events') };
  } finally {
    db.close();
  }
}

test('registers an appeal by keyboard alone, then finds it with / and a Chinese substring and opens it with Enter', async ({
  page,
  desk,
}) => {
  // A full form by keystrokes, then a search: on a loaded machine this can pass the default 60 s.
  test.setTimeout(120_000);
  await page.goto(desk.url);
  await expect(count(page, 'all')).toHaveText('20');

  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: '键盘快捷键' });
  for (const action of [
    '登记申诉',
    '搜索',
    '打开选中的案件',
    '下一件',
    '在申诉内容中提交',
    '清除搜索，回到队列',
  ]) {
    await expect(help).toContainText(action);
  }
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();

  await page.keyboard.press('n');
  await expect(page.getByRole('dialog', { name: '登记申诉' })).toBeVisible();
  await choose(page, '申诉渠道', '微信');
  await tabTo(page, '申诉人姓名');
  await page.keyboard.type('吴键盘');
  await tabTo(page, '联系电话');
  await page.keyboard.type('13722223333');
  await tabTo(page, '申诉人身份');
  await choose(page, '申诉人身份', '收件人');
  await tabTo(page, '寄递企业');
  await choose(page, '寄递企业', '顺丰速运', '顺丰');
  await tabTo(page, '运单号');
  await page.keyboard.type('SF3141592653589');
  await tabTo(page, '业务类型');
  await tabTo(page, '寄出省份');
  await choose(page, '寄出省份', '广东省', '广东');
  await tabTo(page, '寄达省份');
  await choose(page, '寄达省份', '浙江省', '浙江');
  await tabTo(page, '营业网点');
  await tabTo(page, '问题类别');
  await choose(page, '问题类别', '损毁');
  await tabTo(page, '二级原因');
  await choose(page, '二级原因', '对企业赔偿金额不满');
  await tabTo(page, '申诉内容');
  await page.keyboard.type('紫罗兰色包装盒到货时外箱压塌，内装瓷器碎裂。');
  await tabTo(page, '诉求');
  await choose(page, '诉求', '赔偿');
  await tabTo(page, '诉求金额（元）');
  await page.keyboard.type('300');
  // Into the radio group (its first option), then an arrow key moves and chooses.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('radio', { name: '是' })).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('radio', { name: '否' })).toBeChecked();
  await expect(page.getByTestId('intake-prerequisite')).toContainText('未先向企业投诉');
  // The focused control shows a ring (antd draws it on the radio's circle).
  const ring = await page
    .getByRole('radio', { name: '否' })
    .evaluate((input) => getComputedStyle(input.closest('.ant-radio')!).outlineStyle);
  expect(ring).toBe('solid');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: '取消' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: '登记', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: '登记申诉' })).toBeHidden();
  await expect(count(page, 'all')).toHaveText('21');

  // `/`, five characters from the middle of the description, Enter; ↓ to the result, Enter opens it.
  await page.keyboard.press('/');
  await expect(page.getByLabel('搜索案件')).toBeFocused();
  await page.keyboard.type('色包装盒到');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('search-banner')).toContainText('搜索“色包装盒到”');
  const rows = page.getByTestId('queue-row');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('SF3141592653589');
  const caseNo = await rows.first().getAttribute('data-case-no');
  await expect(page.getByRole('grid')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(rows.first()).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  const drawer = page.getByRole('dialog', { name: `案件 ${caseNo}` });
  await expect(drawer).toContainText('吴**');
  await expect(drawer).toContainText('137****3333');
});

test('refuses bad input under each field in English too, and writes nothing to the store', async ({
  page,
  desk,
}) => {
  const before = storeCounts(desk.dataDir);
  await page.goto(desk.url);
  await expect(count(page, 'all')).toHaveText('20');
  await page.getByRole('radiogroup', { name: '界面语言' }).getByText('English').click();
  await expect(page.getByRole('heading', { name: 'Case queue' })).toBeVisible();

  await page.keyboard.press('n');
  const dialog = page.getByRole('dialog', { name: 'Register an appeal' });
  await expect(dialog).toBeVisible();
  await expect(page.getByLabel('Channel', { exact: true })).toBeFocused();
  await page.getByLabel('Phone', { exact: true }).fill('12345');
  const carrier = page.getByLabel('Carrier', { exact: true });
  await carrier.click();
  await carrier.pressSequentially('SF');
  await page.locator('.ant-select-dropdown:visible').getByTitle('SF Express', { exact: true }).click();
  await page.getByLabel('Waybill no.').fill('SF12');
  await page.getByLabel('Appeal content').fill('损'.repeat(4001));
  await dialog.getByRole('button', { name: 'Register', exact: true }).click();

  const help = (field: string) => page.locator(`#intake_${field}_help`);
  await expect(help('appellant_name')).toHaveText('Required');
  await expect(help('appellant_phone')).toContainText('Not a valid mainland China phone number');
  await expect(help('waybillNo')).toContainText('Not a SF Express waybill number (example: SF1234567890123)');
  await expect(help('description')).toContainText('Too long: at most 4000 characters');
  await expect(help('category')).toHaveText('Required');
  await expect(help('priorComplaint_made')).toHaveText('Required');
  await expect(page.getByLabel('Appellant name', { exact: true })).toBeFocused();

  // Fixing a field clears its error at once; the others stay.
  await page.getByLabel('Phone', { exact: true }).fill('13911112222');
  await expect(help('appellant_phone')).toHaveCount(0);
  await expect(help('waybillNo')).toBeVisible();

  // Back to Chinese: the messages follow the language.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await page.getByRole('radiogroup', { name: 'Language' }).getByText('中文').click();
  await page.keyboard.press('n');
  await page
    .getByRole('dialog', { name: '登记申诉' })
    .getByRole('button', { name: '登记', exact: true })
    .click();
  await expect(help('waybillNo')).toContainText('不是顺丰速运的运单号格式');
  await expect(help('appellant_name')).toHaveText('必填');

  await page.keyboard.press('Escape');
  await expect(count(page, 'all')).toHaveText('20');
  expect(storeCounts(desk.dataDir)).toEqual(before);
});
