import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { MediationView, PdfFile } from '../../../shared/mediation/dto';
import type { RegisterResult } from '../../../shared/rpc/dto';
import { CHROMIUM_CANDIDATES } from '../../../main/pdf/chromium';
import { validAppeal } from '../../support/appeals';
import { useTestApp, value } from '../../support/app';
import { VALID_DATA } from '../../unit/lifecycle/fixtures';

const desk = useTestApp();
let caseId: string;

beforeEach(async () => {
  caseId = value<RegisterResult>(await desk.app.call('cases.register', validAppeal())).case.id;
  // The local operator is a team lead and an admin: admins may start a mediation.
  for (const transition of ['accept', 'transfer', 'record_carrier_reply', 'start_mediation'] as const) {
    value(await desk.app.call('cases.transition', { caseId, transition, data: VALID_DATA[transition] }));
  }
  value(await desk.app.call('casework.claim', { caseId }));
});

const chromium = CHROMIUM_CANDIDATES.find((p) => existsSync(p));
const pdftotext = existsSync('/usr/bin/pdftotext') ? '/usr/bin/pdftotext' : undefined;

describe('mediation RPC', () => {
  it('refuses bad input with translated field errors before anything is written', async () => {
    const result = await desk.app.call('mediation.addSession', {
      caseId,
      expectedVersion: 0,
      heldAt: Date.now(),
      mode: 'video',
      attendees: [],
      notes: '',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('VALIDATION_FAILED');
    const fields = Object.fromEntries((result.error.details?.fields ?? []).map((f) => [f.path, f.message]));
    expect(fields).toEqual({ mode: '必填', attendees: '至少选择一位参加人', notes: '必填' });
    expect(value<MediationView>(await desk.app.call('mediation.get', { caseId })).version).toBe(0);
  });

  it('says in words why a stale screen is refused', async () => {
    value(await desk.app.call('mediation.revise', { caseId, expectedVersion: 0, facts: '甲' }));
    const result = await desk.app.call('mediation.revise', { caseId, expectedVersion: 0, facts: '乙' });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'CONFLICT',
        message: '调解记录已被他人修改，请刷新后再操作',
        details: { currentVersion: 1 },
      },
    });
  });

  it.runIf(chromium && pdftotext)(
    'prints the record to a PDF with the parties and the amount, and audits it',
    async () => {
      value(
        await desk.app.call('mediation.recordAgreement', {
          caseId,
          expectedVersion: 0,
          terms: '企业赔付',
          amountYuan: 1680.32,
        }),
      );
      value(
        await desk.app.call('mediation.recordOutcome', { caseId, expectedVersion: 1, outcome: 'agreed' }),
      );
      const file = value<PdfFile>(await desk.app.call('mediation.exportPdf', { caseId }));
      expect(file.fileName).toMatch(/^调解书-SS\d{14}\.pdf$/);
      const pdf = Buffer.from(file.base64, 'base64');
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      const text = execFileSync(pdftotext!, ['-', '-'], { input: pdf, encoding: 'utf8' }).replace(/\s+/g, '');
      expect(text).toContain('王小明');
      expect(text).toContain('13912345678');
      expect(text).toContain('人民币1,680.32元（大写：壹仟陆佰捌拾元零叁角贰分）');

      const db = new Database(join(desk.dataDir, 'desk.sqlite'), { readonly: true });
      try {
        const last = db
          .prepare(
            'SELECT type, actor_id AS actor FROM case_events WHERE case_id = ? ORDER BY seq DESC LIMIT 1',
          )
          .get(caseId);
        expect(last).toEqual({ type: 'mediation.exported', actor: 'local-operator' });
      } finally {
        db.close();
      }
    },
  );
});

if (!chromium || !pdftotext)
  console.log('PDF test skipped: needs Chromium and /usr/bin/pdftotext (poppler-utils)');
