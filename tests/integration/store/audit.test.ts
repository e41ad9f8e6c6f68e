import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditTrail } from '../../../main/store/audit';
import { StoreService } from '../../../main/store/service';
import { registerAppealSchema } from '../../../shared/domain/appeal';
import { validAppeal } from '../../support/appeals';
import { tempDir } from '../../support/temp';

const actor = { staffId: 'local-operator', workstation: 'test-ws' };
let dir: ReturnType<typeof tempDir>;
let file: string;

beforeEach(() => {
  dir = tempDir();
  file = join(dir.path, 'desk.sqlite');
  const store = StoreService.open({ file });
  for (let i = 0; i < 3; i++) {
    store.domains.cases.register(
      registerAppealSchema.parse(validAppeal({ waybillNo: `SF12345678901${20 + i}` })),
      actor,
      ['handler'],
    );
  }
  store.close();
});
afterEach(() => dir.cleanup());

/** Tampering the way an insider with the sqlite3 shell would: drop the guard, then edit. */
function tamper(sql: string): void {
  const db = new Database(file);
  db.exec('DROP TRIGGER case_events_no_update; DROP TRIGGER case_events_no_delete;');
  db.exec(sql);
  db.close();
}

const verify = () => {
  const db = new Database(file, { readonly: true });
  try {
    return verifyAuditTrail(db);
  } finally {
    db.close();
  }
};

describe('audit trail', () => {
  it('verifies an untouched store', () => {
    expect(verify()).toMatchObject({ casesChecked: 3, eventsChecked: 3, firstBreak: null });
  });

  it('refuses edits and deletions through the app role (triggers)', () => {
    const db = new Database(file);
    expect(() => db.prepare("UPDATE case_events SET type = 'x'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM case_events').run()).toThrow(/append-only/);
    db.close();
  });

  it('names the case and event whose data was altered', () => {
    tamper('UPDATE case_events SET data = \'{"caseNo":"forged"}\' WHERE id = 2');
    const report = verify();
    expect(report.firstBreak).toMatchObject({ eventId: 2, seq: 1, problem: 'hash_mismatch' });
    expect(report.firstBreak!.caseNo).toMatch(/^SS\d{14}$/);
  });

  it('detects a deleted event', () => {
    tamper('DELETE FROM case_events WHERE id = 1');
    expect(verify().firstBreak).toMatchObject({ problem: 'no_events' });
  });
});
