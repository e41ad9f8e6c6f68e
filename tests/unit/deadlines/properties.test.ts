import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildCalendar,
  formatDay,
  formatInstant,
  parseInstant,
  parseIsoDate,
} from '../../../shared/calendar';
import { dueFromAdHoc } from '../../../shared/deadlines';
import type { AdHocDue, AdHocPause } from '../../../shared/deadlines';

const calendar = buildCalendar();
const MINUTE = 60_000;
const DAY = 1440 * MINUTE;

/** Start instants on whole minutes from 2004 (first published year) into the estimated 2027. */
const start = fc
  .integer({
    min: parseInstant('2004-01-01T00:00+08:00') / MINUTE,
    max: parseInstant('2027-10-31T00:00+08:00') / MINUTE,
  })
  .map((m) => m * MINUTE);
const length = fc.integer({ min: 1, max: 45 });
const period = fc.record({ working: fc.boolean(), n: length, rollForward: fc.boolean() });
/** Pauses as offsets from the start: up to 60 days later, up to 12 days long. */
const pauses = fc.array(
  fc.record({
    offset: fc.integer({ min: -DAY / MINUTE, max: (60 * DAY) / MINUTE }),
    length: fc.integer({ min: 1, max: (12 * DAY) / MINUTE }),
  }),
  { maxLength: 4 },
);

function due(
  from: number,
  p: { working: boolean; n: number; rollForward: boolean },
  paused: readonly AdHocPause[] = [],
): AdHocDue {
  return dueFromAdHoc({
    from: formatInstant(from),
    ...(p.working ? { workingDays: p.n } : { calendarDays: p.n }),
    rollForward: p.rollForward,
    paused,
    calendar,
  });
}

const asPauses = (from: number, list: readonly { offset: number; length: number }[]): AdHocPause[] =>
  list.map(({ offset, length: l }) => ({
    from: formatInstant(from + offset * MINUTE),
    to: formatInstant(from + (offset + l) * MINUTE),
  }));

describe('deadline properties', () => {
  it('more days never give an earlier due time', () => {
    fc.assert(
      fc.property(start, period, fc.integer({ min: 1, max: 20 }), (from, p, more) => {
        expect(due(from, { ...p, n: p.n + more }).dueAt).toBeGreaterThanOrEqual(due(from, p).dueAt);
      }),
      { numRuns: 300 },
    );
  });

  it('a later start never gives an earlier due time', () => {
    fc.assert(
      fc.property(start, period, fc.integer({ min: 1, max: 20 * 1440 }), (from, p, later) => {
        expect(due(from + later * MINUTE, p).dueAt).toBeGreaterThanOrEqual(due(from, p).dueAt);
      }),
      { numRuns: 300 },
    );
  });

  it('pausing never makes a deadline earlier, and another pause never makes it earlier still', () => {
    fc.assert(
      fc.property(start, period, pauses, (from, p, list) => {
        const all = asPauses(from, list);
        let previous = due(from, p).dueAt;
        for (let k = 1; k <= all.length; k++) {
          const next = due(from, p, all.slice(0, k)).dueAt;
          expect(next).toBeGreaterThanOrEqual(previous);
          previous = next;
        }
      }),
      { numRuns: 300 },
    );
  });

  it('ends on a working day when counting working days or rolling forward', () => {
    fc.assert(
      fc.property(start, period, pauses, (from, p, list) => {
        const r = due(from, p, asPauses(from, list));
        if (p.working || p.rollForward) expect(calendar.isWorkingDay(r.dueDate)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('prints explanations whose arithmetic gives the result', () => {
    fc.assert(
      fc.property(start, period, pauses, (from, p, list) => {
        const r = due(from, p, asPauses(from, list));
        checkArithmetic(r, p.working);
      }),
      { numRuns: 500 },
    );
  });
});

const D = String.raw`(\d{4}-\d{2}-\d{2})`;
const day = (s: string | undefined) => parseIsoDate(s ?? '');

/** Re-derives every date the explanation states from the numbers it states, and compares. */
function checkArithmetic(r: AdHocDue, working: boolean): void {
  const lines = r.explanation.en;
  const add = (from: number, n: number) => (working ? calendar.addWorkingDays(from, n) : from + n);
  const grab = (re: RegExp) => lines.map((l) => re.exec(l)).filter((m): m is RegExpExecArray => m !== null);

  const [counting] = grab(new RegExp(`^counting starts the next day, ${D} `));
  const startDay = day(counting?.[1]) - 1;

  const [length] = working
    ? grab(new RegExp(`^(\\d+) working days? after ${D} end on ${D}$`))
    : grab(new RegExp(`^(\\d+) calendar days? from ${D} end on ${D}$`));
  expect(length, lines.join('\n')).toBeDefined();
  const n = Number(length?.[1]);
  const plain = day(length?.[3]);
  expect(day(length?.[2])).toBe(working ? startDay : startDay + 1);
  expect(plain).toBe(add(startDay, n));
  if (working) {
    const [parts] = grab(
      /^that is (\d+) calendar days: (\d+) working, (\d+) not \((\d+) holiday, (\d+) weekend\)/,
    );
    const [total, w, not, holiday, weekend] = (parts ?? []).slice(1).map(Number);
    expect(total).toBe(plain - startDay);
    expect(w).toBe(n);
    expect(not).toBe((total ?? 0) - n);
    expect(not).toBe((holiday ?? 0) + (weekend ?? 0));
  }

  let last = plain;
  let lostInAll = 0;
  for (const l of lines.filter((x) => x.startsWith('paused '))) {
    const m = new RegExp(`^paused ${D}(?:–${D})? \\((\\d+) days?\\): (.*)$`).exec(l);
    expect(m, l).not.toBeNull();
    const from = day(m?.[1]);
    const to = m?.[2] ? day(m[2]) : from;
    expect(Number(m?.[3])).toBe(to - from + 1);
    const lost = new RegExp(`^(\\d+) counted \\w+ days? lost, made up after ${D}: now ends on ${D}$`).exec(
      m?.[4] ?? '',
    );
    if (lost) {
      const resume = day(lost[2]);
      expect(resume).toBe(Math.max(last, to));
      expect(day(lost[3])).toBe(add(resume, Number(lost[1])));
      lostInAll += Number(lost[1]);
      last = day(lost[3]);
    } else if (m?.[4] === 'after the last counted day, no effect') {
      expect(from).toBeGreaterThan(last);
    } else {
      expect(m?.[4]).toBe('no counted days in it, no effect');
      expect(calendar.workingDaysBetween(from - 1, Math.min(to, last))).toBe(0);
    }
  }
  const [inAll] = grab(
    new RegExp(
      `^in all, the pauses take out (\\d+) \\w+ days? and move the last counted day from ${D} to ${D} `,
    ),
  );
  if (lostInAll > 0) {
    expect(Number(inAll?.[1])).toBe(lostInAll);
    expect([day(inAll?.[2]), day(inAll?.[3])]).toEqual([plain, last]);
  } else {
    expect(inAll).toBeUndefined();
  }

  const [rolled] = grab(
    new RegExp(
      `^${D} is .*; the period ends on the next working day( on which the clock was not paused)?, ${D} \\(民法典 Art\\.203\\)$`,
    ),
  );
  let end = last;
  if (rolled) {
    expect(day(rolled[1])).toBe(last);
    end = day(rolled[3]);
    if (rolled[2] === undefined) expect(end).toBe(calendar.nextWorkingDay(last));
    else expect(end).toBeGreaterThan(calendar.nextWorkingDay(last));
  }
  const [dueLine] = grab(new RegExp(`^due at 24:00 on ${D} \\((.+)\\)$`));
  expect(formatDay(day(dueLine?.[1]))).toBe(r.dueDate);
  expect(day(dueLine?.[1])).toBe(end);
  expect(dueLine?.[2]).toBe(r.dueAtIso);
}
