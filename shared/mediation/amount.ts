const DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'] as const;
const PLACES = ['', '拾', '佰', '仟'] as const;
const SECTIONS = ['', '万', '亿', '万亿'] as const;

/** One group of four digits (0–9999), with 零 for the zeros between its digits. */
function group(n: number): string {
  let out = '';
  let zero = false;
  for (let place = 3; place >= 0; place--) {
    const d = Math.floor(n / 10 ** place) % 10;
    if (d === 0) {
      if (out) zero = true;
      continue;
    }
    if (zero) out += '零';
    zero = false;
    out += DIGITS[d]! + PLACES[place]!;
  }
  return out;
}

function integerPart(n: number): string {
  const groups: number[] = [];
  for (let rest = n; rest > 0; rest = Math.floor(rest / 10_000)) groups.unshift(rest % 10_000);
  let out = '';
  let zero = false;
  groups.forEach((g, i) => {
    if (g === 0) {
      if (out) zero = true;
      return;
    }
    // A skipped group, or a group that does not fill its thousands, reads 零 before it.
    if (out && (zero || g < 1000)) out += '零';
    zero = false;
    out += group(g) + SECTIONS[groups.length - 1 - i]!;
  });
  return out;
}

/**
 * An amount in fen as written on a Chinese financial document (人民币大写, as 《支付结算办法》
 * prescribes): 整 after 元 and may follow 角, never after 分; one 零 for a run of zeros,
 * including a zero units place before 角 or a zero 角 before 分. 168032 → 壹仟陆佰捌拾元零叁角贰分.
 */
export function fenToUppercase(fen: number): string {
  if (!Number.isSafeInteger(fen) || fen < 0) throw new RangeError(`not an amount in fen: ${fen}`);
  const yuan = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const cents = fen % 10;
  if (fen === 0) return '零元整';
  let out = yuan > 0 ? `${integerPart(yuan)}元` : '';
  if (jiao === 0 && cents === 0) return `${out}整`;
  if (jiao > 0) out += `${yuan > 0 && yuan % 10 === 0 ? '零' : ''}${DIGITS[jiao]}角`;
  else if (yuan > 0) out += '零';
  return cents > 0 ? `${out}${DIGITS[cents]}分` : `${out}整`;
}

/** 1234.5 yuan as `1,234.50`. */
export function formatYuan(fen: number): string {
  const yuan = Math.floor(fen / 100);
  return `${yuan.toLocaleString('en-US')}.${String(fen % 100).padStart(2, '0')}`;
}
