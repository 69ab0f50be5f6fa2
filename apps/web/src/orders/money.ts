import type { Locale } from '../i18n/locales.ts';

/**
 * Money on the order pages: integer fen from the server, shown as the locale writes it
 * (`formatMoney` of the configurator), and the few amounts people type (a down payment in yuan).
 */
export { formatMoney, formatMoneyDelta } from '../storefront/configure/price-breakdown.ts';

/** An APR in basis points: 388 -> "3.88%", 0 -> "0%". */
export function formatApr(bp: number, locale: Locale): string {
  return new Intl.NumberFormat(locale, {
    style: 'percent',
    minimumFractionDigits: 0,
    maximumFractionDigits: 2,
  }).format(bp / 10_000);
}

/**
 * What a person typed as an amount in yuan ("50000", "50,000", "¥50,000.50", "５００００") ->
 * fen, or null when it is not a non-negative amount with at most two decimals.
 */
export function parseYuan(text: string): number | null {
  const normalised = text
    .normalize('NFKC')
    .replace(/[\s,，¥￥]/g, '')
    .replace(/元$/, '');
  if (!/^\d+(\.\d{1,2})?$/.test(normalised)) return null;
  const [whole = '0', fraction = ''] = normalised.split('.');
  const fen = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  return Number.isSafeInteger(fen) ? fen : null;
}

/** Fen as the plain number a person would type back in yuan: 5000000 -> "50000", 1250 -> "12.5". */
export function yuanInputOf(fen: number): string {
  const whole = Math.trunc(fen / 100);
  const cents = Math.abs(fen % 100);
  if (cents === 0) return String(whole);
  return `${whole}.${String(cents).padStart(2, '0').replace(/0$/, '')}`;
}

/** `fen` rounded up to a whole yuan. */
export function ceilToYuan(fen: number): number {
  return Math.ceil(fen / 100) * 100;
}

/**
 * The down payment a finance step starts from: 30 % of the price, but never below the offer's
 * minimum or the lock deposit (which is paid in cash before any loan pays out), in whole yuan.
 * Only a starting value: the server checks the choice again.
 */
export function suggestedDownPayment(price: number, minDownBp: number, lockDeposit: number): number {
  const minimum = Math.max(Math.ceil((price * minDownBp) / 10_000), lockDeposit);
  return ceilToYuan(Math.max(minimum, Math.ceil(price * 0.3)));
}
