import { describe, expect, it } from 'vitest';
import { CURRENT_PROFILE, parseRuleProfile } from '../../../shared/deadlines';
import { DEFAULT_RULES, ruleSchema } from '../../../shared/escalation/rules';
import { editLimit, preBreachMode } from '../../../renderer/src/rules/drafts';

describe('profile edits on the rules screen', () => {
  it('changes one limit and leaves the stored profile alone', () => {
    const edited = editLimit(CURRENT_PROFILE, 'callback', { amount: 5, workingDaysLeft: null });
    expect(edited.limits.callback).toMatchObject({ amount: 5, warning: { elapsedPercent: 80 } });
    expect(edited.limits.callback?.warning).not.toHaveProperty('workingDaysLeft');
    expect(CURRENT_PROFILE.limits.callback?.amount).toBe(3);
    expect(edited.limits.acceptance).toBe(CURRENT_PROFILE.limits.acceptance);
    expect(parseRuleProfile(edited).ok).toBe(true);
  });

  it('turns roll-forward off when a day limit becomes an hour limit, so the profile stays valid', () => {
    const hours = editLimit(CURRENT_PROFILE, 'overall_answer', { unit: 'hours', amount: 72 });
    expect(hours.limits.overall_answer).toMatchObject({
      unit: 'hours',
      rollForward: false,
      dueAtTimeOfDay: '24:00',
    });
    expect(parseRuleProfile(hours).ok).toBe(true);
    // Working hours need the profile's office hours: the schema says so, the screen shows it.
    const working = editLimit(CURRENT_PROFILE, 'overall_answer', { unit: 'working_hours' });
    const parsed = parseRuleProfile(working);
    expect(parsed.ok ? [] : parsed.issues.map((i) => i.path)).toEqual(['workingHours']);
  });

  it('ignores a limit the profile does not have', () => {
    const desk = { ...CURRENT_PROFILE, limits: { acceptance: CURRENT_PROFILE.limits.acceptance } };
    expect(editLimit(desk, 'callback', { amount: 9 })).toBe(desk);
  });
});

describe('pre-breach threshold switch', () => {
  const pre = DEFAULT_RULES.find((r) => r.id === 'pre_breach.4h')!;
  const params = pre.params as Extract<typeof pre.params, { kind: 'pre_breach' }>;

  it('keeps exactly one threshold, so the rule stays valid either way', () => {
    const share = preBreachMode(params, 'share');
    expect(share).not.toHaveProperty('workingHoursBefore');
    expect(share.periodPercent).toBe(80);
    expect(ruleSchema.safeParse({ ...pre, params: share }).success).toBe(true);
    const back = preBreachMode({ ...share, periodPercent: 60 }, 'hours');
    expect(back).not.toHaveProperty('periodPercent');
    expect(back.workingHoursBefore).toBe(4);
    expect(ruleSchema.safeParse({ ...pre, params: back }).success).toBe(true);
  });
});
