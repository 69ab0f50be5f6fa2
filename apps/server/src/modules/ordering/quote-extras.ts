import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import {
  type FinanceQuote,
  type FinanceRefusal,
  type InsuranceQuote,
  type InsuranceQuoteResult,
  quoteFinanceOffer,
  quoteInsuranceProducts,
} from '../finance/index.ts';
import { assertAuthorized } from '../identity/index.ts';
import { orderNotFound } from './order-errors.ts';
import type { OrderTerms } from './order-terms.ts';
import { type PricedConfiguration, priceConfiguration } from './price-configuration.ts';
import { assertOrderAccess, findOrderByRef } from './read-orders.ts';

/** What a customer chooses of a finance offer; the price comes from the server. */
export type FinanceChoice = { offerId: string; downPayment: number; termMonths: number };

type Vehicle = { modelLine: string; price: number; currency: string };

const FIELD_OF: Record<FinanceRefusal | 'offer_not_found', 'offerId' | 'termMonths' | 'downPayment'> = {
  offer_not_found: 'offerId',
  offer_inactive: 'offerId',
  model_line_not_covered: 'offerId',
  currency_mismatch: 'offerId',
  term_not_offered: 'termMonths',
  down_payment_too_low: 'downPayment',
  down_payment_too_high: 'downPayment',
};

/**
 * Quotes a finance choice for a vehicle price; a refusal is 422 `finance.<reason>` naming the
 * field (`<prefix>offerId`, `termMonths` or `downPayment`) with the minimum down payment and the
 * offer's terms. With order terms, the down payment must also cover the lock deposit (the
 * deposit is paid in cash before the loan pays out): 422 `ordering.down_payment_below_deposit`.
 */
export async function quoteFinanceFor(
  ctx: Ctx,
  vehicle: Vehicle,
  choice: FinanceChoice,
  options: { fieldPrefix?: string; terms?: OrderTerms } = {},
): Promise<FinanceQuote> {
  const prefix = options.fieldPrefix ?? '';
  const result = await quoteFinanceOffer(ctx, choice.offerId, {
    modelLine: vehicle.modelLine,
    price: vehicle.price,
    currency: vehicle.currency,
    downPayment: choice.downPayment,
    termMonths: choice.termMonths,
  });
  if (!result.ok) {
    throw new AppError('unprocessable', `finance.${result.reason}`, result.detail, {
      fields: [{ path: `${prefix}${FIELD_OF[result.reason]}`, message: result.detail }],
      extra:
        'minDownPayment' in result
          ? { minDownPayment: result.minDownPayment, termsMonths: result.termsMonths }
          : {},
    });
  }
  if (options.terms && choice.downPayment < options.terms.lockDeposit) {
    throw new AppError(
      'unprocessable',
      'ordering.down_payment_below_deposit',
      `With finance, the down payment must be at least the lock deposit (${options.terms.lockDeposit} fen).`,
      {
        fields: [{ path: `${prefix}downPayment`, message: 'At least the lock deposit' }],
        extra: { minDownPayment: Math.max(options.terms.lockDeposit, result.quote.downPayment) },
      },
    );
  }
  return result.quote;
}

export function insuranceRefused(r: Extract<InsuranceQuoteResult, { ok: false }>, path: string): AppError {
  return new AppError('unprocessable', `finance.insurance_${r.reason}`, r.detail, {
    fields: [{ path, message: r.detail }],
    extra: { product: r.code, ...(r.requires ? { requires: r.requires } : {}) },
  });
}

/** Premiums of the chosen products (none chosen: null); a bad choice is 422 `finance.insurance_<reason>`. */
export async function quoteInsuranceFor(
  ctx: Ctx,
  vehicle: Vehicle,
  codes: readonly string[],
  path = 'products',
): Promise<InsuranceQuote | null> {
  if (codes.length === 0) return null;
  const r = await quoteInsuranceProducts(ctx, codes, { price: vehicle.price, currency: vehicle.currency });
  if (!r.ok) throw insuranceRefused(r, path);
  return r.quote;
}

export type ConfigurationQuote<Q> = {
  vehicle: {
    modelLine: string;
    configurationCode: string;
    versionId: string;
    total: number;
    currency: string;
  };
  quote: Q;
};

const vehicleOf = (p: PricedConfiguration) => ({
  modelLine: p.modelLine.code,
  configurationCode: p.code,
  versionId: p.price.versionId,
  total: p.price.total,
  currency: p.price.currency,
});

/** Checkout: a finance quote for a configuration, priced by the server on the live version. */
export async function quoteFinanceForConfiguration(
  ctx: Ctx,
  input: { modelLine: string; configurationCode: string } & FinanceChoice,
): Promise<ConfigurationQuote<FinanceQuote>> {
  assertAuthorized(ctx.actor, 'finance.read');
  const priced = await priceConfiguration(ctx, input);
  const quote = await quoteFinanceFor(
    ctx,
    { modelLine: priced.modelLine.code, price: priced.price.total, currency: priced.price.currency },
    input,
  );
  return { vehicle: vehicleOf(priced), quote };
}

/** Checkout: insurance premiums for a configuration, priced by the server on the live version. */
export async function quoteInsuranceForConfiguration(
  ctx: Ctx,
  input: { modelLine: string; configurationCode: string; products: string[] },
): Promise<ConfigurationQuote<InsuranceQuote | null>> {
  assertAuthorized(ctx.actor, 'finance.read');
  const priced = await priceConfiguration(ctx, input);
  const quote = await quoteInsuranceFor(
    ctx,
    { modelLine: priced.modelLine.code, price: priced.price.total, currency: priced.price.currency },
    input.products,
  );
  return { vehicle: vehicleOf(priced), quote };
}

/**
 * A finance quote on an own order's price snapshot, without changing the order: what attaching
 * or changing the finance would give (the order page shows it before the customer confirms).
 * The same checks as the change itself (offer, term, down payment, at least the lock deposit).
 */
export async function quoteFinanceForOrder(
  ctx: Ctx,
  ref: string,
  choice: FinanceChoice,
): Promise<FinanceQuote> {
  assertAuthorized(ctx.actor, 'order.change');
  const order = await findOrderByRef(ctx, ref);
  if (!order) throw orderNotFound();
  assertOrderAccess(ctx, 'order.change', order);
  return quoteFinanceFor(
    ctx,
    { modelLine: order.modelLine.code, price: order.price.total, currency: order.price.currency },
    choice,
    { terms: order.terms },
  );
}
