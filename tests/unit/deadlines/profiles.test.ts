import { describe, expect, it } from 'vitest';
import { buildCalendar, parseInstant } from '../../../shared/calendar';
import { LIMIT_NAMES } from '../../../shared/domain/history';
import { LIMIT_EFFECTS } from '../../../shared/lifecycle/clocks';
import { TRANSITIONS, TRANSITION_NAMES } from '../../../shared/lifecycle/transitions';
import {
  CURRENT_PROFILE,
  MEASURES_2014_PROFILE,
  RULE_PROFILES,
  computeClocks,
  findRuleProfile,
  parseRuleProfile,
} from '../../../shared/deadlines';
import type { LimitRule, RuleProfile, StartTrigger } from '../../../shared/deadlines';

const summary = (p: RuleProfile) =>
  Object.fromEntries(
    Object.entries(p.limits).map(([limit, r]) => [
      limit,
      `${r.amount} ${r.unit}${r.rollForward ? ' +roll' : ''} [${r.source.confidence}]`,
    ]),
  );

describe('shipped rule profiles', () => {
  it('are valid stored profiles and survive a JSON round trip', () => {
    for (const profile of RULE_PROFILES) {
      const parsed = parseRuleProfile(JSON.parse(JSON.stringify(profile)));
      expect(parsed, profile.id).toEqual({ ok: true, profile });
    }
    expect(RULE_PROFILES.map((p) => `${p.id}@${p.version}`)).toEqual([
      'current@1',
      'measures-2014@1',
      'carrier-desk@1',
    ]);
    expect(findRuleProfile('measures-2014')).toBe(MEASURES_2014_PROFILE);
    expect(findRuleProfile('2011')).toBeUndefined();
  });

  it('carry the limits of DOMAIN.md with their confidence', () => {
    expect(summary(CURRENT_PROFILE)).toEqual({
      acceptance: '2 working_days [U]',
      carrier_reply: '10 calendar_days +roll [S]',
      mediation_feedback: '3 working_days [S]',
      callback: '3 working_days [U]',
      overall_answer: '30 calendar_days +roll [C]',
      carrier_complaint: '7 calendar_days +roll [C]',
    });
    expect(summary(MEASURES_2014_PROFILE)).toEqual({
      acceptance: '2 working_days [C]',
      carrier_reply: '15 calendar_days +roll [S]',
      callback: '3 working_days [S]',
      overall_answer: '30 calendar_days +roll [C]',
    });
    expect(summary(findRuleProfile('carrier-desk')!)).toEqual({
      carrier_complaint: '7 calendar_days +roll [C]',
    });
    for (const p of RULE_PROFILES)
      for (const r of Object.values(p.limits)) expect(r.source.basis).toMatch(/DOMAIN §|邮政法|快递暂行条例/);
  });

  /** shared/lifecycle/clocks.ts states which transition starts and stops which limit; the profiles must agree. */
  it.each([CURRENT_PROFILE, MEASURES_2014_PROFILE])(
    '$id starts and stops clocks where the lifecycle says',
    (profile) => {
      for (const name of TRANSITION_NAMES) {
        const to = TRANSITIONS[name].to;
        const fires = (t: StartTrigger) =>
          t.on === 'received'
            ? name === 'register'
            : t.on === 'status'
              ? t.status === to
              : t.type === `transition.${name}`;
        for (const limit of LIMIT_NAMES) {
          const rule = profile.limits[limit];
          if (rule === undefined) continue;
          expect(rule.start.some(fires), `${name} starts ${limit}`).toBe(
            LIMIT_EFFECTS[name].starts.includes(limit),
          );
          if (LIMIT_EFFECTS[name].stops.includes(limit))
            expect(rule.stop.some(fires), `${name} stops ${limit}`).toBe(true);
        }
      }
    },
  );
});

describe('administrator-edited profiles', () => {
  const overall = CURRENT_PROFILE.limits.overall_answer as LimitRule;
  const edit = (limit: Partial<LimitRule>, extra: Partial<RuleProfile> = {}) =>
    parseRuleProfile({
      ...CURRENT_PROFILE,
      ...extra,
      id: 'local',
      limits: { overall_answer: { ...overall, ...limit } },
    });
  const issues = (r: ReturnType<typeof parseRuleProfile>) =>
    r.ok ? [] : r.issues.map((i) => `${i.path}: ${i.message}`);

  it('change deadlines without code: no roll-forward, or close of business', () => {
    const calendar = buildCalendar();
    const at = (iso: string) => parseInstant(`${iso}+08:00`);
    const overallFrom = (received: string, profile: RuleProfile) =>
      computeClocks({ receivedAt: at(received), history: [], profile, calendar, now: at(received) }).find(
        (c) => c.limit === 'overall_answer',
      );
    const noRoll = edit({ rollForward: false });
    const closeOfBusiness = edit({ dueAtTimeOfDay: '17:30' });
    if (!noRoll.ok || !closeOfBusiness.ok) throw new Error('edits should be valid');
    // 30 days from Sat 7 Mar 2026 end Mon 6 Apr, a Qingming holiday; from Sun 8 Mar they end Tue 7 Apr
    expect(overallFrom('2026-03-07T10:00', CURRENT_PROFILE)?.dueDate).toBe('2026-04-07');
    expect(overallFrom('2026-03-07T10:00', noRoll.profile)?.dueDate).toBe('2026-04-06');
    expect(overallFrom('2026-03-08T10:00', closeOfBusiness.profile)?.dueAt).toBe(at('2026-04-07T17:30'));
  });

  it('are refused with a reason when inconsistent', () => {
    expect(issues(edit({ unit: 'working_hours', rollForward: false }))).toEqual([
      'workingHours: a profile with working_hours limits must set workingHours',
    ]);
    expect(issues(edit({ unit: 'hours' }))).toEqual([
      'limits.overall_answer.unit: rollForward and dueAtTimeOfDay apply to day periods only',
    ]);
    expect(issues(edit({ stop: [] }))).toEqual([
      'limits.overall_answer.stop: a limit needs at least one stop trigger',
    ]);
    expect(issues(edit({ dueAtTimeOfDay: '25:00' }))).toEqual([
      'limits.overall_answer.dueAtTimeOfDay: must be HH:MM, from 00:00 to 24:00',
    ]);
    expect(issues(edit({}, { workingHours: { start: '17:30', end: '08:30' } }))).toEqual([
      'workingHours: working hours must end after they start',
    ]);
    expect(issues(edit({ pauseIn: ['on_hold' as never] }))[0]).toMatch(
      /^limits\.overall_answer\.pauseIn\.0: /,
    );
    expect(issues(edit({ amount: 0 }))[0]).toMatch(/^limits\.overall_answer\.amount: /);
    expect(issues(parseRuleProfile({ ...CURRENT_PROFILE, limits: { answer: overall } }))[0]).toBe(
      'limits: Unrecognized key: "answer"',
    );
  });
});
