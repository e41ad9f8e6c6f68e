import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fenToUppercase, formatYuan } from '../../../shared/mediation/amount';

describe('人民币大写', () => {
  it.each([
    [0, '零元整'],
    [50, '伍角整'],
    [5, '伍分'],
    [100, '壹元整'],
    [105, '壹元零伍分'],
    [1010, '壹拾元零壹角整'],
    [20_000, '贰佰元整'],
    [25_050, '贰佰伍拾元零伍角整'],
    [168_032, '壹仟陆佰捌拾元零叁角贰分'],
    [100_500_00, '壹拾万零伍佰元整'],
    [100_000_000, '壹佰万元整'],
    [1_000_000_000, '壹仟万元整'],
    [10_000_010_000, '壹亿零壹佰元整'],
    [1_001_000_000, '壹仟零壹万元整'],
    [9_009_090_099, '玖仟零玖万零玖佰元零玖角玖分'],
  ])('%i fen → %s', (fen, text) => {
    expect(fenToUppercase(fen)).toBe(text);
  });

  it('refuses what is not an amount in fen', () => {
    expect(() => fenToUppercase(-1)).toThrow(RangeError);
    expect(() => fenToUppercase(1.5)).toThrow(RangeError);
  });

  it('never doubles 零, never ends in 零, and writes 整 exactly when there are no 分', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000_000 }), (fen) => {
        const text = fenToUppercase(fen);
        expect(text).not.toMatch(/零零|零$|^零/);
        expect(text.endsWith('整')).toBe(fen % 10 === 0);
      }),
    );
  });

  it('formats yuan with two decimals and thousands separators', () => {
    expect(formatYuan(25_050)).toBe('250.50');
    expect(formatYuan(123_456_789)).toBe('1,234,567.89');
  });
});
