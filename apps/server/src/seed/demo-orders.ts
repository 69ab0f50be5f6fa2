import type { AppDeps } from '../app.ts';
import { paymentProvidersFor } from '../flows/payment-providers.ts';
import { settleProviderCallback } from '../flows/settle-payment.ts';
import { startPayment } from '../flows/start-payment.ts';
import { deriveConfiguration, getLiveModelLine, loadVersion } from '../modules/catalog/index.ts';
import { listFinanceOffers } from '../modules/finance/index.ts';
import { findOrganisationByCode, findUserByLogin } from '../modules/identity/index.ts';
import {
  currentOrderTerms,
  type FinanceChoice,
  listOrders,
  type Order,
  placeOrder,
} from '../modules/ordering/index.ts';
import type { PaymentMethod, PaymentProviders, PaymentPurpose } from '../modules/payments/index.ts';
import { type Ctx, inTransaction, systemCtx } from '../platform/context.ts';
import { DEMO_CUSTOMER } from './demo-identity.ts';

/**
 * Two demo orders of the demo customer, made by the real functions and flows so `npm start`
 * shows them: a D90 Pro at the Shanghai dealer with insurance, reserved (intention money paid),
 * and a G20 with a bank loan at the Hangzhou dealer, locked (deposit paid). Payments go through
 * the simulated provider's page and its signed callback. Idempotent: skipped once the customer
 * has any order, and when the simulator is off.
 */
export async function seedDemoOrders(deps: AppDeps): Promise<string[]> {
  const providers = paymentProvidersFor(deps.config);
  if (!providers.sim) return ['Demo orders: skipped (payment simulator off).'];
  const system = systemCtx(deps, 'seed');
  const customer = await findUserByLogin(system, { kind: 'email', value: DEMO_CUSTOMER.email });
  if (!customer) return [];
  const ctx: Ctx = { ...system, actor: { kind: 'customer', userId: customer.id } };
  if ((await listOrders(ctx, 'order.read', { limit: 1 })).items.length > 0)
    return ['Demo orders: already present.'];

  const reserved = await place(ctx, 'qc-d90-pro', 'DLR-SH', {
    insurance: ['ctpl', 'commercial-comprehensive'],
  });
  await pay(ctx, providers, reserved, 'intention', 'wechat_pay');

  const locked = await place(ctx, 'qc-g20', 'DLR-HZ', {
    finance: { code: 'huashang-bank-388', termMonths: 36 },
  });
  await pay(ctx, providers, locked, 'intention', 'alipay');
  await pay(ctx, providers, locked, 'deposit', 'card');
  return [
    `Demo orders: ${reserved.vehicleId} (reserved), ${locked.vehicleId} (locked) for ${DEMO_CUSTOMER.email}.`,
  ];
}

async function place(
  ctx: Ctx,
  modelLine: string,
  dealerCode: string,
  extras: { insurance?: string[]; finance?: { code: string; termMonths: number } },
): Promise<Order> {
  const live = await getLiveModelLine(ctx, modelLine);
  const loaded = await loadVersion(ctx, live.version.id);
  const derived =
    loaded && deriveConfiguration(loaded.model, loaded.compiled, { selection: live.model.defaults ?? {} });
  const dealer = await findOrganisationByCode(ctx, dealerCode);
  if (!derived?.ok || !dealer) throw new Error(`demo orders: cannot configure ${modelLine} at ${dealerCode}`);
  let finance: FinanceChoice | undefined;
  if (extras.finance) {
    const found = (await listFinanceOffers(ctx, { modelLine })).find((o) => o.code === extras.finance?.code);
    if (!found) throw new Error(`demo orders: no finance offer ${extras.finance.code}`);
    // 30 % down: above the offer's minimum and the lock deposit.
    finance = {
      offerId: found.id,
      downPayment: Math.ceil(derived.total * 0.3),
      termMonths: extras.finance.termMonths,
    };
  }
  return placeOrder(ctx, {
    modelLine,
    configurationCode: derived.code,
    dealerId: dealer.id,
    ...(finance ? { finance } : {}),
    ...(extras.insurance ? { insurance: extras.insurance } : {}),
    acceptTerms: true,
    termsVersion: currentOrderTerms().version,
  });
}

/** Pays through the simulator's page, then hands its signed callback to the same handler the route uses. */
async function pay(
  ctx: Ctx,
  providers: PaymentProviders,
  order: Order,
  purpose: PaymentPurpose,
  method: PaymentMethod,
): Promise<void> {
  const sim = providers.sim;
  if (!sim) return;
  const { intent } = await startPayment(ctx, providers, order.id, {
    purpose,
    method,
    acceptTerms: purpose === 'deposit',
  });
  const token = intent.payUrl?.split('/').pop() ?? '';
  const { callback } = await inTransaction(ctx, (tx) => sim.complete(tx, token, 'succeed'));
  if (!callback) throw new Error('demo orders: the simulator sent no callback');
  await settleProviderCallback(ctx, providers, sim.name, {
    headers: sim.signCallback(callback, ctx.now),
    body: callback,
  });
}
