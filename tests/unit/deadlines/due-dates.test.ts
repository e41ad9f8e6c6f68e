import { describe, expect, it } from 'vitest';
import { buildCalendar } from '../../../shared/calendar';
import { dueFromAdHoc } from '../../../shared/deadlines';
import type { AdHocInput } from '../../../shared/deadlines';

const calendar = buildCalendar();
const due = (input: Omit<AdHocInput, 'calendar'>) => dueFromAdHoc({ ...input, calendar });

describe('day periods, checked by hand against the State Council notices', () => {
  it('30-day answer from 2026-09-30 16:10 ends at 24:00 on 2026-10-30', () => {
    // Sep 30 is not counted; Oct 1 is day 1 (a holiday counts for calendar days); Oct 30 is day 30, a Friday.
    const r = due({ from: '2026-09-30T16:10+08:00', calendarDays: 30, rollForward: true });
    expect(r.dueDate).toBe('2026-10-30');
    expect(r.dueAtIso).toBe('2026-10-31T00:00:00+08:00');
    expect(r.dueAt).toBe(Date.UTC(2026, 9, 30, 16, 0));
    expect(r.provisional).toBe(false);
    expect(r.explanation.en).toEqual([
      'start 2026-09-30 16:10 (+08:00)',
      'counting starts the next day, 2026-10-01 (the start day is not counted, 民法典 Art.201)',
      '30 calendar days from 2026-10-01 end on 2026-10-30',
      'due at 24:00 on 2026-10-30 (2026-10-31T00:00:00+08:00)',
    ]);
  });

  it('the day is the Shanghai day: 16:00Z on Sep 30 is Oct 1 in Shanghai, so counting starts Oct 2', () => {
    // Oct 31 2026 is a Saturday, rolled forward to Monday Nov 2.
    expect(due({ from: '2026-09-30T16:00:00Z', calendarDays: 30, rollForward: true }).dueDate).toBe(
      '2026-11-02',
    );
    expect(due({ from: '2026-09-30T15:59:59Z', calendarDays: 30, rollForward: true }).dueDate).toBe(
      '2026-10-30',
    );
  });

  it('a period ending on a make-up Saturday ends that day, and says why', () => {
    const r = due({ from: '2026-09-30T16:10+08:00', calendarDays: 10, rollForward: true });
    expect(r.dueDate).toBe('2026-10-10');
    expect(r.explanation.en).toContain(
      '2026-10-10 is a make-up working day (调休上班), so it is a working day',
    );
    expect(r.explanation.zh).toContain('2026-10-10 为调休上班日，属于工作日');
  });

  it.each([
    // from, calendar days, with roll-forward, without
    ['2026-02-12T10:00+08:00', 7, '2026-02-24', '2026-02-19'], // lands in Spring Festival 2026
    ['2024-04-25T10:00+08:00', 10, '2024-05-06', '2024-05-05'], // lands on the last Labour Day holiday
    ['2025-09-26T10:00+08:00', 10, '2025-10-09', '2025-10-06'], // lands on 中秋 inside the National Day week
    ['2026-03-04T10:00+08:00', 3, '2026-03-09', '2026-03-07'], // lands on an ordinary Saturday
    ['2026-02-14T09:00+08:00', 1, '2026-02-24', '2026-02-15'], // starts on a make-up Saturday
  ] as const)('%s + %i calendar days: %s rolled forward, %s without', (from, n, rolled, plain) => {
    expect(due({ from, calendarDays: n, rollForward: true }).dueDate).toBe(rolled);
    const r = due({ from, calendarDays: n, rollForward: false });
    expect(r.dueDate).toBe(plain);
    expect(
      r.explanation.en.some(
        (l) =>
          l.startsWith(`${plain} is a`) &&
          l.endsWith('this limit does not roll forward, so it still ends that day'),
      ),
    ).toBe(true);
  });

  it.each([
    ['2026-02-13T17:00+08:00', 3, '2026-02-25'], // Sat 14 (make-up), then Tue 24, Wed 25
    ['2026-02-14T09:00+08:00', 2, '2026-02-25'], // starting on the make-up Saturday itself
    ['2025-09-27T10:00+08:00', 1, '2025-09-28'], // the make-up Sunday before National Day
    ['2025-09-30T10:00+08:00', 3, '2025-10-11'], // Oct 9, 10 and the make-up Saturday 11
    ['2024-04-26T10:00+08:00', 3, '2024-04-30'], // Sun 28 (make-up), 29, 30
    ['2024-04-30T10:00+08:00', 2, '2024-05-07'],
  ] as const)('%s + %i working days = %s', (from, n, expected) => {
    expect(due({ from, workingDays: n }).dueDate).toBe(expected);
  });

  it('explains what a working-day period stepped over', () => {
    const r = due({ from: '2026-02-13T17:00+08:00', workingDays: 3 });
    expect(r.explanation.en).toContain(
      'that is 12 calendar days: 3 working, 9 not (9 holiday, 0 weekend); holidays skipped: Spring Festival 2026-02-15–2026-02-23; make-up working days counted: 2026-02-14',
    );
  });
});

describe('pauses', () => {
  const pauseOverNationalDay = [{ from: '2025-09-29T09:00+08:00', to: '2025-10-09T09:00+08:00' }];

  it('a pause across a holiday extends a working-day period only by the working days it covered', () => {
    // Unpaused: Sun 28 (make-up), Mon 29, Tue 30. Paused 29 Sep–9 Oct: 28 Sep counts, then 10 and 11 Oct.
    expect(due({ from: '2025-09-26T10:00+08:00', workingDays: 3 }).dueDate).toBe('2025-09-30');
    const r = due({ from: '2025-09-26T10:00+08:00', workingDays: 3, paused: pauseOverNationalDay });
    expect(r.dueDate).toBe('2025-10-11');
    expect(r.explanation.en).toContain(
      'paused 2025-09-29–2025-10-09 (11 days): 2 counted working days lost, made up after 2025-10-09: now ends on 2025-10-11',
    );
  });

  it('a pause across a holiday extends a calendar-day period by every day it covered', () => {
    // Counted: 27, 28 Sep; then 10–17 Oct; the pause took 29 Sep–9 Oct (11 days) out.
    expect(
      due({
        from: '2025-09-26T10:00+08:00',
        calendarDays: 10,
        rollForward: true,
        paused: pauseOverNationalDay,
      }).dueDate,
    ).toBe('2025-10-17');
  });

  it('a pause only over holidays does not move a working-day period', () => {
    const r = due({
      from: '2025-09-30T10:00+08:00',
      workingDays: 3,
      paused: [{ from: '2025-10-01T00:00+08:00', to: '2025-10-09T00:00+08:00' }],
    });
    expect(r.dueDate).toBe('2025-10-11');
    expect(r.explanation.en).toContain(
      'paused 2025-10-01–2025-10-08 (8 days): no counted days in it, no effect',
    );
  });

  it('counts a day touched by a pause as paused, but not the day a pause ends at its midnight', () => {
    const base = { from: '2026-10-12T09:00+08:00', calendarDays: 5, rollForward: false } as const;
    expect(due(base).dueDate).toBe('2026-10-17');
    // 23:30 to 00:30 touches two days
    expect(
      due({ ...base, paused: [{ from: '2026-10-13T23:30+08:00', to: '2026-10-14T00:30+08:00' }] }).dueDate,
    ).toBe('2026-10-19');
    // ending exactly at 24:00 touches one
    expect(
      due({ ...base, paused: [{ from: '2026-10-13T09:00+08:00', to: '2026-10-14T00:00+08:00' }] }).dueDate,
    ).toBe('2026-10-18');
  });

  it('pauses on the start day or after the end change nothing', () => {
    const base = { from: '2026-10-12T09:00+08:00', calendarDays: 5, rollForward: false } as const;
    const r = due({
      ...base,
      paused: [
        { from: '2026-10-12T10:00+08:00', to: '2026-10-12T11:00+08:00' },
        { from: '2026-10-20T10:00+08:00', to: '2026-10-21T11:00+08:00' },
      ],
    });
    expect(r.dueDate).toBe('2026-10-17');
    expect(r.explanation.en).toContain(
      'paused 2026-10-20–2026-10-21 (2 days): after the last counted day, no effect',
    );
  });

  it('rolls forward past paused working days, and says so', () => {
    // 5 days from Mon 2 Mar 2026 end Sat 7 Mar; Mon 9 is paused, so the period ends Tue 10.
    const r = due({
      from: '2026-03-02T09:00+08:00',
      calendarDays: 5,
      rollForward: true,
      paused: [{ from: '2026-03-09T09:00+08:00', to: '2026-03-09T10:00+08:00' }],
    });
    expect(r.dueDate).toBe('2026-03-10');
    expect(r.explanation.en).toContain(
      '2026-03-07 is a Saturday (weekend); the period ends on the next working day on which the clock was not paused, 2026-03-10 (民法典 Art.203)',
    );
  });

  it('refuses a pause that ends before it starts', () => {
    expect(() =>
      due({
        from: '2026-10-12T09:00+08:00',
        workingDays: 2,
        paused: [{ from: '2026-10-13T09:00+08:00', to: '2026-10-13T08:00+08:00' }],
      }),
    ).toThrow(RangeError);
  });
});

describe('provisional years', () => {
  it('marks a period that relies on the estimated 2027 as provisional, and says so', () => {
    const r = due({ from: '2026-12-30T10:00+08:00', workingDays: 3 });
    expect(r.dueDate).toBe('2027-01-05');
    expect(r.provisional).toBe(true);
    expect(r.explanation.en.at(-1)).toMatch(/^provisional: 2027 has no published holiday notice yet/);
  });

  it('does not mark a calendar-day period without roll-forward, which never reads the calendar', () => {
    expect(due({ from: '2026-12-20T10:00+08:00', calendarDays: 30, rollForward: false }).provisional).toBe(
      false,
    );
    expect(due({ from: '2026-12-20T10:00+08:00', calendarDays: 30, rollForward: true }).provisional).toBe(
      true,
    );
  });

  it('asks for exactly one length', () => {
    expect(() => dueFromAdHoc({ from: '2026-12-30T10:00+08:00', calendar })).toThrow(RangeError);
    expect(() =>
      dueFromAdHoc({ from: '2026-12-30T10:00+08:00', workingDays: 2, calendarDays: 2, calendar }),
    ).toThrow(RangeError);
    expect(() => dueFromAdHoc({ from: '2026-12-30T10:00', workingDays: 2, calendar })).toThrow(RangeError);
  });
});
