import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Notice } from '../../../shared/stats/notice';
import { CHROMIUM_CANDIDATES } from '../../../main/pdf/chromium';
import { desk } from '../../support/cli';
import { tempDir } from '../../support/temp';
import { buildFixtureStore } from './fixture';

describe('desk stats', () => {
  const dir = tempDir('desk-stats-cli-');
  beforeAll(() => buildFixtureStore(dir.path).db.close());
  afterAll(() => dir.cleanup());

  it('prints the notice as JSON', () => {
    const run = desk('stats', '--period', '2026-10', '--data-dir', dir.path);
    expect(run.status, run.stderr).toBe(0);
    const n = JSON.parse(run.stdout) as Notice;
    expect(n.overall.total.value).toBe(20);
    expect(n.carrierAverages.appealRate).toBe(2.25);
  });

  it('writes XLSX and CSV files', () => {
    for (const format of ['xlsx', 'csv']) {
      const out = join(dir.path, `n.${format}`);
      const run = desk(
        'stats',
        '--period',
        '2026-Q4',
        '--format',
        format,
        '--out',
        out,
        '--data-dir',
        dir.path,
      );
      expect(run.status, run.stderr).toBe(0);
      expect(statSync(out).size).toBeGreaterThan(500);
    }
    expect(readFileSync(join(dir.path, 'n.csv'), 'utf8')).toContain('2026-Q4 总体情况');
  });

  it('refuses a malformed period and a missing --out', () => {
    expect(desk('stats', '--period', '2026-13', '--data-dir', dir.path).status).toBe(2);
    const run = desk('stats', '--period', '2026-10', '--format', 'xlsx', '--data-dir', dir.path);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--out FILE is required');
  });

  it('says clearly when Chromium is missing for PDF', () => {
    const run = spawnSync(
      join(process.cwd(), 'node_modules', '.bin', 'tsx'),
      [
        'main/cli/main.ts',
        'stats',
        '--period',
        '2026-10',
        '--format',
        'pdf',
        '--out',
        join(dir.path, 'x.pdf'),
        '--data-dir',
        dir.path,
      ],
      { encoding: 'utf8', env: { ...process.env, DESK_CHROMIUM: '/nonexistent/chromium' } },
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('PDF needs Chromium and none was found (looked for /nonexistent/chromium)');
  });

  const chromium = CHROMIUM_CANDIDATES.find((p) => existsSync(p));
  it.runIf(chromium)('writes the notice as PDF through Chromium', () => {
    const out = join(dir.path, 'n.pdf');
    const run = desk('stats', '--period', '2026-10', '--format', 'pdf', '--out', out, '--data-dir', dir.path);
    expect(run.status, run.stderr).toBe(0);
    expect(readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
  });
  if (!chromium) console.log(`PDF test skipped: no Chromium at ${CHROMIUM_CANDIDATES.join(', ')}`);
});
