import { describe, expect, it } from 'vitest';
import { ESCALATION_MESSAGES } from '../../../shared/escalation/messages';
import { DEFAULT_RULES, ruleSchema } from '../../../shared/escalation/rules';

describe('escalation rules as data', () => {
  it('ships one valid rule per kind, each id unique', () => {
    for (const rule of DEFAULT_RULES) expect(ruleSchema.parse(rule)).toEqual(rule);
    expect(new Set(DEFAULT_RULES.map((r) => r.params.kind)).size).toBe(8);
    expect(new Set(DEFAULT_RULES.map((r) => r.id)).size).toBe(DEFAULT_RULES.length);
  });

  it('refuses parameters an administrator could get wrong', () => {
    const base = DEFAULT_RULES[0]!;
    const bad = [
      { ...base, level: 4 },
      { ...base, params: { kind: 'pre_breach', limits: [], workingHoursBefore: 0 } },
      {
        ...base,
        params: { kind: 'pre_breach', workingHoursBefore: 4, officeHours: { start: 1050, end: 510 } },
      },
      { ...base, params: { kind: 'repeat_appeals', days: 30, minCount: 1 } },
      { ...base, params: { kind: 'sensitive_words', words: [] } },
      { ...base, params: { kind: 'claim_amount', thresholdFen: 12.5 } },
      { ...base, params: { kind: 'no_such_rule' } },
      { ...base, actions: ['email'] },
    ];
    for (const b of bad) expect(ruleSchema.safeParse(b).success, JSON.stringify(b)).toBe(false);
  });

  it('has the same message keys in both languages', () => {
    expect(Object.keys(ESCALATION_MESSAGES.en).sort()).toEqual(
      Object.keys(ESCALATION_MESSAGES['zh-CN']).sort(),
    );
  });
});
