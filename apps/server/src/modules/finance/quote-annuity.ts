/**
 * The standard annuity (equal monthly instalments) of a car loan, in integer fen.
 *
 * principal P = price - down payment; monthly rate r = APR / 12; n months:
 * instalment = P * r / (1 - (1 + r)^-n), rounded to the fen (half up); total interest =
 * instalment * n - P. At 0 % APR the instalment is P / n rounded to the fen, and the last
 * instalment takes the rounding difference, so the customer pays back exactly P and the interest
 * is exactly 0 (never a negative "interest" from rounding down).
 */
export type AnnuityInput = {
  price: number;
  downPayment: number;
  aprBp: number;
  termMonths: number;
};

export type Annuity = {
  principal: number;
  instalment: number;
  /** Equal to `instalment`, except at 0 % APR where it absorbs the rounding. */
  finalInstalment: number;
  totalInterest: number;
  /** What the customer pays the lender: every instalment. */
  totalRepayable: number;
};

export function quoteAnnuity(input: AnnuityInput): Annuity {
  const { price, downPayment, aprBp, termMonths: n } = input;
  for (const [name, v] of Object.entries(input)) {
    if (!Number.isSafeInteger(v) || v < 0) throw new RangeError(`${name} must be a non-negative integer`);
  }
  if (n < 1) throw new RangeError('termMonths must be at least 1');
  if (downPayment > price) throw new RangeError('downPayment must not exceed price');
  const principal = price - downPayment;
  if (principal === 0) {
    return { principal, instalment: 0, finalInstalment: 0, totalInterest: 0, totalRepayable: 0 };
  }
  if (aprBp === 0) {
    const instalment = Math.round(principal / n);
    const finalInstalment = principal - instalment * (n - 1);
    return { principal, instalment, finalInstalment, totalInterest: 0, totalRepayable: principal };
  }
  const r = aprBp / 10_000 / 12;
  const instalment = Math.round((principal * r) / (1 - (1 + r) ** -n));
  const totalRepayable = instalment * n;
  return {
    principal,
    instalment,
    finalInstalment: instalment,
    totalInterest: totalRepayable - principal,
    totalRepayable,
  };
}

/** The smallest down payment (fen, rounded up) that meets `minDownBp` of `price`. */
export function minimumDownPayment(price: number, minDownBp: number): number {
  return Math.ceil((price * minDownBp) / 10_000);
}
