import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../main/store/database';
import {
  DatabaseFromNewerVersionError,
  defaultMigrationsDir,
  loadMigrations,
  migrate,
  MigrationChangedError,
} from '../../../main/store/migrate';
import { tempDir } from '../../support/temp';

let dir: ReturnType<typeof tempDir>;
let file: string;
beforeEach(() => {
  dir = tempDir();
  file = join(dir.path, 'desk.sqlite');
});
afterEach(() => dir.cleanup());

const tags = (db: Database.Database) =>
  (db.prepare('SELECT tag FROM schema_migrations ORDER BY tag').all() as { tag: string }[]).map((r) => r.tag);

describe('migrations', () => {
  const all = loadMigrations(defaultMigrationsDir());

  it('builds the whole schema from an empty file, in WAL mode', () => {
    const { db, migrations } = openDatabase({ file });
    expect(migrations.applied).toEqual(all.map((m) => m.tag));
    expect(tags(db)).toEqual(all.map((m) => m.tag));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    const tables = (
      db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]
    ).map((t) => t.name);
    expect(tables).toEqual(
      expect.arrayContaining(['cases', 'parties', 'carriers', 'staff', 'case_events', 'sync_outbox']),
    );
    db.close();
  });

  it('upgrades a database of the previous version and keeps its data', () => {
    const old = new Database(file);
    migrate(old, all.slice(0, -1));
    old.prepare("INSERT INTO app_meta (key, value) VALUES ('probe', 'kept')").run();
    old.close();

    const { db, migrations } = openDatabase({ file });
    expect(migrations.applied).toEqual([all.at(-1)!.tag]);
    expect(db.prepare("SELECT value FROM app_meta WHERE key = 'probe'").pluck().get()).toBe('kept');
    db.close();
  });

  it('is idempotent: a second open applies nothing', () => {
    openDatabase({ file }).db.close();
    const { db, migrations } = openDatabase({ file });
    expect(migrations.applied).toEqual([]);
    expect(migrations.alreadyApplied).toBe(all.length);
    db.close();
  });

  it('refuses a database written by a newer version and leaves it untouched', () => {
    openDatabase({ file }).db.close();
    const db = new Database(file);
    db.prepare(
      "INSERT INTO schema_migrations (tag, checksum, applied_at) VALUES ('9999_from_the_future', 'x', 1)",
    ).run();
    db.close();
    const before = readFileSync(file);
    expect(() => openDatabase({ file })).toThrow(DatabaseFromNewerVersionError);
    expect(() => openDatabase({ file })).toThrow(/newer version/);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses when an applied migration was edited afterwards', () => {
    const db = new Database(file);
    migrate(db, all);
    const edited = all.map((m, i) => (i === 0 ? { ...m, checksum: 'different' } : m));
    expect(() => migrate(db, edited)).toThrow(MigrationChangedError);
    db.close();
  });

  it('applies a pending migration regardless of its position or timestamp (by identity)', () => {
    const db = new Database(file);
    migrate(db, [all[0]!]);
    // A later journal that lists an extra migration before the applied ones still applies it.
    const report = migrate(db, [...all.slice(1), all[0]!]);
    expect(report.applied).toEqual(all.slice(1).map((m) => m.tag));
    db.close();
  });
});
