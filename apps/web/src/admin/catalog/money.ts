// Prices are stored in fen (integer minor units) and typed in yuan. The conversion works on the
// digits, never through floating-point arithmetic, so 0.29 yuan is exactly 29 fen.

const YUAN_TEXT = /^([-−])?(\d{1,13})(?:\.(\d{1,2}))?$/;

/** "1,299.5" -> 129950; null for anything that is not a yuan amount with at most two decimals. */
export function yuanToFen(text: string): number | null {
  const match = YUAN_TEXT.exec(text.trim().replace(/[,\s¥￥]/g, ''));
  if (!match) return null;
  const [, sign, whole = '0', fraction = ''] = match;
  const fen = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  if (!Number.isSafeInteger(fen)) return null;
  return sign && fen !== 0 ? -fen : fen;
}

/** 129950 -> "1299.50", 120000 -> "1200", -300000 -> "-3000": what an input field shows. */
export function fenToYuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const whole = Math.floor(abs / 100);
  const rest = abs % 100;
  return rest === 0 ? `${sign}${whole}` : `${sign}${whole}.${String(rest).padStart(2, '0')}`;
}

/** 129950 -> "¥1,299.50" for reading (lists, reports). */
export function formatFen(fen: number, locale: string, currency = 'CNY'): string {
  const format = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    minimumFractionDigits: fen % 100 === 0 ? 0 : 2,
    maximumFractionDigits: 2,
  });
  return format.format(fen / 100);
}
