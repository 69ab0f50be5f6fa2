import { assertAuthorized } from '../modules/identity/index.ts';
import type { PaymentProviders, SimOutcome, SimPage, SimProvider } from '../modules/payments/index.ts';
import { type Ctx, inTransaction } from '../platform/context.ts';
import { AppError } from '../platform/errors.ts';
import { enqueue } from '../platform/jobs/enqueue.ts';
import { paymentJobs } from './payment-jobs.ts';

function simOf(providers: PaymentProviders): SimProvider {
  if (!providers.sim) {
    throw new AppError(
      'not_found',
      'payments.sim_payment_not_found',
      'The payment simulator is not enabled here.',
    );
  }
  return providers.sim;
}

/** The simulated provider's hosted page: the payment behind an unguessable token (public). */
export async function readSimPayment(ctx: Ctx, providers: PaymentProviders, token: string): Promise<SimPage> {
  assertAuthorized(ctx.actor, 'payment_page.use');
  return simOf(providers).readPage(ctx, token);
}

/**
 * The customer "pays" on the simulator's page: succeed or fail sends a signed callback through a
 * retried job (committed with the page's answer, so it is never lost); timeout sends nothing, and
 * the payment expires at its time.
 */
export async function completeSimPayment(
  ctx: Ctx,
  providers: PaymentProviders,
  token: string,
  outcome: SimOutcome,
): Promise<SimPage> {
  assertAuthorized(ctx.actor, 'payment_page.use');
  const sim = simOf(providers);
  return inTransaction(ctx, async (tx) => {
    const { page, callback } = await sim.complete(tx, token, outcome);
    if (callback) await enqueue(tx, paymentJobs(providers).deliverSimCallback, { body: callback });
    return page;
  });
}
