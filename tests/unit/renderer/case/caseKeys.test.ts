import { describe, expect, it } from 'vitest';
import { LIMIT_NAMES } from '../../../../shared/domain/history';
import { TIME_UNITS } from '../../../../shared/deadlines';
import { TRANSITION_NAMES } from '../../../../shared/lifecycle';
import { createI18n, LOCALES } from '../../../../renderer/src/i18n';

const STATES = ['on_track', 'warning', 'due_today', 'overdue', 'met', 'missed'] as const;
const DAY_UNITS = ['calendar_days', 'working_days'] as const;

describe('the case drawer’s built keys', () => {
  it.each(LOCALES)('are translated in %s', (locale) => {
    const i18n = createI18n(locale);
    const keys = [
      ...LIMIT_NAMES.map((l) => `clock.limit.${l}`),
      ...STATES.map((s) => `clock.state.${s}`),
      ...TIME_UNITS.flatMap((u) => [`clock.left.${u}`, `clock.over.${u}`]),
      ...DAY_UNITS.map((u) => `clock.lessThanOne.${u}`),
      ...TRANSITION_NAMES.map((n) => `lifecycle.transition.${n}`),
    ];
    for (const key of keys) {
      // Plural keys exist as key_one / key_other; exists() resolves them with a count.
      expect(i18n.exists(key, { count: 2 }), `${locale} ${key}`).toBe(true);
    }
  });

  it('name the six limits as handlers know them', () => {
    const zh = createI18n('zh-CN');
    expect(LIMIT_NAMES.map((l) => zh.t(`clock.limit.${l}`))).toEqual([
      '受理时限',
      '企业答复时限',
      '调解意见反馈时限',
      '回访时限',
      '30日答复时限',
      '企业投诉处理时限',
    ]);
  });
});
