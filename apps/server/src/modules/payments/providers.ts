import { AppError } from '../../platform/errors.ts';
import type { PaymentProvider } from './provider.ts';
import { createSimProvider, type SimProvider } from './sim-provider.ts';
import type { PaymentMethod } from './types.ts';

/**
 * The payment providers of this deployment, built from configuration once (app.ts). Today there
 * is the simulator, on when it has a secret (development, tests, a staging deployment that sets
 * PAYMENT_SIM_SECRET); a real provider is added here and chosen per method.
 */
export type PaymentProviders = {
  get(name: string): PaymentProvider | undefined;
  /** The provider that takes a method; 503 `payments.provider_unavailable` when none does. */
  forMethod(method: PaymentMethod): PaymentProvider;
  sim: SimProvider | undefined;
};

export function createPaymentProviders(config: { paymentSimSecret?: string | undefined }): PaymentProviders {
  const sim = config.paymentSimSecret ? createSimProvider({ secret: config.paymentSimSecret }) : undefined;
  const all = new Map<string, PaymentProvider>(sim ? [[sim.name, sim]] : []);
  return {
    get: (name) => all.get(name),
    forMethod(method) {
      // Every method goes to the simulator while it is the only provider.
      if (sim) return sim;
      throw new AppError(
        'unavailable',
        'payments.provider_unavailable',
        `No payment provider takes ${method} here.`,
      );
    },
    sim,
  };
}
