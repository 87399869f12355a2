// Money arithmetic and wording for reimbursement. Amounts are integer minor units (fen for CNY)
// from the moment they are typed until they are printed: floating-point yuan would put a stray
// fen on a reimbursement sheet sooner or later, and finance reconciles to the fen.
//
// Capital numerals (大写金额), as banks and finance offices require them on cheques and
// reimbursement sheets (《支付结算办法》 annex 《正确填写票据和结算凭证的基本规定》 and
// 《会计基础工作规范》 art. 52):
// - Digits 零壹贰叁肆伍陆柒捌玖, units 拾佰仟 inside a group of four, 万 and 亿 for the groups,
//   then 元角分. A ten is always written with its digit: 10 is 壹拾, never 拾 (a bare 拾 can be
//   prefixed by anyone).
// - A run of zeros between two non-zero digits is written as one 零: 1005 壹仟零伍, 100,010
//   壹拾万零壹拾, 100,000,001 壹亿零壹. Zeros at the end of the yuan are not written.
// - Where the 万 (or 亿) digit is 0 and the next digit below it is not (107,000), and where the
//   元 digit is 0 and 角 is not (1,680.32), the rules allow 零 or nothing: we write nothing
//   (壹拾万柒仟元整, 壹仟陆佰捌拾元叁角贰分), the same choice at every such boundary.
// - 角 is 0 and 分 is not: 零 is required after 元 (10.05 壹拾元零伍分; 1,000,000.09
//   壹佰万元零玖分).
// - 整 follows an amount that ends at 元 or at 角 (art. 52): 1005 壹仟零伍元整, 12.30
//   壹拾贰元叁角整; an amount with 分 has no 整. Under one yuan there is no 元 and no leading 零:
//   0.50 伍角整, 0.05 伍分. Nothing at all is 零元整.
// - The 人民币 prefix is the printed form's, not part of the amount.
import type { Currency } from '../domain/money';

/** Minor-unit digits per currency: fen and cents have 2, the yen has none. */
export const MINOR_DIGITS = { CNY: 2, USD: 2, EUR: 2, HKD: 2, JPY: 0, GBP: 2 } as const satisfies Record<Currency, number>;

/** The largest amount a user may enter: 100 million yuan, as minorSchema allows. */
export const MAX_INPUT_FEN = 10_000_000_000;

const FULL_WIDTH = /[\uFF10-\uFF19\uFF0C\uFF0E\u3000]/g;

/** Full-width digits, comma, full stop and space (Chinese input methods) to their ASCII forms. */
function halfWidth(text: string): string {
  return text.replace(FULL_WIDTH, (c) => {
    if (c === '\uFF0C') return ',';
    if (c === '\uFF0E') return '.';
    if (c === '\u3000') return ' ';
    return String.fromCharCode(c.charCodeAt(0) - 0xff10 + 0x30);
  });
}

// Commas must group by thousands when present: "1,00.5" is a typo, not 100.5 yuan.
const YUAN_TEXT = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/;

/**
 * Yuan as typed ('1005', '1,005.5', '¥1005.50', '１００５') to fen; null for anything that is not
 * a plain non-negative amount with at most two decimals and at most 100 million yuan.
 */
export function parseYuan(text: string): number | null {
  const cleaned = halfWidth(text)
    .trim()
    .replace(/^[¥￥]\s*/, '');
  const m = YUAN_TEXT.exec(cleaned);
  if (!m) return null;
  const whole = (m[1] ?? '').replace(/,/g, '');
  // Compared as text first: a long digit string would lose precision as a number.
  const digits = whole.replace(/^0+(?=\d)/, '');
  if (digits.length > 9) return null;
  const fen = Number(digits) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return fen <= MAX_INPUT_FEN ? fen : null;
}

export interface FormatYuanOptions {
  /** Prefix ¥ (default true). */
  symbol?: boolean;
  /** Group thousands with commas (default true). */
  grouping?: boolean;
}

/** Fen as yuan with two decimals: 100550 → '¥1,005.50'. Negative amounts (a refund due) get a '-'. */
export function formatYuan(fen: number, options: FormatYuanOptions = {}): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`not an amount in fen: ${fen}`);
  const abs = Math.abs(fen);
  let whole = String(Math.floor(abs / 100));
  if (options.grouping ?? true) whole = whole.replace(/\B(?=(\d{3})+$)/g, ',');
  const cents = String(abs % 100).padStart(2, '0');
  return `${fen < 0 ? '-' : ''}${(options.symbol ?? true) ? '¥' : ''}${whole}.${cents}`;
}

/** The sum of amounts in fen; RangeError for a non-integer or a total past Number.MAX_SAFE_INTEGER. */
export function sumFen(values: Iterable<number>): number {
  let total = 0;
  for (const v of values) {
    if (!Number.isSafeInteger(v)) throw new RangeError(`not an amount in fen: ${v}`);
    // Two safe integers add exactly unless the true sum leaves the safe range, and then the
    // rounded result is outside it too: checking the result is enough.
    total += v;
    if (!Number.isSafeInteger(total)) throw new RangeError('sum of amounts overflows');
  }
  return total;
}

/** An exchange rate as written on a bank's rate sheet: CNY per one unit, up to 6 decimals. */
const RATE_TEXT = /^(\d{1,6})(?:\.(\d{1,6}))?$/;
const RATE_SCALE = 1_000_000n;

/**
 * A foreign amount (in its own minor units: cents, or whole yen) in fen at `rate` ('7.1234' CNY
 * per unit), rounded half up to the fen. Computed on integers (BigInt) so that the rate's six
 * decimals are exact. RangeError for a malformed or zero rate or a negative amount.
 */
export function convertToFen(amountMinor: number, currency: Currency, rate: string): number {
  if (!Number.isSafeInteger(amountMinor) || amountMinor < 0) throw new RangeError(`not an amount: ${amountMinor}`);
  const m = RATE_TEXT.exec(rate.trim());
  if (!m) throw new RangeError(`not an exchange rate: ${rate}`);
  const scaledRate = BigInt(m[1] ?? '0') * RATE_SCALE + BigInt((m[2] ?? '').padEnd(6, '0'));
  if (scaledRate === 0n) throw new RangeError('exchange rate is zero');
  // fen = amountMinor / 10^digits × rate × 100, with rate = scaledRate / 10^6.
  const numerator = BigInt(amountMinor) * scaledRate * 100n;
  const denominator = 10n ** BigInt(MINOR_DIGITS[currency]) * RATE_SCALE;
  const fen = (numerator * 2n + denominator) / (denominator * 2n);
  if (fen > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError('converted amount overflows');
  return Number(fen);
}

// --- 大写金额 ------------------------------------------------------------------------------------

const DIGITS = '零壹贰叁肆伍陆柒捌玖';
const GROUP_UNITS = ['仟', '佰', '拾', ''] as const;

const digit = (n: number): string => DIGITS[n] ?? '';

/** 1..9999 with its inner zeros: 1005 壹仟零伍, 1010 壹仟零壹拾, 10 壹拾. */
function group(n: number): string {
  const ds = String(n).padStart(4, '0');
  let out = '';
  let zero = false;
  for (let i = 0; i < 4; i++) {
    const d = Number(ds[i]);
    if (d === 0) {
      zero = out !== '';
      continue;
    }
    if (zero) out += '零';
    zero = false;
    out += digit(d) + GROUP_UNITS[i];
  }
  return out;
}

/**
 * A positive whole number of yuan. The part below 亿 (or 万) starts with 零 when its leading
 * digits are zero, which is what makes one 零 of a zero run that crosses a group boundary.
 */
function integer(n: number): string {
  for (const [size, unit] of [
    [100_000_000, '亿'],
    [10_000, '万'],
  ] as const) {
    if (n >= size) {
      const high = Math.floor(n / size);
      const low = n % size;
      if (low === 0) return integer(high) + unit;
      return integer(high) + unit + (low < size / 10 ? '零' : '') + integer(low);
    }
  }
  return group(n);
}

/** Fen in capital numerals (大写金额): 100500 → '壹仟零伍元整'. See the header for the rules. */
export function capitalAmount(fen: number): string {
  if (!Number.isSafeInteger(fen) || fen < 0) throw new RangeError(`not an amount in fen: ${fen}`);
  if (fen === 0) return '零元整';
  const yuan = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const cents = fen % 10;
  let out = yuan > 0 ? `${integer(yuan)}元` : '';
  if (jiao > 0) out += `${digit(jiao)}角`;
  else if (cents > 0 && yuan > 0) out += '零';
  out += cents > 0 ? `${digit(cents)}分` : '整';
  return out;
}
