import { createPaymentProviders, type PaymentProviders } from '../modules/payments/index.ts';
import type { Config } from '../platform/config.ts';

/**
 * The payment providers of a running app, one set per configuration: the routers and the job
 * worker (app.ts) share it. Built from config because providers hold secrets (the simulator's).
 */
const cache = new WeakMap<Config, PaymentProviders>();

export function paymentProvidersFor(config: Config): PaymentProviders {
  let providers = cache.get(config);
  if (!providers) {
    providers = createPaymentProviders({ paymentSimSecret: config.paymentSimSecret });
    cache.set(config, providers);
  }
  return providers;
}
