import { describe, expect, it } from 'vitest';
import { registerMessages, translate } from '../../../shared/i18n/translate';
import { messages } from '../../../shared/i18n/messages';

describe('translate', () => {
  it('interpolates parameters and falls back to English, then to the key', () => {
    expect(translate('zh-CN', 'validation.tooLong', { max: 4000 })).toBe('过长：最多 4000 个字符');
    registerMessages({ en: { 'only.english': 'Only {{x}}' } });
    expect(translate('zh-CN', 'only.english', { x: 1 })).toBe('Only 1');
    expect(translate('en', 'no.such.key')).toBe('no.such.key');
  });

  it('resolves i18next-style nesting chosen by a parameter', () => {
    registerMessages({
      'zh-CN': { 't.status.closed': '已结案', 't.refused': '当前状态（$t(t.status.{{status}})）不能办理' },
    });
    expect(translate('zh-CN', 't.refused', { status: 'closed' })).toBe('当前状态（已结案）不能办理');
  });

  it('has the same keys in both languages', () => {
    expect(Object.keys(messages['zh-CN']).sort()).toEqual(Object.keys(messages.en).sort());
  });
});
