import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { desk } from '../../support/cli';
import { tempDir } from '../../support/temp';

/**
 * The acceptance path of the audit trail: seed a store, verify it, alter one event row with the
 * sqlite3 command-line shell, and verify again.
 */
let dir: ReturnType<typeof tempDir>;
let file: string;

beforeAll(() => {
  dir = tempDir();
  file = join(dir.path, 'desk.sqlite');
  const seeded = desk('seed', '--cases', '300', '--data-dir', dir.path);
  expect(seeded.status, seeded.stderr).toBe(0);
});
afterAll(() => dir.cleanup());

const sqlite3 = (sql: string) =>
  execFileSync('sqlite3', [file, sql], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();

describe('desk audit verify', () => {
  it('passes on a freshly seeded store', () => {
    const run = desk('audit', 'verify', '--data-dir', dir.path);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/Audit trail intact: 300 cases, \d+ events verified/);
  });

  it('fails, naming the case and the event, after one event row is altered with sqlite3', () => {
    const [eventId, caseNo] = sqlite3(
      `SELECT e.id, c.case_no FROM case_events e JOIN cases c ON c.id = e.case_id WHERE e.seq = 2 ORDER BY e.id LIMIT 1 OFFSET 50;`,
    ).split('|');
    // The append-only trigger stops a plain UPDATE; an insider would drop it first.
    expect(() => sqlite3(`UPDATE case_events SET actor_id = 'someone-else' WHERE id = ${eventId};`)).toThrow(
      /append-only/,
    );
    sqlite3(
      `DROP TRIGGER case_events_no_update; UPDATE case_events SET actor_id = 'someone-else' WHERE id = ${eventId};`,
    );

    const run = desk('audit', 'verify', '--data-dir', dir.path);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(`case ${caseNo}`);
    expect(run.stdout).toContain(`event id ${eventId} (seq 2)`);
    expect(run.stdout).toMatch(/altered after it was written/);
  });

  it('says clearly when there is no store', () => {
    const run = desk('audit', 'verify', '--data-dir', join(dir.path, 'nowhere'));
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/No case store at/);
  });
});
