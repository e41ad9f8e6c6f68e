import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../main/store/database';
import { tempDir } from '../../support/temp';

/**
 * The store worker and the sync worker both write the store. A transaction that reads, then
 * writes, must not fail because the other connection committed after its read.
 */
let dir: ReturnType<typeof tempDir>;
let file: string;
beforeEach(() => {
  dir = tempDir();
  file = join(dir.path, 'desk.sqlite');
  openDatabase({ file }).db.close();
});
afterEach(() => dir.cleanup());

const other = () => {
  const db = new Database(file);
  db.pragma('busy_timeout = 0');
  return db;
};
const meta = (db: Database.Database, key: string) =>
  (db.prepare('SELECT value FROM app_meta WHERE key = ?').get(key) as { value: string } | undefined)?.value;
const put = (db: Database.Database, key: string, value: string) =>
  db.prepare('INSERT OR REPLACE INTO app_meta (key, value) VALUES (?, ?)').run(key, value);

describe('two writing connections', () => {
  it('a plain deferred transaction that reads, then writes, fails when the other committed in between', () => {
    const ours = new Database(file);
    const theirs = other();
    try {
      const readThenWrite = ours.transaction(() => {
        const seen = meta(ours, 'k') ?? 'none';
        put(theirs, 'other', 'committed meanwhile');
        put(ours, 'k', `after ${seen}`);
      });
      expect(() => readThenWrite()).toThrow(/database is locked/);
    } finally {
      ours.close();
      theirs.close();
    }
  });

  it('a store connection takes the write lock first: its transaction commits, the other writer waits its turn', () => {
    const { db: ours } = openDatabase({ file });
    const theirs = other();
    try {
      let refused: unknown = null;
      ours.transaction(() => {
        const seen = meta(ours, 'k') ?? 'none';
        try {
          put(theirs, 'other', 'tried meanwhile');
        } catch (error) {
          refused = error;
        }
        put(ours, 'k', `after ${seen}`);
      })();
      expect(String(refused)).toMatch(/database is locked/);
      expect(meta(ours, 'k')).toBe('after none');
      put(theirs, 'other', 'after ours');
      expect(meta(ours, 'other')).toBe('after ours');
      // Nested transactions are still savepoints: an inner failure rolls back only the inner part.
      ours.transaction(() => {
        put(ours, 'outer', '1');
        expect(() =>
          ours.transaction(() => {
            put(ours, 'inner', '1');
            throw new Error('inner fails');
          })(),
        ).toThrow('inner fails');
      })();
      expect([meta(ours, 'outer'), meta(ours, 'inner')]).toEqual(['1', undefined]);
    } finally {
      ours.close();
      theirs.close();
    }
  });
});
