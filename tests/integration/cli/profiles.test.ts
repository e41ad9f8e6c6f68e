import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StoreService } from '../../../main/store/service';
import type { RuleProfile } from '../../../shared/deadlines';
import { desk } from '../../support/cli';
import { tempDir } from '../../support/temp';

/** An administrator's round trip: show a profile as JSON, edit it, import it as a new version, activate it. */
let dir: ReturnType<typeof tempDir>;

beforeAll(() => {
  dir = tempDir();
  StoreService.open({ file: join(dir.path, 'desk.sqlite') }).close();
});
afterAll(() => dir.cleanup());

const run = (...args: string[]) => desk('profiles', ...args, '--data-dir', dir.path);

describe('desk profiles', () => {
  it('lists the shipped profiles with the active one marked', () => {
    const listed = run('list');
    expect(listed.status, listed.stderr).toBe(0);
    expect(listed.stdout).toMatch(/^current@1\s+\*\s+0\s+shipped/m);
    expect(listed.stdout).toMatch(/^measures-2014@1\s+0\s+shipped/m);
  });

  it('imports an edited profile as the next version and activates it', () => {
    const shown = run('show', 'current');
    expect(shown.status, shown.stderr).toBe(0);
    const profile = JSON.parse(shown.stdout) as RuleProfile;
    profile.limits.acceptance!.amount = 3;
    const file = join(dir.path, 'current.json');
    writeFileSync(file, JSON.stringify(profile));

    const imported = run('import', file);
    expect(imported.status, imported.stderr).toBe(0);
    expect(imported.stdout).toContain('Stored current@2');
    expect(imported.stdout).toContain('desk profiles activate current@2');

    const activated = run('activate', 'current@2');
    expect(activated.status, activated.stderr).toBe(0);
    const listed = run('list').stdout;
    expect(listed).toMatch(/^current@1\s+0\s+shipped/m);
    expect(listed).toMatch(/^current@2\s+\*\s+0\s+cli:\S+ \d{4}-\d\d-\d\d/m);

    const v2 = JSON.parse(run('show', 'current', '--version', '2').stdout) as RuleProfile;
    expect([v2.version, v2.limits.acceptance?.amount]).toEqual([2, 3]);
    const v1 = JSON.parse(run('show', 'current', '--version', '1').stdout) as RuleProfile;
    expect([v1.version, v1.limits.acceptance?.amount]).toEqual([1, 2]);
  });

  it('refuses a bad file naming each field, and stores nothing', () => {
    const profile = JSON.parse(run('show', 'measures-2014').stdout) as Record<string, unknown> & {
      limits: Record<string, Record<string, unknown>>;
    };
    profile.limits.callback!.unit = 'fortnights';
    profile.limits.carrier_reply!.warning = { elapsedPercent: 150 };
    delete profile.name;
    const file = join(dir.path, 'bad.json');
    writeFileSync(file, JSON.stringify(profile));
    const refused = run('import', file);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('has 3 problem(s) and was not saved');
    expect(refused.stderr).toContain('  name: Required');
    expect(refused.stderr).toContain(
      '  limits.callback.unit: Must be one of: calendar_days, working_days, hours, working_hours',
    );
    expect(refused.stderr).toContain('  limits.carrier_reply.warning.elapsedPercent: Must be at most 100');
    expect(run('list').stdout).not.toContain('measures-2014@2');

    writeFileSync(file, '{ "id": ');
    const notJson = run('import', file);
    expect(notJson.status).toBe(1);
    expect(notJson.stderr).toMatch(/bad\.json was not imported: .*JSON/);
  });

  it('refuses to activate a version that does not exist, or a malformed reference', () => {
    const missing = run('activate', 'current@9');
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('Rule profile current has no version 9');
    const malformed = run('activate', 'current');
    expect(malformed.status).toBe(2);
    expect(malformed.stderr).toContain('activate takes <id>@<version>');
  });
});
