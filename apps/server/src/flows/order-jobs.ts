import { z } from 'zod';
import { findOrderByRef } from '../modules/ordering/index.ts';
import type { PaymentProviders } from '../modules/payments/index.ts';
import { isAppError } from '../platform/errors.ts';
import { defineJob, type JobDefinition } from '../platform/jobs/define-job.ts';
import { cancelOrder } from './cancel-order.ts';

/**
 * A draft holds its delivery date (production capacity and the dealer's hand-over slot) only
 * for a while: if the intention money is not paid within this time the system cancels the
 * draft and the date goes back to other customers. 24 hours: a day to pay, as Chinese car
 * sites give for 意向金, and short enough that abandoned checkouts do not block the calendar.
 */
export const DRAFT_EXPIRY_MS = 24 * 60 * 60 * 1000;

export type OrderJobs = {
  expireDraft: JobDefinition<z.ZodObject<{ orderId: z.ZodString }>>;
};

const cache = new WeakMap<PaymentProviders, OrderJobs>();

/** `ordering.expire_draft`: at the draft's expiry, cancels it if it is still a draft (else nothing). */
export function orderJobs(providers: PaymentProviders): OrderJobs {
  const hit = cache.get(providers);
  if (hit) return hit;
  const jobs: OrderJobs = {
    expireDraft: defineJob({
      name: 'ordering.expire_draft',
      payload: z.object({ orderId: z.string() }),
      maxAttempts: 10,
      backoffMs: 30_000,
      handler: async (ctx, { orderId }) => {
        const order = await findOrderByRef(ctx, orderId);
        if (order?.state !== 'draft') return;
        if (order.placedAt.getTime() + DRAFT_EXPIRY_MS > ctx.now.getTime()) return;
        try {
          await cancelOrder(ctx, providers, orderId, { by: 'system', reason: 'draft_expired' });
        } catch (err) {
          // Paid in the meantime (checked again under the order's lock): nothing to do.
          if (isAppError(err) && err.code === 'ordering.illegal_transition') return;
          throw err;
        }
      },
    }),
  };
  cache.set(providers, jobs);
  return jobs;
}
