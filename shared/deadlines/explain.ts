import { WEEKDAY_NAMES, formatDay, weekdayOf } from '../calendar/civil-date';
import type { DayNumber } from '../calendar/civil-date';
import { holidayNameEn } from '../calendar/holiday-names';
import { formatInstant, formatShanghaiMinute, shanghaiDay } from '../calendar/shanghai-time';
import type { WorkingCalendar } from '../calendar/working-calendar';
import type { DayPeriodTrace, Due, HourPeriodTrace } from './period';
import type { TimeUnit } from './profile-schema';

/** Why a clock is due when it is, line by line, for handlers (zh) and for auditors and logs (en). */
export interface Explanation {
  readonly en: string[];
  readonly zh: string[];
}

export function emptyExplanation(): Explanation {
  return { en: [], zh: [] };
}

export function say(out: Explanation, en: string, zh: string): void {
  out.en.push(en);
  out.zh.push(zh);
}

const UNIT_EN: Record<TimeUnit, [string, string]> = {
  calendar_days: ['calendar day', 'calendar days'],
  working_days: ['working day', 'working days'],
  hours: ['hour', 'hours'],
  working_hours: ['working hour', 'working hours'],
};
const UNIT_ZH: Record<TimeUnit, string> = {
  calendar_days: '自然日',
  working_days: '工作日',
  hours: '小时',
  working_hours: '工作小时',
};

export function amountEn(n: number, unit: TimeUnit): string {
  return `${n} ${UNIT_EN[unit][n === 1 ? 0 : 1]}`;
}
export function amountZh(n: number, unit: TimeUnit): string {
  return `${n}个${UNIT_ZH[unit]}`;
}

const HOUR_MS = 3_600_000;
export const hoursOf = (ms: number): number => Math.round((ms / HOUR_MS) * 100) / 100;

const minute = (at: number) => formatShanghaiMinute(at);
const clockTime = (m: number) =>
  `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
const span = (from: DayNumber, to: DayNumber) =>
  from === to ? formatDay(from) : `${formatDay(from)}–${formatDay(to)}`;

/** The due computation, step by step (what happened before the start is the caller's to tell). */
export function explainDue(due: Due, calendar: WorkingCalendar, out: Explanation): void {
  if (due.trace.kind === 'days') explainDays(due.trace, due.dueAt, calendar, out);
  else explainHours(due.trace, due.dueAt, out);
  if (due.provisional) {
    const first = due.trace.kind === 'days' ? due.trace.startDay : shanghaiDay(due.trace.startAt);
    const years = calendar.provisionalYears(first, due.dueDay).join(', ');
    say(
      out,
      `provisional: ${years} has no published holiday notice yet; its holidays are estimated from the statutory festivals, without make-up working days (import the notice to confirm)`,
      `暂定：${years}年放假安排尚未发布或导入，按法定节日估算，不含调休上班日（导入国务院通知后确认）`,
    );
  }
}

function dayKindText(day: DayNumber, calendar: WorkingCalendar): { en: string; zh: string } {
  const info = calendar.kindOf(day);
  if (info.kind === 'holiday' && info.holiday !== undefined) {
    const en = holidayNameEn(info.holiday);
    return {
      en: `a holiday (${en === info.holiday ? en : `${en}, ${info.holiday}`})`,
      zh: `法定节假日（${info.holiday}）`,
    };
  }
  const w = weekdayOf(day);
  return { en: `a ${WEEKDAY_NAMES.en[w]} (weekend)`, zh: `${WEEKDAY_NAMES.zh[w]}（休息日）` };
}

function explainDays(t: DayPeriodTrace, dueAt: number, calendar: WorkingCalendar, out: Explanation): void {
  const first = formatDay(t.startDay + 1);
  say(
    out,
    `counting starts the next day, ${first} (the start day is not counted, 民法典 Art.201)`,
    `开始当日不计入，自次日 ${first} 起算（民法典第二百零一条）`,
  );
  const plain = formatDay(t.plainLastDay);
  if (t.unit === 'calendar_days') {
    say(
      out,
      `${amountEn(t.amount, t.unit)} from ${first} end on ${plain}`,
      `${amountZh(t.amount, t.unit)}，至 ${plain} 届满`,
    );
  } else {
    say(
      out,
      `${amountEn(t.amount, t.unit)} after ${formatDay(t.startDay)} end on ${plain}`,
      `${formatDay(t.startDay)} 之后${amountZh(t.amount, t.unit)}，至 ${plain} 届满`,
    );
    explainSkippedDays(t.startDay, t.plainLastDay, calendar, out);
  }

  let lost = 0;
  let before = t.plainLastDay;
  for (const s of t.pausedSpans) {
    const days = `${s.to - s.from + 1} ${s.to === s.from ? 'day' : 'days'}`;
    if (s.lost > 0) {
      lost += s.lost;
      // The lost days are made up after both the pause and the old last day, whichever is later.
      const resume = formatDay(Math.max(before, s.to));
      const ends = formatDay(s.lastAfter);
      say(
        out,
        `paused ${span(s.from, s.to)} (${days}): ${s.lost} counted ${UNIT_EN[t.unit][s.lost === 1 ? 0 : 1]} lost, made up after ${resume}: now ends on ${ends}`,
        `暂停 ${span(s.from, s.to)}（${s.to - s.from + 1}天）：不计入${amountZh(s.lost, t.unit)}，自 ${resume} 之后补足，至 ${ends} 届满`,
      );
    } else if (s.from > before) {
      say(
        out,
        `paused ${span(s.from, s.to)} (${days}): after the last counted day, no effect`,
        `暂停 ${span(s.from, s.to)}（${s.to - s.from + 1}天）：在期限最后一日之后，不影响期限`,
      );
    } else {
      say(
        out,
        `paused ${span(s.from, s.to)} (${days}): no counted days in it, no effect`,
        `暂停 ${span(s.from, s.to)}（${s.to - s.from + 1}天）：其间无计入的日子，不影响期限`,
      );
    }
    before = s.lastAfter;
  }
  const last = formatDay(t.lastCountedDay);
  if (lost > 0) {
    say(
      out,
      `in all, the pauses take out ${amountEn(lost, t.unit)} and move the last counted day from ${plain} to ${last} (a day paused for any part of it is not counted)`,
      `暂停共不计入${amountZh(lost, t.unit)}，最后一日由 ${plain} 顺延至 ${last}（当日任何时段暂停即整日不计）`,
    );
  }

  const due = formatDay(t.dueDay);
  const kind = calendar.kindOf(t.lastCountedDay).kind;
  if (t.dueDay !== t.lastCountedDay) {
    const text = dayKindText(t.lastCountedDay, calendar);
    // Roll-forward also steps over paused days; say so rather than claim it was simply the next working day.
    const direct = calendar.workingDaysBetween(t.lastCountedDay, t.dueDay) === 1;
    say(
      out,
      `${last} is ${text.en}; the period ends on the next working day${direct ? '' : ' on which the clock was not paused'}, ${due} (民法典 Art.203)`,
      `${last} 为${text.zh}，期限顺延至其后${direct ? '' : '未暂停的'}第一个工作日 ${due}（民法典第二百零三条）`,
    );
  } else if (kind === 'makeup_workday') {
    say(
      out,
      `${last} is a make-up working day (调休上班), so it is a working day`,
      `${last} 为调休上班日，属于工作日`,
    );
  } else if (kind === 'holiday' || kind === 'weekend') {
    const text = dayKindText(t.lastCountedDay, calendar);
    say(
      out,
      `${last} is ${text.en}; this limit does not roll forward, so it still ends that day`,
      `${last} 为${text.zh}；本时限不顺延，仍于当日届满`,
    );
  }
  const iso = formatInstant(dueAt);
  say(
    out,
    `due at ${clockTime(t.dueAtMinute)} on ${due} (${iso})`,
    `期限届满时间：${due} ${clockTime(t.dueAtMinute)}（${iso}）`,
  );
}

/** What a working-day period stepped over between its start day and its plain last day. */
function explainSkippedDays(
  startDay: DayNumber,
  lastDay: DayNumber,
  calendar: WorkingCalendar,
  out: Explanation,
): void {
  const holidays = new Map<string, DayNumber[]>();
  const makeUp: string[] = [];
  let weekend = 0;
  for (let d = startDay + 1; d <= lastDay; d++) {
    const info = calendar.kindOf(d);
    if (info.kind === 'holiday')
      holidays.set(info.holiday ?? '', [...(holidays.get(info.holiday ?? '') ?? []), d]);
    else if (info.kind === 'weekend') weekend++;
    else if (info.kind === 'makeup_workday') makeUp.push(info.date);
  }
  const total = lastDay - startDay;
  const holidayCount = [...holidays.values()].reduce((n, days) => n + days.length, 0);
  const working = total - holidayCount - weekend;
  const blocks = [...holidays].map(([name, days]) => ({ name, range: span(days[0]!, days.at(-1)!) }));
  say(
    out,
    `that is ${total} calendar days: ${working} working, ${holidayCount + weekend} not (${holidayCount} holiday, ${weekend} weekend)` +
      (blocks.length > 0
        ? `; holidays skipped: ${blocks.map((b) => `${holidayNameEn(b.name)} ${b.range}`).join(', ')}`
        : '') +
      (makeUp.length > 0 ? `; make-up working days counted: ${makeUp.join(', ')}` : ''),
    `共${total}个自然日：工作日${working}天，非工作日${holidayCount + weekend}天（节假日${holidayCount}天，周末${weekend}天）` +
      (blocks.length > 0 ? `；跳过节假日：${blocks.map((b) => `${b.name} ${b.range}`).join('、')}` : '') +
      (makeUp.length > 0 ? `；计入调休上班日：${makeUp.join('、')}` : ''),
  );
}

function explainHours(t: HourPeriodTrace, dueAt: number, out: Explanation): void {
  const office = t.officeHours
    ? ` (${clockTime(t.officeHours.start)}–${clockTime(t.officeHours.end)} on working days)`
    : '';
  const officeZh = t.officeHours
    ? `（工作日 ${clockTime(t.officeHours.start)}–${clockTime(t.officeHours.end)}）`
    : '';
  say(
    out,
    `${amountEn(t.amount, t.unit)}${office} from ${minute(t.startAt)} end at ${minute(t.plainDueAt)}`,
    `自 ${minute(t.startAt)} 起${amountZh(t.amount, t.unit)}${officeZh}，至 ${minute(t.plainDueAt)} 届满`,
  );
  let lost = 0;
  for (const p of t.pauses) {
    lost += p.lostMs;
    say(
      out,
      p.lostMs > 0
        ? `paused ${minute(p.from)} → ${minute(p.to)}: ${hoursOf(p.lostMs)} ${UNIT_EN[t.unit][1]} not counted`
        : `paused ${minute(p.from)} → ${minute(p.to)}: outside the counted time, no effect`,
      p.lostMs > 0
        ? `暂停 ${minute(p.from)} 至 ${minute(p.to)}：不计入${hoursOf(p.lostMs)}个${UNIT_ZH[t.unit]}`
        : `暂停 ${minute(p.from)} 至 ${minute(p.to)}：不在计时范围内，不影响期限`,
    );
  }
  if (lost > 0) {
    say(
      out,
      `the pauses add ${hoursOf(lost)} ${UNIT_EN[t.unit][1]}`,
      `暂停共顺延${hoursOf(lost)}个${UNIT_ZH[t.unit]}`,
    );
  }
  const iso = formatInstant(dueAt);
  say(out, `due at ${iso}`, `期限届满时间：${iso}`);
}
