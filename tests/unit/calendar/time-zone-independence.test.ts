import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const probe = fileURLToPath(new URL('./fixtures/tz-probe.ts', import.meta.url));

function runProbe(tz: string): { offsetMinutes: number; result: { adds: string[] } } {
  const out = execFileSync(process.execPath, ['--import', 'tsx', probe], {
    env: { ...process.env, TZ: tz },
    encoding: 'utf8',
  });
  return JSON.parse(out) as { offsetMinutes: number; result: { adds: string[] } };
}

/**
 * chinese-days builds its tables with host-local Date getters, and shared/ must not depend on
 * the host either; so the same calendar and deadlines must come out under any TZ (tests and
 * workstations may run with TZ=America/New_York, or with a UTC+14 zone).
 */
describe('host time zone', () => {
  it('does not change calendars or deadlines', () => {
    const [shanghai, newYork, kiritimati] = ['Asia/Shanghai', 'America/New_York', 'Pacific/Kiritimati'].map(
      runProbe,
    );
    expect([shanghai?.offsetMinutes, newYork?.offsetMinutes, kiritimati?.offsetMinutes]).toEqual([
      -480, 300, -840,
    ]);
    expect(shanghai?.result.adds).toEqual(['2026-02-25', '2025-10-11', '2024-04-30', '2027-01-05']);
    expect(newYork?.result).toEqual(shanghai?.result);
    expect(kiritimati?.result).toEqual(shanghai?.result);
  }, 60_000);
});
