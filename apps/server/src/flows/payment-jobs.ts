import { z } from 'zod';
import type { PaymentProviders } from '../modules/payments/index.ts';
import { defineJob, type JobDefinition } from '../platform/jobs/define-job.ts';
import { expirePayment } from './expire-payment.ts';
import { runRefund } from './run-refund.ts';
import { settleProviderCallback } from './settle-payment.ts';

/**
 * The retried background work of payments. Their handlers are flows (they change the order's
 * timeline and state with the money), so they are defined here and registered in app.ts.
 * - `payments.deliver_sim_callback`: the simulator "sends" its signed callback, through the same
 *   handler as the public callback route (signed when sent, so a retry is never stale);
 * - `payments.process_refund`: asks the provider to pay a pending refund back;
 * - `payments.expire_payment`: at an intent's expiry, closes it if it is still pending.
 */
export type PaymentJobs = {
  deliverSimCallback: JobDefinition<z.ZodObject<{ body: z.ZodString }>>;
  processRefund: JobDefinition<z.ZodObject<{ refundId: z.ZodString }>>;
  expirePayment: JobDefinition<z.ZodObject<{ paymentId: z.ZodString }>>;
};

const cache = new WeakMap<PaymentProviders, PaymentJobs>();

export function paymentJobs(providers: PaymentProviders): PaymentJobs {
  const hit = cache.get(providers);
  if (hit) return hit;
  const jobs: PaymentJobs = {
    deliverSimCallback: defineJob({
      name: 'payments.deliver_sim_callback',
      payload: z.object({ body: z.string() }),
      maxAttempts: 8,
      backoffMs: 2_000,
      handler: async (ctx, { body }) => {
        const sim = providers.sim;
        if (!sim) throw new Error('the payment simulator is off (no PAYMENT_SIM_SECRET)');
        await settleProviderCallback(ctx, providers, sim.name, {
          headers: sim.signCallback(body, ctx.now),
          body,
        });
      },
    }),
    processRefund: defineJob({
      name: 'payments.process_refund',
      payload: z.object({ refundId: z.string() }),
      maxAttempts: 10,
      backoffMs: 10_000,
      handler: async (ctx, { refundId }) => {
        await runRefund(ctx, providers, refundId);
      },
    }),
    expirePayment: defineJob({
      name: 'payments.expire_payment',
      payload: z.object({ paymentId: z.string() }),
      maxAttempts: 10,
      backoffMs: 5_000,
      handler: async (ctx, { paymentId }) => {
        await expirePayment(ctx, providers, paymentId);
      },
    }),
  };
  cache.set(providers, jobs);
  return jobs;
}
