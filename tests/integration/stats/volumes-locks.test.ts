import ExcelJS from 'exceljs';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { translate } from '../../../shared/i18n/translate';
import { lockPeriod, postLockDifferences } from '../../../main/stats/locks';
import { noticeFor } from '../../../main/stats/notice';
import { previewVolumeFile } from '../../../main/stats/volume-file';
import { openDatabase } from '../../../main/store/database';
import { ensureReferenceData } from '../../../main/store/reference';
import { desk } from '../../support/cli';
import { tempDir } from '../../support/temp';
import { buildFixtureStore } from './fixture';

const BAD_CSV = [
  'carrier,period,pieces',
  'sf,2026-10,4000000',
  ',2026-10,100',
  'zto,2026-10,-5',
  '中通快递,2026-09,三百万',
  'sf,2026-10,4100000',
  'yto,2026-Q3,9000000',
].join('\n');

describe('business volume import: row-by-row validation, then commit', () => {
  const dir = tempDir('desk-stats-vol-');
  afterAll(() => dir.cleanup());

  it('rejects a missing carrier, a negative number, text in a number column and a duplicate, with reasons', async () => {
    const file = join(dir.path, 'bad.csv');
    writeFileSync(file, '\uFEFF' + BAD_CSV);
    const preview = await previewVolumeFile(file);
    expect(preview.valid.map((r) => [r.line, r.carrierId, r.period, r.pieces])).toEqual([
      [2, 'sf', '2026-10', 4_000_000],
      [7, 'yto', '2026-Q3', 9_000_000],
    ]);
    const reasons = preview.rejected.map((r) => [
      r.line,
      r.problems.map((p) => translate('en', p.key, p.params)),
    ]);
    expect(reasons).toEqual([
      [3, ['Carrier missing']],
      [4, ['Pieces cannot be negative (-5)']],
      [5, ['Pieces “三百万” is not a whole number']],
      [6, ['Duplicate of line 2 (same carrier and period)']],
    ]);
  });

  it('reads an XLSX volume file the same way', async () => {
    const file = join(dir.path, 'vol.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('业务量');
    ws.addRows([
      ['企业', '期间', '业务量'],
      ['顺丰速运', '2026-10', 4000000],
      ['', '2026-10', 5],
      ['zto', '2026-13', 1],
    ]);
    await wb.xlsx.writeFile(file);
    const preview = await previewVolumeFile(file);
    expect(preview.valid).toEqual([{ line: 2, carrierId: 'sf', period: '2026-10', pieces: 4_000_000 }]);
    expect(preview.rejected.map((r) => r.problems.map((p) => p.key))).toEqual([
      ['stats.volume.missing_carrier'],
      ['stats.volume.bad_period'],
    ]);
  });

  it('desk volumes import: a rejected file imports nothing unless the valid rows are accepted', () => {
    const data = join(dir.path, 'data');
    const created = openDatabase({ file: join(data, 'desk.sqlite') }).db;
    ensureReferenceData(created);
    created.close();
    const file = join(dir.path, 'bad-cli.csv');
    writeFileSync(file, BAD_CSV);
    const count = () => {
      const { db } = openDatabase({ file: join(data, 'desk.sqlite'), readonly: true });
      const n = (db.prepare('SELECT count(*) AS n FROM business_volumes').get() as { n: number }).n;
      db.close();
      return n;
    };
    const refused = desk('volumes', 'import', file, '--data-dir', data);
    expect(refused.status).toBe(1);
    expect(refused.stdout).toContain('line 4: rejected: Pieces cannot be negative (-5)');
    expect(refused.stdout).toContain('Nothing imported');
    expect(count()).toBe(0);
    const accepted = desk('volumes', 'import', file, '--accept-valid', '--data-dir', data);
    expect(accepted.status, accepted.stderr).toBe(0);
    expect(accepted.stdout).toContain('Imported 2 rows.');
    expect(count()).toBe(2);
  });
});

describe('locked periods', () => {
  const dir = tempDir('desk-stats-lock-');
  const { db } = buildFixtureStore(dir.path);
  afterAll(() => {
    db.close();
    dir.cleanup();
  });

  it('freeze the published figures; later changes show as post-lock differences', () => {
    const before = noticeFor(db, '2026-10');
    expect(lockPeriod(db, '2026-10', 'lead', 1)).toBe(true);
    expect(lockPeriod(db, '2026-10', 'lead', 2)).toBe(false);
    expect(postLockDifferences(db, '2026-10')).toEqual([]);

    // A late closure makes one more case valid, and a new case arrives back-dated into October.
    const changed = db
      .prepare("SELECT id, case_no AS caseNo FROM cases WHERE received_date = '2026-10-31'")
      .get() as {
      id: string;
      caseNo: string;
    };
    db.prepare('UPDATE cases SET valid_appeal = 1 WHERE id = ?').run(changed.id);
    db.prepare("UPDATE cases SET received_date = '2026-09-29' WHERE received_date = '2026-10-01'").run();

    const after = noticeFor(db, '2026-10');
    expect(after.locked).toBe(true);
    expect(after.overall).toEqual(before.overall);
    expect(after.carriers).toEqual(before.carriers);

    const diffs = postLockDifferences(db, '2026-10');
    expect(diffs.map((d) => [d.change, d.caseNo === changed.caseNo])).toEqual(
      expect.arrayContaining([
        ['changed', true],
        ['removed', false],
      ]),
    );
    expect(diffs).toHaveLength(2);
    const valid = diffs.find((d) => d.change === 'changed')!;
    expect([valid.before![5], valid.after![5]]).toEqual([null, 1]);
  });
});
