import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator } from '@playwright/test';
import { expect, openCaseByNumber, test } from './fixtures';

/**
 * Issue 6 item 4, as a mediator uses it: takes a replied case into mediation, records two
 * sessions and the agreement, and exports the mediation record as a PDF whose text is checked
 * with pdftotext (Debian poppler-utils).
 */

const PDFTOTEXT = '/usr/bin/pdftotext';
const MEDIATOR = 'staff-m001';

interface Target {
  caseId: string;
  caseNo: string;
  appellant: string;
  carrier: string;
  mediator: string;
}

/** A case the carrier has replied to (or that is being verified): where mediation starts from. */
function pickCase(dataDir: string): Target {
  const db = new Database(join(dataDir, 'desk.sqlite'), { readonly: true });
  try {
    const target = db
      .prepare(
        `SELECT c.id AS caseId, c.case_no AS caseNo, p.name AS appellant, k.name_zh AS carrier, s.name AS mediator
           FROM cases c JOIN parties p ON p.case_id = c.id AND p.kind = 'appellant'
           JOIN carriers k ON k.id = c.carrier_id JOIN staff s ON s.id = ?
          WHERE c.status IN ('carrier_replied', 'verifying') ORDER BY c.received_at DESC LIMIT 1`,
      )
      .get(MEDIATOR) as Target | undefined;
    if (!target) throw new Error('the seeded data has no case awaiting mediation');
    return target;
  } finally {
    db.close();
  }
}

/** Signs the workstation in as the seeded mediator: the session is the store's `session.staffId`. */
function signInAsMediator(dataDir: string): void {
  const db = new Database(join(dataDir, 'desk.sqlite'));
  try {
    db.prepare(
      "INSERT INTO app_meta (key, value) VALUES ('session.staffId', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    ).run(MEDIATOR);
  } finally {
    db.close();
  }
}

function auditTypes(dataDir: string, caseId: string): string[] {
  const db = new Database(join(dataDir, 'desk.sqlite'), { readonly: true });
  try {
    return (
      db.prepare('SELECT type FROM case_events WHERE case_id = ? ORDER BY seq').all(caseId) as {
        type: string;
      }[]
    ).map((r) => r.type);
  } finally {
    db.close();
  }
}

const item = (scope: Locator, label: string) => scope.locator('.ant-form-item', { hasText: label });

test.beforeAll(() => {
  if (!existsSync(PDFTOTEXT)) {
    throw new Error(
      `${PDFTOTEXT} is missing: apt-get install -y poppler-utils (the journey reads the PDF with it)`,
    );
  }
});

test('a mediator takes a case into mediation, records two sessions and an agreement, and exports the record as PDF', async ({
  page,
  desk,
}) => {
  // A long journey (a restart, a dozen saves, a Chromium print): on a loaded machine it has run past 2 minutes.
  test.setTimeout(240_000);
  const target = pickCase(desk.dataDir);

  // The team lead (this workstation's operator) hands the case to a mediator.
  await page.goto(desk.url);
  let drawer = await openCaseByNumber(page, target.caseNo);
  await page.keyboard.press('a');
  const picker = page.getByRole('dialog', { name: '指派 (a)' });
  const select = picker.getByLabel('指派给', { exact: true });
  await select.click();
  // The staff list is long and virtual: search for the mediator first.
  await select.fill(target.mediator);
  await page.locator('.ant-select-dropdown:visible').getByTitle(target.mediator, { exact: true }).click();
  await picker.getByRole('button', { name: '提交' }).click();
  await expect(drawer.getByTestId('case-assignee')).toHaveText(target.mediator);

  // The mediator signs in at the workstation and takes the case into mediation.
  signInAsMediator(desk.dataDir);
  await page.goto(await desk.restart());
  drawer = await openCaseByNumber(page, target.caseNo);
  await expect(drawer.getByTestId('case-assignee')).toHaveText(target.mediator);

  await page
    .getByRole('group', { name: '下一步' })
    .getByRole('button', { name: '开始调解', exact: true })
    .click();
  const start = page.getByRole('dialog', { name: '开始调解' });
  await item(start, '申诉人同意调解').getByRole('radio', { name: '是' }).check();
  await item(start, '企业同意调解').getByRole('radio', { name: '是' }).check();
  await start.getByRole('button', { name: '提交' }).click();
  await expect(start).toBeHidden();

  // The workspace is opened from the keyboard.
  const entry = drawer.getByRole('button', { name: '调解工作台' });
  await entry.focus();
  await page.keyboard.press('Enter');
  const ws = page.getByRole('dialog', { name: `调解工作台 · ${target.caseNo}` });
  await expect(ws).toBeVisible();
  await expect(ws.getByText('记录版本 0')).toBeVisible();

  // The carrier's representative (personal data: masked on screen).
  const parties = ws.locator('section', { has: page.getByRole('heading', { name: '当事人' }) });
  await parties.getByLabel('姓名', { exact: true }).fill('孙经理');
  await parties.getByLabel('电话', { exact: true }).fill('13800001111');
  await parties.getByRole('button', { name: '保存代表' }).click();
  await expect(parties.getByText('孙** · 138****1111')).toBeVisible();

  await ws.getByLabel('基本事实', { exact: true }).fill('快件在转运途中丢失，企业初次只愿赔付运费。');
  await ws.getByLabel('申请人意见', { exact: true }).fill('要求按实际价值赔偿300元。');
  await ws.getByLabel('被申请人意见', { exact: true }).fill('同意赔偿，但认为300元偏高。');
  await ws.getByRole('button', { name: '保存事实和意见' }).click();
  await expect(ws.getByText('记录版本 2')).toBeVisible();

  // Two sessions: a refused one first (no notes: the field says so), then by phone and in person.
  const sessions = ws.locator('section', { has: page.getByRole('heading', { name: '调解经过' }) });
  await sessions.getByRole('button', { name: '记录本次调解' }).click();
  await expect(item(sessions, '调解情况')).toContainText('必填');
  await sessions.getByLabel('调解情况', { exact: true }).fill('电话联系双方，了解诉求。');
  await sessions.getByRole('button', { name: '记录本次调解' }).click();
  await expect(sessions.locator('tbody tr')).toHaveCount(1);
  await sessions.getByRole('radio', { name: '现场' }).check();
  await sessions.getByRole('checkbox', { name: '企业代表' }).check();
  await sessions.getByLabel('调解情况', { exact: true }).fill('双方到场，企业同意赔偿250.50元。');
  await sessions.getByRole('button', { name: '记录本次调解' }).click();
  await expect(sessions.locator('tbody tr')).toHaveCount(2);
  await expect(sessions.locator('tbody tr').nth(1)).toContainText('现场');

  const agreement = ws.locator('section', { has: page.getByRole('heading', { name: '调解协议' }) });
  await agreement.getByLabel('协议内容', { exact: true }).fill('企业于5个工作日内向申请人赔付。');
  await agreement.getByLabel('协议金额（元）', { exact: true }).fill('250.5');
  await expect(agreement).toContainText('大写：贰佰伍拾元零伍角整');
  await agreement.getByRole('button', { name: '保存协议' }).click();
  await expect(agreement.getByTestId('mediation-agreement')).toContainText('¥250.50');

  const outcome = ws.locator('section', { has: page.getByRole('heading', { name: '调解结果' }) });
  await outcome.getByRole('radio', { name: '达成协议' }).check();
  await outcome.getByRole('button', { name: '记录结果' }).click();
  await expect(outcome.getByTestId('mediation-outcome')).toContainText('调解结果：达成协议');
  await expect(ws.getByText('调解记录只读')).toBeVisible();

  const download = page.waitForEvent('download');
  await ws.getByRole('button', { name: '导出调解记录 (PDF)' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`调解书-${target.caseNo}.pdf`);
  const text = execFileSync(PDFTOTEXT, ['-layout', (await file.path())!, '-'], { encoding: 'utf8' });
  // pdftotext may space out CJK glyphs of a justified line; compare without white space.
  const flat = text.replace(/\s+/g, '');
  expect(flat).toContain('调解书');
  expect(flat).toContain(`案件编号：${target.caseNo}`);
  expect(flat).toContain(target.appellant.replace(/\s+/g, ''));
  expect(flat).toContain('孙经理');
  expect(flat).toContain(`被申请人${target.carrier}`);
  expect(flat).toContain('人民币250.50元（大写：贰佰伍拾元零伍角整）');
  expect(flat).toContain('电话联系双方，了解诉求。');

  // Each change is in the case's audit trail, and so is the export of the personal data.
  expect(auditTypes(desk.dataDir, target.caseId).slice(-8)).toEqual([
    'transition.start_mediation',
    'mediation.representative_set',
    'mediation.revised',
    'mediation.session_recorded',
    'mediation.session_recorded',
    'mediation.agreement_recorded',
    'mediation.outcome_recorded',
    'mediation.exported',
  ]);

  // The 办理记录 reads them with the workspace's own words: no field names, ids, fen or JSON.
  await page.keyboard.press('Escape');
  await expect(ws).toBeHidden();
  await drawer.getByRole('tab', { name: /办理记录/ }).click();
  const entries = (name: string) =>
    drawer.locator('.event', { has: page.locator('.event-name', { hasText: new RegExp(`^${name}$`) }) });
  const rowsOf = (name: string) => entries(name).locator('.event-data-row');
  await expect(rowsOf('记录调解代表')).toHaveText(['代表哪一方企业代表', '记录项姓名、电话', '替换原代表否']);
  await expect(entries('记录调解经过').nth(1).locator('.event-data-row').nth(1)).toHaveText('方式现场');
  await expect(rowsOf('记录调解协议')).toHaveText([
    '协议内容企业于5个工作日内向申请人赔付。',
    '金额250.50 元',
  ]);
  await expect(rowsOf('记录调解结果')).toHaveText(['结果达成协议']);
  await expect(rowsOf('导出调解记录')).toHaveText(['含个人信息申诉人姓名、联系电话、企业代表']);
});
