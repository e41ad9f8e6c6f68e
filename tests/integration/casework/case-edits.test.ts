import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditTrail } from '../../../main/store/audit';
import { StoreService } from '../../../main/store/service';
import type { Role } from '../../../shared/domain/roles';
import { validAppeal } from '../../support/appeals';
import { addStaff, refusal } from '../../support/store';
import { tempDir } from '../../support/temp';

const ws = 'test-ws';
const handlerA = { staffId: 'h-a', workstation: ws };
const handlerB = { staffId: 'h-b', workstation: ws };
const lead = { staffId: 'lead', workstation: ws };
const H: Role[] = ['handler'];
const L: Role[] = ['team_lead'];

let dir: ReturnType<typeof tempDir>;
let store: StoreService;
let caseId: string;

const cases = () => store.domains.cases;
const row = () =>
  store.db
    .prepare(
      `SELECT c.description, c.category, c.reason, c.demand_amount_fen AS amount, c.waybill_no AS waybill,
              c.field_versions AS versions, c.version, p.name, p.phone
         FROM cases c JOIN parties p ON p.case_id = c.id AND p.kind = 'appellant' WHERE c.id = ?`,
    )
    .get(caseId) as Record<string, unknown>;
const events = () =>
  store.db.prepare('SELECT type, data FROM case_events WHERE case_id = ? ORDER BY seq').all(caseId) as {
    type: string;
    data: string;
  }[];
const intents = () =>
  store.db
    .prepare(`SELECT args FROM sync_outbox WHERE name = 'editCaseFields.v1' ORDER BY seq`)
    .all()
    .map((r) => JSON.parse((r as { args: string }).args) as unknown);
/** Everything a refused edit must leave as it was. */
const snapshot = () => ({ row: row(), events: events().length, intents: intents().length });

beforeEach(() => {
  dir = tempDir();
  store = StoreService.open({ file: join(dir.path, 'desk.sqlite') });
  addStaff(store.db, [
    ['h-a', '张承办', H],
    ['h-b', '李承办', H],
    ['lead', '王组长', L],
  ]);
  caseId = cases().register(validAppeal(), handlerA, H).case.id;
});
afterEach(() => {
  store.close();
  dir.cleanup();
});

describe('correcting a case’s details', () => {
  it('writes the new values, bumps each field’s version, audits and queues the intent in one go', () => {
    const detail = cases().editFields(
      {
        caseId,
        fields: {
          description: { value: '  快件外包装破损，内件丢失。  ', baseVersion: 0 },
          category: { value: 'damage', baseVersion: 0 },
          reason: { value: 'damage_other', baseVersion: 0 },
          appellantPhone: { value: '139 8765 4321', baseVersion: 0 },
          demandAmountYuan: { value: 300, baseVersion: 0 },
        },
      },
      handlerA,
      H,
    );
    // The amount did not change (300 yuan), so it is neither written nor versioned nor sent.
    expect(detail.fieldVersions).toEqual({ description: 1, category: 1, reason: 1, appellantPhone: 1 });
    expect(detail.description).toBe('快件外包装破损，内件丢失。');
    expect(row()).toMatchObject({
      description: '快件外包装破损，内件丢失。',
      category: 'damage',
      reason: 'damage_other',
      phone: '13987654321',
      name: '王小明',
      amount: 30000,
      version: 2,
    });
    const last = events().at(-1)!;
    expect(last.type).toBe('case.fields_edited');
    const data = JSON.parse(last.data) as Record<string, unknown> & { fields: string[] };
    expect(data.fields.sort()).toEqual(['appellantPhone', 'category', 'description', 'reason']);
    // Personal data is named, never written into the trail.
    expect(data.appellantPhone).toBeUndefined();
    expect(last.data).not.toContain('13987654321');
    expect(data.category).toEqual({ from: 'loss', to: 'damage' });
    expect(intents()).toEqual([
      {
        caseId,
        fields: {
          description: { value: '快件外包装破损，内件丢失。', baseVersion: 0 },
          category: { value: 'damage', baseVersion: 0 },
          reason: { value: 'damage_other', baseVersion: 0 },
          appellantPhone: { value: '13987654321', baseVersion: 0 },
        },
      },
    ]);
    expect(verifyAuditTrail(store.db).firstBreak).toBeNull();
  });

  it('finds the case by its corrected description and appellant name', () => {
    cases().editFields(
      {
        caseId,
        fields: {
          description: { value: '邮政包裹在转运中心积压十日', baseVersion: 0 },
          appellantName: { value: '赵大海', baseVersion: 0 },
        },
      },
      handlerA,
      H,
    );
    const search = (text: string) =>
      store.db
        .prepare('SELECT case_id FROM case_search WHERE case_search MATCH ?')
        .all(`"${text}"`)
        .map((r) => (r as { case_id: string }).case_id);
    expect(search('转运中心积压')).toEqual([caseId]);
    expect(search('赵大海')).toEqual([caseId]);
    expect(search('并未收到')).toEqual([]);
    expect(search('王小明')).toEqual([]);
  });

  it('refuses a field edited from an older version, naming it, and writes nothing', () => {
    cases().editFields(
      { caseId, fields: { description: { value: '第一次更正', baseVersion: 0 } } },
      handlerA,
      H,
    );
    const before = snapshot();
    const refused = refusal(() =>
      cases().editFields(
        {
          caseId,
          fields: {
            description: { value: '基于旧内容的更正', baseVersion: 0 },
            demand: { value: 'apology', baseVersion: 0 },
          },
        },
        handlerA,
        H,
      ),
    );
    expect(refused.code).toBe('CONFLICT');
    expect(refused.key).toBe('caseEdit.refused.stale');
    expect(refused.fields).toEqual([{ path: 'description', key: 'validation.caseEdit.changedMeanwhile' }]);
    expect(snapshot()).toEqual(before);
  });

  it('validates the result as registration does, field by field, and writes nothing', () => {
    const before = snapshot();
    const wrongReason = refusal(() =>
      cases().editFields({ caseId, fields: { category: { value: 'delay', baseVersion: 0 } } }, handlerA, H),
    );
    expect(wrongReason.code).toBe('VALIDATION_FAILED');
    expect(wrongReason.fields).toEqual([{ path: 'reason', key: 'validation.reason.unknown' }]);
    const badPhone = refusal(() =>
      cases().editFields(
        { caseId, fields: { appellantPhone: { value: '12345', baseVersion: 0 } } },
        handlerA,
        H,
      ),
    );
    expect(badPhone.fields).toEqual([{ path: 'appellantPhone', key: 'validation.phone.invalid' }]);
    const badWaybill = refusal(() =>
      cases().editFields({ caseId, fields: { waybillNo: { value: 'YT123', baseVersion: 0 } } }, handlerA, H),
    );
    expect(badWaybill.fields).toMatchObject([{ path: 'waybillNo', key: 'validation.waybill.pattern' }]);
    const emptied = refusal(() =>
      cases().editFields({ caseId, fields: { description: { value: '   ', baseVersion: 0 } } }, handlerA, H),
    );
    expect(emptied.fields).toEqual([{ path: 'description', key: 'validation.required' }]);
    const same = refusal(() =>
      cases().editFields(
        { caseId, fields: { demand: { value: 'compensation', baseVersion: 0 } } },
        handlerA,
        H,
      ),
    );
    expect(same.fields).toEqual([{ path: '', key: 'validation.caseEdit.nothingToChange' }]);
    expect(snapshot()).toEqual(before);
  });

  it('lets the holder or a lead correct an open case, nobody else, and no closed case', () => {
    store.domains.casework.claim(caseId, handlerA);
    const before = snapshot();
    const colleague = refusal(() =>
      cases().editFields({ caseId, fields: { demand: { value: 'apology', baseVersion: 0 } } }, handlerB, H),
    );
    expect([colleague.code, colleague.key]).toEqual(['FORBIDDEN', 'caseEdit.refused.notHolder']);
    expect(snapshot()).toEqual(before);
    expect(
      cases().editFields({ caseId, fields: { demand: { value: 'apology', baseVersion: 0 } } }, lead, L)
        .demand,
    ).toBe('apology');

    cases().transition({ caseId, transition: 'withdraw', data: { channel: 'phone_12305' } }, handlerA, H);
    const closed = snapshot();
    const refused = refusal(() =>
      cases().editFields({ caseId, fields: { demand: { value: 'other', baseVersion: 1 } } }, lead, L),
    );
    expect([refused.code, refused.key]).toEqual(['INVALID_TRANSITION', 'caseEdit.refused.closed']);
    expect(snapshot()).toEqual(closed);
  });
});
