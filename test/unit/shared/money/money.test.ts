// Money in fen: typing, printing, adding, converting, and the capital numerals a reimbursement
// sheet needs, checked against cases written out by hand from the banks' rules.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { capitalAmount, convertToFen, formatYuan, MAX_INPUT_FEN, MINOR_DIGITS, parseYuan, sumFen } from '../../../../shared/money/money';

const yuan = (n: number) => Math.round(n * 100);

describe('capitalAmount', () => {
  const cases: Array<[number, string]> = [
    [0, '零元整'],
    [yuan(0.05), '伍分'],
    [yuan(0.5), '伍角整'],
    [yuan(0.55), '伍角伍分'],
    [yuan(1), '壹元整'],
    [yuan(10), '壹拾元整'],
    [yuan(10.05), '壹拾元零伍分'],
    [yuan(11), '壹拾壹元整'],
    [yuan(12.3), '壹拾贰元叁角整'],
    [yuan(20), '贰拾元整'],
    [yuan(100), '壹佰元整'],
    [yuan(100.09), '壹佰元零玖分'],
    [yuan(101), '壹佰零壹元整'],
    [yuan(110), '壹佰壹拾元整'],
    [yuan(325.04), '叁佰贰拾伍元零肆分'],
    [yuan(1005), '壹仟零伍元整'],
    [yuan(1010), '壹仟零壹拾元整'],
    [yuan(1409.5), '壹仟肆佰零玖元伍角整'],
    [yuan(1680.32), '壹仟陆佰捌拾元叁角贰分'],
    [yuan(6007.14), '陆仟零柒元壹角肆分'],
    [yuan(10000), '壹万元整'],
    [yuan(10001), '壹万零壹元整'],
    [yuan(16409.02), '壹万陆仟肆佰零玖元零贰分'],
    [yuan(100000), '壹拾万元整'],
    [yuan(100010), '壹拾万零壹拾元整'],
    [yuan(107000.53), '壹拾万柒仟元伍角叁分'],
    [yuan(110000), '壹拾壹万元整'],
    [yuan(1000000.09), '壹佰万元零玖分'],
    // Zeros down to the 万 digit, then a 仟: the rules allow 零 or nothing; we write nothing.
    [yuan(1001000), '壹佰万壹仟元整'],
    [yuan(1000100), '壹佰万零壹佰元整'],
    [yuan(10000000), '壹仟万元整'],
    [yuan(100000000), '壹亿元整'],
    [yuan(100000001), '壹亿零壹元整'],
    [yuan(100100000), '壹亿零壹拾万元整'],
    [yuan(110000000), '壹亿壹仟万元整'],
    [yuan(1000000000), '壹拾亿元整'],
    [yuan(1000010000), '壹拾亿零壹万元整'],
    [yuan(1234567890.12), '壹拾贰亿叁仟肆佰伍拾陆万柒仟捌佰玖拾元壹角贰分'],
    [yuan(1000000000000), '壹万亿元整'],
  ];
  it.each(cases)('%i fen is %s', (fen, words) => {
    expect(capitalAmount(fen)).toBe(words);
  });

  it('refuses negative and fractional amounts', () => {
    expect(() => capitalAmount(-1)).toThrow(RangeError);
    expect(() => capitalAmount(1.5)).toThrow(RangeError);
  });

  it('never writes two 零 in a row, nor 零 before 元 or at the end, for any amount', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: MAX_INPUT_FEN }), (fen) => {
        const words = capitalAmount(fen);
        expect(words).not.toMatch(/零零|零元|零万|零亿|零整|^零|^拾/);
        expect(words.endsWith('分') !== words.endsWith('整')).toBe(true);
        expect(words.endsWith('分')).toBe(fen % 10 !== 0);
      }),
    );
  });
});

describe('parseYuan', () => {
  it('reads yuan as typed into fen', () => {
    expect(parseYuan('1005')).toBe(100500);
    expect(parseYuan('1,005.5')).toBe(100550);
    expect(parseYuan('1005.50')).toBe(100550);
    expect(parseYuan('１００５')).toBe(100500);
    expect(parseYuan('１，００５．０５')).toBe(100505);
    expect(parseYuan(' ¥1,005.50 ')).toBe(100550);
    expect(parseYuan('￥0.01')).toBe(1);
    expect(parseYuan('0')).toBe(0);
    expect(parseYuan('100000000')).toBe(MAX_INPUT_FEN);
  });

  it('refuses what is not a plain amount', () => {
    for (const text of ['', ' ', '-5', '1.005', '1.', '.5', 'NaN', 'Infinity', '1e3', '1,00.5', '10,05', '1 005', '100000000.01', '1000000000', '0x10', '12元'])
      expect(parseYuan(text), text).toBeNull();
  });

  it('gives back what formatYuan prints', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_INPUT_FEN }), fc.boolean(), fc.boolean(), (fen, symbol, grouping) => {
        expect(parseYuan(formatYuan(fen, { symbol, grouping }))).toBe(fen);
      }),
    );
  });
});

describe('formatYuan', () => {
  it('prints fen as yuan with two decimals', () => {
    expect(formatYuan(100550)).toBe('¥1,005.50');
    expect(formatYuan(100550, { symbol: false })).toBe('1,005.50');
    expect(formatYuan(100550, { grouping: false })).toBe('¥1005.50');
    expect(formatYuan(0)).toBe('¥0.00');
    expect(formatYuan(5)).toBe('¥0.05');
    expect(formatYuan(123456789012)).toBe('¥1,234,567,890.12');
    expect(formatYuan(-100550)).toBe('-¥1,005.50');
    expect(() => formatYuan(0.5)).toThrow(RangeError);
  });
});

describe('sumFen', () => {
  it('adds integers and refuses to overflow', () => {
    expect(sumFen([])).toBe(0);
    expect(sumFen([100, 250, -50])).toBe(300);
    expect(sumFen(new Set([1, 2]))).toBe(3);
    expect(sumFen([Number.MAX_SAFE_INTEGER - 1, 1])).toBe(Number.MAX_SAFE_INTEGER);
    expect(() => sumFen([Number.MAX_SAFE_INTEGER, 1])).toThrow(RangeError);
    expect(() => sumFen([Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER])).toThrow(RangeError);
    expect(() => sumFen([1.5])).toThrow(RangeError);
    expect(() => sumFen([Number.NaN])).toThrow(RangeError);
  });
});

describe('convertToFen', () => {
  it('knows the minor digits', () => {
    expect(MINOR_DIGITS).toEqual({ CNY: 2, USD: 2, EUR: 2, HKD: 2, JPY: 0, GBP: 2 });
  });

  it('converts with the rate exactly and rounds half up to the fen', () => {
    expect(convertToFen(10000, 'USD', '7.1234')).toBe(71234); // 100 dollars
    expect(convertToFen(1, 'USD', '7.1234')).toBe(7); // 0.071234 yuan
    expect(convertToFen(1, 'USD', '7.15')).toBe(7); // 7.15 fen
    expect(convertToFen(10, 'USD', '7.15')).toBe(72); // 71.5 fen: half up
    expect(convertToFen(1000, 'JPY', '0.048123')).toBe(4812); // 1000 yen = 48.123 yuan
    expect(convertToFen(1000, 'JPY', '0.048125')).toBe(4813); // 48.125: half up
    expect(convertToFen(100, 'JPY', '0.0485')).toBe(485);
    expect(convertToFen(12345, 'CNY', '1')).toBe(12345);
    expect(convertToFen(0, 'EUR', '7.8')).toBe(0);
    // Floating point would give 0.29 × 100 = 28.999…: BigInt does not.
    expect(convertToFen(29, 'HKD', '1.000000')).toBe(29);
  });

  it('refuses malformed rates and amounts', () => {
    for (const rate of ['', '7.1234567', '-7', '7,12', 'abc', '0', '0.000000', '1e2']) expect(() => convertToFen(100, 'USD', rate), rate).toThrow(RangeError);
    expect(() => convertToFen(-1, 'USD', '7')).toThrow(RangeError);
    expect(() => convertToFen(0.5, 'USD', '7')).toThrow(RangeError);
    expect(() => convertToFen(Number.MAX_SAFE_INTEGER, 'USD', '999999')).toThrow(RangeError);
  });
});
