import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { type Ctx, inTransaction } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { getBrandFacts } from '../identity/index.ts';
import type { CallbackCheck, PaymentProvider } from './provider.ts';
import { SIM_SIGNATURE_HEADER, simSignatureHeader, verifySimSignature } from './sim-signature.ts';
import * as store from './store.ts';
import type { Bilingual, PaymentMethod } from './types.ts';

/**
 * The built-in simulated provider `sim`: it behaves like a hosted-page provider (WeChat Pay,
 * Alipay, card, bank transfer look-alikes) so the whole money path runs in development and tests.
 * Its hosted page lives at the web path `/pay/sim/{token}` (an unguessable token); the page reads
 * the payment and completes it with `succeed`, `fail` or `timeout`. Succeed and fail produce a
 * signed callback, which the caller delivers through a retried job to the same handler as the
 * public callback route; timeout sends nothing (the payment then expires).
 */
export const SIM_PROVIDER = 'sim';
export const SIM_OUTCOMES = ['succeed', 'fail', 'timeout'] as const;
export type SimOutcome = (typeof SIM_OUTCOMES)[number];

export type SimPageStatus = 'open' | 'succeeded' | 'failed' | 'timed_out' | 'cancelled' | 'expired';

/** What the hosted page shows. */
export type SimPage = {
  token: string;
  merchant: Bilingual;
  amount: number;
  currency: string;
  method: PaymentMethod;
  description: Bilingual;
  status: SimPageStatus;
  expiresAt: Date;
  returnUrl: string | null;
};

export type SimProvider = PaymentProvider & {
  readPage(ctx: Ctx, token: string): Promise<SimPage>;
  /** Completes the payment; for succeed / fail also the callback body to deliver (then signed). */
  complete(ctx: Ctx, token: string, outcome: SimOutcome): Promise<{ page: SimPage; callback: string | null }>;
  /** The headers of a callback signed now (what the simulator's "server" would send). */
  signCallback(body: string, now: Date): Record<string, string>;
};

const CallbackBody = z.object({
  id: z.string().min(1).max(100),
  type: z.enum(['payment.succeeded', 'payment.failed']),
  createdAt: z.string(),
  data: z.object({
    paymentId: z.string().min(1),
    merchantReference: z.string().min(1),
    amount: z.number().int().positive(),
    currency: z.string().regex(/^[A-Z]{3}$/),
    failureReason: z.string().nullable(),
  }),
});

const notFound = () =>
  new AppError('not_found', 'payments.sim_payment_not_found', 'No such payment (the link may be mistyped).');

export function createSimProvider(options: { secret: string }): SimProvider {
  const { secret } = options;

  async function pageOf(ctx: Ctx, session: store.SimSession): Promise<SimPage> {
    const brand = await getBrandFacts(ctx);
    const expired = session.status === 'open' && ctx.now.getTime() >= session.expiresAt.getTime();
    return {
      token: session.token,
      merchant: brand.name,
      amount: session.amount,
      currency: session.currency,
      method: session.method,
      description: session.description,
      status: expired ? 'expired' : session.status,
      expiresAt: session.expiresAt,
      returnUrl: session.returnUrl,
    };
  }

  return {
    name: SIM_PROVIDER,

    async createPayment(ctx, request) {
      const session: store.SimSession = {
        id: newId('simp'),
        token: randomBytes(24).toString('base64url'),
        merchantReference: request.intentId,
        amount: request.amount,
        currency: request.currency,
        method: request.method,
        description: request.description,
        returnUrl: request.returnUrl,
        status: 'open',
        failureReason: null,
        refunded: 0,
        expiresAt: request.expiresAt,
        createdAt: ctx.now,
        completedAt: null,
      };
      await store.insertSimSession(ctx, session);
      return { providerRef: session.id, payUrl: `/pay/sim/${session.token}` };
    },

    async cancelPayment(ctx, providerRef) {
      await store.setSimStatus(ctx, providerRef, ['open', 'timed_out'], 'cancelled');
    },

    parseCallback({ headers, body, now }): CallbackCheck {
      const signature = verifySimSignature(secret, headers[SIM_SIGNATURE_HEADER], body, now);
      if (!signature.ok) return signature;
      let parsed: z.infer<typeof CallbackBody>;
      try {
        parsed = CallbackBody.parse(JSON.parse(body));
      } catch {
        return { ok: false, reason: 'malformed', detail: 'The callback body is not a sim payment event.' };
      }
      return {
        ok: true,
        event: {
          eventId: parsed.id,
          providerRef: parsed.data.paymentId,
          merchantReference: parsed.data.merchantReference,
          outcome: parsed.type === 'payment.succeeded' ? 'succeeded' : 'failed',
          amount: parsed.data.amount,
          currency: parsed.data.currency,
          failureReason: parsed.data.failureReason,
        },
      };
    },

    async refund(ctx, request) {
      // The simulator refunds at once, and never more than the payment captured.
      const ok = await store.addSimRefund(ctx, request.providerRef, request.amount);
      return ok
        ? { status: 'succeeded', providerRef: `simr_${request.refundId}` }
        : { status: 'failed', failureReason: 'not_refundable' };
    },

    async readPage(ctx, token) {
      const session = await store.findSimSession(ctx, { token });
      if (!session) throw notFound();
      return pageOf(ctx, session);
    },

    async complete(ctx, token, outcome) {
      return inTransaction(ctx, async (tx) => {
        const session = await store.findSimSession(tx, { token }, { forUpdate: true });
        if (!session) throw notFound();
        const page = await pageOf(tx, session);
        if (page.status !== 'open') {
          throw new AppError(
            'conflict',
            page.status === 'expired' ? 'payments.sim_payment_expired' : 'payments.sim_payment_closed',
            page.status === 'expired'
              ? 'This payment has expired.'
              : `This payment is ${page.status} already.`,
            { extra: { status: page.status } },
          );
        }
        const status = outcome === 'succeed' ? 'succeeded' : outcome === 'fail' ? 'failed' : 'timed_out';
        const failureReason = outcome === 'fail' ? 'declined' : null;
        await store.setSimStatus(tx, session.id, ['open'], status, failureReason);
        const done: SimPage = { ...page, status };
        if (outcome === 'timeout') return { page: done, callback: null };
        const callback = JSON.stringify({
          id: newId('simevt'),
          type: outcome === 'succeed' ? 'payment.succeeded' : 'payment.failed',
          createdAt: tx.now.toISOString(),
          data: {
            paymentId: session.id,
            merchantReference: session.merchantReference,
            amount: session.amount,
            currency: session.currency,
            failureReason,
          },
        });
        return { page: done, callback };
      });
    },

    signCallback(body, now) {
      return {
        'content-type': 'application/json',
        [SIM_SIGNATURE_HEADER]: simSignatureHeader(secret, Math.floor(now.getTime() / 1000), body),
      };
    },
  };
}
