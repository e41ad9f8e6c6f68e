import { describe, expect, it } from 'vitest';
import { PROFILE_MESSAGES } from '../../../shared/deadlines/messages';
import { ESCALATION_MESSAGES } from '../../../shared/escalation/messages';
import { RULE_REFINEMENT_KEYS } from '../../../shared/escalation/rules';
import { VALIDATION_MESSAGES } from '../../../shared/validation/messages';

describe('administrators’ validation messages', () => {
  it.each([
    ['profiles', PROFILE_MESSAGES],
    ['validation', VALIDATION_MESSAGES],
  ])('%s: the same keys in both languages', (_, catalogue) => {
    expect(Object.keys(catalogue.en).sort()).toEqual(Object.keys(catalogue['zh-CN']).sort());
  });

  it('has a text for every escalation-rule refinement', () => {
    for (const key of Object.values(RULE_REFINEMENT_KEYS)) {
      expect(ESCALATION_MESSAGES.en).toHaveProperty([key]);
      expect(ESCALATION_MESSAGES['zh-CN']).toHaveProperty([key]);
    }
  });
});
