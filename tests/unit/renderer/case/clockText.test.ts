import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseInstant } from '../../../../shared/calendar/shanghai-time';
import type { ClockStatus } from '../../../../shared/deadlines';
import { countdown, countdownText, formatDueTime, liveState } from '../../../../renderer/src/case/clockText';
import { createI18n } from '../../../../renderer/src/i18n';

const at = parseInstant;
const zh = createI18n('zh-CN').t;
const en = createI18n('en').t;

/** A running working-day clock due at 24:00 on Monday 2026-12-07, overridden per case. */
function clock(over: Partial<ClockStatus> = {}): ClockStatus {
  return {
    limit: 'acceptance',
    unit: 'working_days',
    startedAt: at('2026-11-30T09:00+08:00'),
    dueAt: at('2026-12-08T00:00+08:00'),
    dueDate: '2026-12-07',
    pausedMs: 0,
    paused: false,
    remaining: 3,
    state: 'on_track',
    provisional: false,
    ...over,
  };
}

const ZONES = ['UTC', 'Asia/Shanghai', 'America/Los_Angeles', 'Pacific/Kiritimati'];

describe.each(ZONES)('in host zone %s', (zone) => {
  const original = process.env.TZ;
  beforeEach(() => {
    process.env.TZ = zone;
  });
  afterEach(() => {
    process.env.TZ = original;
  });

  describe('formatDueTime', () => {
    it.each([
      // 00:00 (+08:00) is the end of the day before, which the law writes as 24:00.
      ['2026-12-08T00:00+08:00', '2026-12-07 24:00'],
      ['2026-12-31T16:00Z', '2026-12-31 24:00'],
      ['2026-03-01T00:00+08:00', '2026-02-28 24:00'],
      ['2028-03-01T00:00+08:00', '2028-02-29 24:00'],
      ['2027-01-01T00:00+08:00', '2026-12-31 24:00'],
      // Any other instant is shown as it is, to the minute (seconds cut, never rounded up).
      ['2026-12-07T17:30+08:00', '2026-12-07 17:30'],
      ['2026-12-07T00:00:30+08:00', '2026-12-07 00:00'],
      ['2026-12-07T23:59:59+08:00', '2026-12-07 23:59'],
      ['2026-12-07T01:00Z', '2026-12-07 09:00'],
    ])('%s is shown as %s', (instant, shown) => {
      expect(formatDueTime(at(instant))).toBe(shown);
    });
  });

  describe('countdown', () => {
    const rows: [string, ClockStatus, string, string, string][] = [
      ['working days left', clock(), '2026-12-02T10:00+08:00', '剩余 3 个工作日', '3 working days left'],
      [
        'one working day left',
        clock({ remaining: 1, state: 'warning' }),
        '2026-12-04T10:00+08:00',
        '剩余 1 个工作日',
        '1 working day left',
      ],
      [
        'calendar days follow the Beijing date, not the figure fetched the day before',
        clock({ unit: 'calendar_days', remaining: 4 }),
        '2026-12-03T23:30Z', // 07:30 on 4 December in Beijing
        '剩余 3 天',
        '3 days left',
      ],
      [
        'one calendar day left',
        clock({ unit: 'calendar_days', remaining: 1 }),
        '2026-12-06T08:00+08:00',
        '剩余 1 天',
        '1 day left',
      ],
      [
        'calendar days overdue',
        clock({ unit: 'calendar_days', remaining: -2, state: 'overdue' }),
        '2026-12-09T10:00+08:00',
        '已超时 2 天',
        '2 days overdue',
      ],
      [
        'working days overdue',
        clock({ remaining: -2, state: 'overdue' }),
        '2026-12-09T10:00+08:00',
        '已超时 2 个工作日',
        '2 working days overdue',
      ],
      [
        'one working day overdue',
        clock({ remaining: -1, state: 'overdue' }),
        '2026-12-08T10:00+08:00',
        '已超时 1 个工作日',
        '1 working day overdue',
      ],
      [
        'the last day counts down the hours to 24:00',
        clock({ remaining: 0, state: 'due_today' }),
        '2026-12-07T18:48+08:00',
        '剩余 5 小时 12 分',
        '5 h 12 min left',
      ],
      [
        'the last day is reached between two fetches',
        clock({ remaining: 1, state: 'warning' }),
        '2026-12-07T00:00+08:00',
        '剩余 24 小时 0 分',
        '24 h 0 min left',
      ],
      [
        'due time passed since the last fetch',
        clock({ remaining: 0, state: 'due_today' }),
        '2026-12-08T00:01+08:00',
        '已超时',
        'Overdue',
      ],
      [
        'no working day left before a due date on a rest day',
        clock({ remaining: 0, state: 'warning', dueDate: '2026-12-06', dueAt: at('2026-12-07T00:00+08:00') }),
        '2026-12-05T10:00+08:00',
        '剩余不足 1 个工作日',
        'Less than a working day left',
      ],
      [
        'hours to a due time',
        clock({ unit: 'hours', remaining: 3, dueAt: at('2026-12-07T15:00+08:00') }),
        '2026-12-07T12:29:30+08:00',
        '剩余 2 小时 30 分',
        '2 h 30 min left',
      ],
      [
        'hours past a due time',
        clock({ unit: 'hours', remaining: 0, state: 'due_today', dueAt: at('2026-12-07T15:00+08:00') }),
        '2026-12-07T16:05+08:00',
        '已超时 1 小时 5 分',
        '1 h 5 min overdue',
      ],
      [
        'working hours are main’s figure',
        clock({
          unit: 'working_hours',
          remaining: 7.5,
          dueAt: at('2026-12-08T17:00+08:00'),
          dueDate: '2026-12-08',
        }),
        '2026-12-07T10:00+08:00',
        '剩余 7 个工作小时 30 分',
        '7 h 30 min of working time left',
      ],
      [
        'working hours overdue',
        clock({
          unit: 'working_hours',
          remaining: -2.25,
          state: 'overdue',
          dueAt: at('2026-12-07T17:00+08:00'),
        }),
        '2026-12-08T11:15+08:00',
        '已超时 2 个工作小时 15 分',
        '2 h 15 min of working time overdue',
      ],
      [
        'a paused clock keeps the figure it paused with, even past its old due time',
        clock({ remaining: 4, paused: true }),
        '2026-12-09T10:00+08:00',
        '剩余 4 个工作日',
        '4 working days left',
      ],
    ];

    it.each(rows)('%s', (_name, c, now, zhText, enText) => {
      expect(countdownText(c, at(now), zh)).toBe(zhText);
      expect(countdownText(c, at(now), en)).toBe(enText);
    });

    it('has none for a stopped clock, met or missed', () => {
      const stopped = at('2026-12-03T10:00+08:00');
      expect(countdown(clock({ state: 'met', stoppedAt: stopped }), at('2026-12-09T10:00+08:00'))).toBeNull();
      expect(countdown(clock({ state: 'missed', remaining: -1, stoppedAt: stopped }), stopped)).toBeNull();
    });

    it('marks how urgent it is', () => {
      const now = at('2026-12-02T10:00+08:00');
      expect(countdown(clock(), now)?.tone).toBe('normal');
      expect(countdown(clock({ state: 'warning' }), now)?.tone).toBe('warning');
      expect(countdown(clock(), at('2026-12-07T10:00+08:00'))?.tone).toBe('danger');
      expect(countdown(clock({ remaining: -1, state: 'overdue' }), at('2026-12-08T10:00+08:00'))?.tone).toBe(
        'danger',
      );
    });
  });

  describe('liveState', () => {
    it('moves a running clock to due today and overdue on the Beijing clock', () => {
      expect(liveState(clock(), at('2026-12-06T23:59+08:00'))).toBe('on_track');
      expect(liveState(clock(), at('2026-12-07T00:00+08:00'))).toBe('due_today');
      expect(liveState(clock(), at('2026-12-07T23:59+08:00'))).toBe('due_today');
      expect(liveState(clock(), at('2026-12-08T00:00+08:00'))).toBe('overdue');
    });

    it('leaves stopped and paused clocks as main computed them', () => {
      const late = at('2026-12-20T10:00+08:00');
      expect(liveState(clock({ state: 'met', stoppedAt: at('2026-12-01T10:00+08:00') }), late)).toBe('met');
      expect(liveState(clock({ paused: true }), late)).toBe('on_track');
    });
  });
});
