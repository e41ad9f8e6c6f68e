import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** Issue 4's case screen, as a handler uses it: one appeal from registration to closure in the drawer. */

test.use({ seededCases: 20 });

const rows = (page: Page) => page.getByTestId('queue-row');
const count = (page: Page, view: string) => page.getByTestId(`view-count-${view}`);
const countOf = async (page: Page, view: string) => Number(await count(page, view).textContent());
const item = (dialog: Locator, label: string) => dialog.locator('.ant-form-item', { hasText: label });

async function pick(page: Page, label: string, option: string, search = false): Promise<void> {
  const select = page.getByLabel(label, { exact: true });
  await select.click();
  if (search) await select.pressSequentially(option.slice(0, 2));
  await page.locator('.ant-select-dropdown:visible').getByTitle(option, { exact: true }).click();
}

async function register(page: Page, beforeSubmit?: () => Promise<void>): Promise<void> {
  // By its shortcut: the previous registration's notice may cover the button.
  await page.keyboard.press('n');
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.getByLabel('申诉人姓名').fill('周办理');
  await page.getByLabel('联系电话').fill('13911112222');
  await pick(page, '申诉人身份', '收件人');
  await pick(page, '寄递企业', '顺丰速运', true);
  await page.getByLabel('运单号').fill('SF5555555555555');
  await pick(page, '寄出省份', '广东省', true);
  await pick(page, '寄达省份', '浙江省', true);
  await pick(page, '问题类别', '丢失短少');
  await pick(page, '二级原因', '对企业赔偿金额不满');
  await page.getByLabel('申诉内容').fill('快件丢失，企业只愿赔付运费，本人不满意。');
  await pick(page, '诉求', '赔偿');
  await page.getByRole('radio', { name: '否' }).check();
  // DOMAIN §1.1: warned while typing, not refused.
  await expect(page.getByTestId('intake-prerequisite')).toContainText('未先向企业投诉');
  await beforeSubmit?.();
  await page.getByRole('button', { name: '登记', exact: true }).click();
  await expect(page.getByRole('dialog')).toBeHidden();
}

/** Opens a transition's form from the drawer's next actions and returns the form dialog. */
async function action(page: Page, name: string): Promise<Locator> {
  await page.getByRole('group', { name: '下一步' }).getByRole('button', { name, exact: true }).click();
  const dialog = page.getByRole('dialog', { name });
  await expect(dialog).toBeVisible();
  return dialog;
}

async function submit(dialog: Locator): Promise<void> {
  await dialog.getByRole('button', { name: '提交' }).click();
  await expect(dialog).toBeHidden();
}

test('takes a registered appeal through accept → transfer → carrier reply → callback → close; the counts follow', async ({
  page,
  desk,
}) => {
  // Registration and five transition forms: on a loaded machine this has run past the default 60 s.
  test.setTimeout(120_000);
  await page.goto(desk.url);
  await expect(count(page, 'all')).toHaveText('20');
  const [open0, closed0] = [await countOf(page, 'open'), await countOf(page, 'closed')];

  await register(page);
  await expect(count(page, 'all')).toHaveText('21');
  await expect(count(page, 'open')).toHaveText(String(open0 + 1));

  // Keyboard: select the new row, open it with Enter, claim it with c.
  await expect(rows(page).first()).toContainText('SF5555555555555');
  await rows(page).first().click();
  await page.keyboard.press('Enter');
  const drawer = page.getByRole('dialog', { name: /案件 SS/ });
  await expect(drawer.getByTestId('case-assignee')).toHaveText('未分配');
  await page.keyboard.press('c');
  await expect(drawer.getByTestId('case-assignee')).toHaveText('本机操作员');
  await expect(drawer.getByTestId('pii-phone')).toHaveText('139****2222');
  await drawer.getByRole('button', { name: '显示：联系电话' }).click();
  await expect(drawer.getByTestId('pii-phone')).toHaveText('13911112222');

  await submit(await action(page, '受理'));
  await submit(await action(page, '转办企业'));

  const reply = await action(page, '录入企业答复');
  await reply.getByLabel('调查结果').fill('经核实，快件在转运中心丢失。');
  await item(reply, '企业是否有责').getByRole('radio', { name: '是' }).check();
  await reply.getByLabel('责任单位').fill('顺丰速运杭州转运中心');
  await reply.getByLabel('赔偿金额（元）').fill('300');
  await item(reply, '申诉人是否满意').getByRole('radio', { name: '否' }).check();
  await reply.getByLabel('企业处理人', { exact: true }).fill('李客服');
  await reply.getByLabel('企业处理人电话').fill('123');
  await reply.getByRole('button', { name: '提交' }).click();
  // A bad field is refused under the field, and nothing is saved.
  await expect(item(reply, '企业处理人电话')).toContainText('不是有效的中国大陆电话号码');
  await reply.getByLabel('企业处理人电话').fill('13800138000');
  await submit(reply);

  await submit(await action(page, '开始回访'));

  const close = await action(page, '结案');
  await pick(page, '结案原因', '已解决');
  await item(close, '有效申诉').getByRole('radio', { name: '是' }).check();
  await close.getByLabel('责任单位').fill('顺丰速运杭州转运中心');
  await item(close, '对企业满意度').getByRole('radio', { name: '满意', exact: true }).check();
  await item(close, '对管理部门满意度').getByRole('radio', { name: '满意', exact: true }).check();
  await close.getByLabel('挽回经济损失（元）').fill('300');
  await item(close, '企业未如实回复').getByRole('radio', { name: '否' }).check();
  await submit(close);

  // registered, claimed, phone revealed, five transitions: every step is in the audit trail.
  await expect(drawer.getByRole('tab', { name: /办理记录/ })).toHaveText('办理记录（8）');
  // Read as a handler reads them: who it moved from and to by name, the field shown, no ids or JSON.
  await drawer.getByRole('tab', { name: /办理记录/ }).click();
  const entry = (name: string) =>
    drawer.locator('.event', { has: page.locator('.event-name', { hasText: new RegExp(`^${name}$`) }) });
  await expect(entry('认领').locator('.event-data-row')).toHaveText(['原承办人未分配', '新承办人本机操作员']);
  await expect(entry('查看个人信息').locator('.event-data-row')).toHaveText(['查看项联系电话']);
  await expect(page.getByRole('group', { name: '下一步' }).getByRole('button')).toHaveText(['重新开启']);
  await expect(count(page, 'open')).toHaveText(String(open0));
  await expect(count(page, 'closed')).toHaveText(String(closed0 + 1));
  await expect(count(page, 'all')).toHaveText('21');
});

test('shows an earlier appeal with the same waybill while registering and links the new one to it', async ({
  page,
  desk,
}) => {
  // Two full registrations: on a loaded machine this has run past the default 60 s.
  test.setTimeout(120_000);
  await page.goto(desk.url);
  await register(page);
  const firstNo = await rows(page).first().getAttribute('data-case-no');

  await register(page, async () => {
    const panel = page.getByTestId('intake-duplicates');
    await expect(panel).toContainText(firstNo!);
    await expect(panel).toContainText('同运单号');
    await panel.getByRole('checkbox').check();
  });
  await expect(count(page, 'all')).toHaveText('22');
  await rows(page).first().click();
  await page.keyboard.press('Enter');
  const drawer = page.getByRole('dialog', { name: /案件 SS/ });
  await expect(drawer.locator('.case-links')).toContainText(firstNo!);
  await drawer.getByRole('tab', { name: /办理记录/ }).click();
  await expect(drawer.locator('.event', { hasText: '关联申诉' }).locator('.event-data-row')).toHaveText([
    `关联申诉${firstNo}`,
    '关联依据同运单号',
  ]);
});
