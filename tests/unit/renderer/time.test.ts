import { afterEach, describe, expect, it } from 'vitest';
import { formatShanghaiDateTime } from '../../../renderer/src/format/time';

describe('formatShanghaiDateTime', () => {
  const original = process.env.TZ;
  afterEach(() => {
    process.env.TZ = original;
  });

  it.each(['UTC', 'America/New_York', 'Asia/Shanghai', 'Pacific/Kiritimati'])(
    'shows Beijing time whatever the host zone (%s)',
    (zone) => {
      process.env.TZ = zone;
      // 16:05 UTC on 31 Dec is five past midnight on 1 Jan in Beijing: date and year both roll over.
      expect(formatShanghaiDateTime(Date.UTC(2025, 11, 31, 16, 5, 59))).toBe('2026-01-01 00:05');
      expect(formatShanghaiDateTime(Date.UTC(2026, 5, 30, 3, 0))).toBe('2026-06-30 11:00');
    },
  );

  it('cuts seconds instead of rounding, so a row never shows a minute that has not begun', () => {
    expect(formatShanghaiDateTime(Date.UTC(2026, 0, 1, 0, 59, 59, 999))).toBe('2026-01-01 08:59');
  });
});
