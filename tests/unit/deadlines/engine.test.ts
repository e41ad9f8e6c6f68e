import { describe, expect, it } from 'vitest';
import { buildCalendar, parseInstant } from '../../../shared/calendar';
import type { CalendarYear } from '../../../shared/calendar';
import type { HistoryEntry } from '../../../shared/domain/history';
import type { CaseStatus } from '../../../shared/domain/status';
import {
  CARRIER_DESK_PROFILE,
  CURRENT_PROFILE,
  computeClocks,
  computeClockStatuses,
} from '../../../shared/deadlines';
import type { Clock, LimitRule, RuleProfile } from '../../../shared/deadlines';

const calendar = buildCalendar();
const t = (iso: string) => parseInstant(`${iso}+08:00`);
const entry = (at: string, type: string, status: CaseStatus): HistoryEntry => ({ at: t(at), type, status });
const byLimit = (clocks: Clock[]) => Object.fromEntries(clocks.map((c) => [c.limit, c]));

/** A case received just before National Day 2026 and walked through the current Measures. */
const received = '2026-09-30T16:10';
const history: HistoryEntry[] = [
  entry('2026-09-30T16:10', 'transition.register', 'registered'),
  entry('2026-10-08T10:00', 'transition.accept', 'accepted'),
  entry('2026-10-09T10:00', 'transition.transfer', 'transferred'),
  entry('2026-10-15T10:00', 'transition.record_carrier_reply', 'carrier_replied'),
  entry('2026-10-16T10:00', 'transition.start_mediation', 'mediating'),
  entry('2026-10-16T11:00', 'mediation.opinion_issued', 'mediating'),
];

describe('clocks of a case under the current profile', () => {
  const clocks = byLimit(
    computeClocks({
      receivedAt: t(received),
      history,
      profile: CURRENT_PROFILE,
      calendar,
      now: t('2026-10-20T12:00'),
    }),
  );

  it('starts only the clocks whose triggers happened', () => {
    expect(Object.keys(clocks)).toEqual([
      'acceptance',
      'carrier_reply',
      'mediation_feedback',
      'callback',
      'overall_answer',
    ]);
  });

  it('acceptance: 2 working days after the National Day week, met on Oct 8', () => {
    expect(clocks.acceptance).toMatchObject({
      dueDate: '2026-10-09',
      state: 'met',
      stoppedAt: t('2026-10-08T10:00'),
      remaining: 1,
    });
  });

  it('carrier reply: 10 calendar days from the transfer, met', () => {
    expect(clocks.carrier_reply).toMatchObject({
      startedAt: t('2026-10-09T10:00'),
      dueDate: '2026-10-19',
      state: 'met',
      remaining: 4,
    });
  });

  it('callback: stopped when mediation began (mediation is itself contact with the user)', () => {
    expect(clocks.callback).toMatchObject({
      dueDate: '2026-10-20',
      state: 'met',
      stoppedAt: t('2026-10-16T10:00'),
    });
  });

  it('mediation feedback: 3 working days, 1 left, so it warns', () => {
    expect(clocks.mediation_feedback).toMatchObject({
      dueDate: '2026-10-21',
      state: 'warning',
      remaining: 1,
      paused: false,
    });
    expect(clocks.mediation_feedback?.explanation.en.at(-1)).toBe(
      'as of 2026-10-20 12:00: 1 working day left; warning: at most 1 working day left',
    );
  });

  it('overall answer: due at 24:00 on 2026-10-30, on track with 10 days left', () => {
    expect(clocks.overall_answer).toMatchObject({
      dueDate: '2026-10-30',
      dueAt: t('2026-10-31T00:00'),
      state: 'on_track',
      remaining: 10,
      provisional: false,
      pausedMs: 0,
    });
    expect(clocks.overall_answer?.explanation.zh[0]).toBe('收到申诉：2026-09-30 16:10（北京时间）');
  });

  it('gives the same clocks without explanations for bulk recomputation', () => {
    const statuses = computeClockStatuses({
      receivedAt: t(received),
      history,
      profile: CURRENT_PROFILE,
      calendar,
      now: t('2026-10-20T12:00'),
    });
    expect(statuses).toEqual(Object.values(clocks).map(({ explanation: _explanation, ...status }) => status));
  });
});

describe('clock states over time', () => {
  const overall = (now: string, h: HistoryEntry[] = history.slice(0, 1)) =>
    byLimit(
      computeClocks({ receivedAt: t(received), history: h, profile: CURRENT_PROFILE, calendar, now: t(now) }),
    ).overall_answer;

  it.each([
    ['2026-10-01T09:00', 'on_track', 29],
    ['2026-10-24T09:00', 'on_track', 6], // 78 % of the time (Sep 30 16:10 to Oct 31 00:00) has passed
    ['2026-10-25T09:00', 'warning', 5], // 81 %: past the 80 % threshold
    ['2026-10-27T09:00', 'warning', 3], // and now also at most 3 working days left
    ['2026-10-30T09:00', 'due_today', 0],
    ['2026-10-30T23:59', 'due_today', 0],
    ['2026-10-31T00:00', 'overdue', -1],
    ['2026-11-05T09:00', 'overdue', -6],
  ] as const)('at %s it is %s with %i days left', (now, state, remaining) => {
    expect(overall(now)).toMatchObject({ state, remaining });
  });

  it('is met when the case closes in time and missed when it closes late', () => {
    const closedAt = (at: string) => [...history.slice(0, 1), entry(at, 'transition.close', 'closed')];
    expect(overall('2026-12-01T09:00', closedAt('2026-10-30T23:59'))).toMatchObject({
      state: 'met',
      remaining: 0,
    });
    expect(overall('2026-12-01T09:00', closedAt('2026-10-31T00:00'))).toMatchObject({
      state: 'missed',
      remaining: -1,
    });
  });

  it('sees the case as it stood at `now`: later entries are ignored', () => {
    const closed = [...history, entry('2026-10-25T09:00', 'transition.close', 'closed')];
    expect(overall('2026-10-20T12:00', closed)).toMatchObject({ state: 'on_track' });
    expect(overall('2026-10-20T12:00', closed)).not.toHaveProperty('stoppedAt');
    expect(
      computeClocks({
        receivedAt: t(received),
        history,
        profile: CURRENT_PROFILE,
        calendar,
        now: t('2026-09-30T12:00'),
      }),
    ).toEqual([]);
  });

  it('restarts the carrier reply clock on a re-transfer, and explains it', () => {
    const rehandled = [
      ...history.slice(0, 4),
      entry('2026-10-16T09:00', 'transition.rehandle', 'transferred'),
    ];
    const c = byLimit(
      computeClocks({
        receivedAt: t(received),
        history: rehandled,
        profile: CURRENT_PROFILE,
        calendar,
        now: t('2026-10-20T12:00'),
      }),
    );
    expect(c.carrier_reply).toMatchObject({
      startedAt: t('2026-10-16T09:00'),
      dueDate: '2026-10-26',
      state: 'on_track',
    });
    expect(c.carrier_reply).not.toHaveProperty('stoppedAt');
    expect(c.carrier_reply?.explanation.en[1]).toBe('restarted 1 time(s); counting from the latest start');
    // the callback owed on the first reply stops with the re-transfer
    expect(c.callback).toMatchObject({ state: 'met', stoppedAt: t('2026-10-16T09:00') });
  });

  it('gives a reopened case a fresh 30-day answer', () => {
    const reopened = [
      ...history.slice(0, 1),
      entry('2026-10-10T09:00', 'transition.close', 'closed'),
      entry('2026-11-02T09:00', 'transition.reopen', 'accepted'),
    ];
    expect(overall('2026-11-03T09:00', reopened)).toMatchObject({
      startedAt: t('2026-11-02T09:00'),
      dueDate: '2026-12-02',
      state: 'on_track',
    });
  });
});

describe('pauses from the history', () => {
  // A profile in which time spent verifying does not count against the carrier (a local rule).
  const rule = CURRENT_PROFILE.limits.callback as LimitRule;
  const profile: RuleProfile = {
    ...CURRENT_PROFILE,
    id: 'pause-test',
    limits: { callback: { ...rule, pauseIn: ['verifying'], stop: [{ on: 'status', status: 'callback' }] } },
  };
  const h = [
    entry('2025-09-25T10:00', 'transition.record_carrier_reply', 'carrier_replied'),
    entry('2025-09-29T09:00', 'transition.start_verification', 'verifying'),
  ];

  it('pushes the due date out while the case sits in a pausing status, across National Day', () => {
    // 3 working days after Thu 25 Sep: Fri 26, Sun 28 (make-up), Mon 29. Verifying from 29 Sep: paused.
    const clock = computeClocks({
      receivedAt: t('2025-09-20T10:00'),
      history: h,
      profile,
      calendar,
      now: t('2025-10-09T12:00'),
    })[0];
    // paused 29 Sep–9 Oct took out Mon 29, made up after the pause: Fri 10 Oct, one working day away
    expect(clock).toMatchObject({
      dueDate: '2025-10-10',
      paused: true,
      pausedMs: t('2025-10-09T12:00') - t('2025-09-29T09:00'),
      state: 'warning',
    });
    expect(clock?.explanation.en).toContain('paused now: the case is Verifying');
    expect(clock?.explanation.zh).toContain('当前暂停计时：案件处于“核实中”');
  });

  it('resumes when the case leaves the pausing status', () => {
    const resumed = [...h, entry('2025-10-09T15:00', 'transition.start_callback', 'callback')];
    const clock = computeClocks({
      receivedAt: t('2025-09-20T10:00'),
      history: resumed,
      profile,
      calendar,
      now: t('2025-10-20T12:00'),
    })[0];
    // stopped on 9 Oct, before the due date: met
    expect(clock).toMatchObject({
      dueDate: '2025-10-10',
      paused: false,
      state: 'met',
      pausedMs: t('2025-10-09T15:00') - t('2025-09-29T09:00'),
    });
  });
});

describe('hour limits', () => {
  const base = CURRENT_PROFILE.limits.acceptance as LimitRule;
  const profile = (unit: 'hours' | 'working_hours', amount: number): RuleProfile => ({
    ...CURRENT_PROFILE,
    id: 'hours-test',
    workingHours: { start: '08:30', end: '17:30' },
    limits: { acceptance: { ...base, unit, amount, pauseIn: ['verifying'] } },
  });
  const clockAt = (p: RuleProfile, receivedAt: string, now: string, h: HistoryEntry[] = []) =>
    computeClocks({ receivedAt: t(receivedAt), history: h, profile: p, calendar, now: t(now) })[0];

  it('counts working hours in office hours on working days, make-up Saturdays included', () => {
    // Fri 13 Feb 2026 16:00: 1.5 h that day, then 2.5 h on the make-up Saturday 14 Feb from 08:30.
    // At 17:00, 0.5 h remain on Friday and 2.5 h on Saturday; Saturday is the next working day, so it warns.
    const clock = clockAt(profile('working_hours', 4), '2026-02-13T16:00', '2026-02-13T17:00');
    expect(clock).toMatchObject({
      dueAt: t('2026-02-14T11:00'),
      dueDate: '2026-02-14',
      remaining: 3,
      state: 'warning',
    });
  });

  it('skips the whole Spring Festival block for working hours', () => {
    // From the close of office on the make-up Saturday, the next office hours are Tue 24 Feb.
    expect(clockAt(profile('working_hours', 9), '2026-02-14T17:30', '2026-02-14T17:30')?.dueAt).toBe(
      t('2026-02-24T17:30'),
    );
    // half an hour earlier, that half hour still counts on the Saturday
    expect(clockAt(profile('working_hours', 9), '2026-02-14T17:00', '2026-02-14T17:00')?.dueAt).toBe(
      t('2026-02-24T17:00'),
    );
  });

  it('counts plain hours straight through holidays, and pauses push them out', () => {
    const p = profile('hours', 48);
    expect(clockAt(p, '2026-02-13T16:00', '2026-02-13T17:00')?.dueAt).toBe(t('2026-02-15T16:00'));
    const paused = [
      entry('2026-02-14T09:00', 'transition.start_verification', 'verifying'),
      entry('2026-02-14T11:30', 'transition.start_callback', 'callback'),
    ];
    expect(clockAt(p, '2026-02-13T16:00', '2026-02-15T09:00', paused)).toMatchObject({
      dueAt: t('2026-02-15T18:30'),
      pausedMs: 2.5 * 3_600_000,
    });
  });
});

describe('provisional years and imports', () => {
  const receivedAt = t('2027-02-04T10:00');
  const now = t('2027-02-04T12:00');
  const made2027: CalendarYear = {
    year: 2027,
    source: 'import',
    holidays: [
      {
        name: '春节',
        dates: [
          '2027-02-05',
          '2027-02-06',
          '2027-02-07',
          '2027-02-08',
          '2027-02-09',
          '2027-02-10',
          '2027-02-11',
          '2027-02-12',
          '2027-02-13',
        ],
      },
    ],
    makeUpWorkdays: ['2027-02-20'],
  };
  const clocks = (cal = calendar) =>
    byLimit(computeClocks({ receivedAt, history: [], profile: CURRENT_PROFILE, calendar: cal, now }));

  it('marks deadlines in the estimated 2027 provisional', () => {
    const c = clocks();
    // estimate: off 5–8 Feb (除夕 to 初三), so 2 working days after the 4th are Tue 9 and Wed 10
    expect(c.acceptance).toMatchObject({ dueDate: '2027-02-10', provisional: true });
    // 30 days end Sat 6 Mar; rolled forward to Mon 8 Mar, which relied on 2027
    expect(c.overall_answer).toMatchObject({ dueDate: '2027-03-08', provisional: true });
    expect(c.acceptance?.explanation.en.at(-2)).toMatch(/^provisional: 2027/);
  });

  it('recomputes with the imported notice: no longer provisional, and a different due date', () => {
    const c = clocks(buildCalendar([made2027]));
    expect(c.acceptance).toMatchObject({ dueDate: '2027-02-16', provisional: false });
    expect(c.overall_answer).toMatchObject({ dueDate: '2027-03-08', provisional: false });
  });

  it('marks a 30-day answer that reaches from 2026 into 2027', () => {
    const c = byLimit(
      computeClocks({
        receivedAt: t('2026-12-20T09:00'),
        history: [],
        profile: CURRENT_PROFILE,
        calendar,
        now: t('2026-12-20T10:00'),
      }),
    );
    expect(c.overall_answer).toMatchObject({ dueDate: '2027-01-19', provisional: true });
  });

  it('runs the carrier desk profile on its own complaint window', () => {
    const c = computeClocks({
      receivedAt: t('2026-02-12T10:00'),
      history: [],
      profile: CARRIER_DESK_PROFILE,
      calendar,
      now: t('2026-02-12T11:00'),
    });
    expect(c.map((x) => [x.limit, x.dueDate])).toEqual([['carrier_complaint', '2026-02-24']]);
  });
});
