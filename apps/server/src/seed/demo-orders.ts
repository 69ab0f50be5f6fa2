import type { AppDeps } from '../app.ts';
import { placeOrderForBuild } from '../flows/build-date.ts';
import { dealerHandoverCapacity } from '../flows/dealer-handover-capacity.ts';
import { bookOrderHandover } from '../flows/handover.ts';
import { paymentProvidersFor } from '../flows/payment-providers.ts';
import { settleProviderCallback } from '../flows/settle-payment.ts';
import { startPayment } from '../flows/start-payment.ts';
import { deriveConfiguration, getLiveModelLine, loadVersion } from '../modules/catalog/index.ts';
import { localToday } from '../modules/dealers/index.ts';
import { listFinanceOffers } from '../modules/finance/index.ts';
import { findOrganisationByCode, findUserByLogin } from '../modules/identity/index.ts';
import { currentOrderTerms, type FinanceChoice, listOrders, type Order } from '../modules/ordering/index.ts';
import type { PaymentMethod, PaymentProviders, PaymentPurpose } from '../modules/payments/index.ts';
import {
  findVehicleById,
  freezeDay,
  getDeliveryCalendar,
  type IsoDate,
  recordStep,
  type StepRequest,
} from '../modules/production/index.ts';
import { type Ctx, inTransaction, systemCtx } from '../platform/context.ts';
import { DEMO_CUSTOMER, DEMO_STAFF } from './demo-identity.ts';

/**
 * Four demo orders of the demo customer, made by the real functions and flows so `npm start`
 * shows them, each with its car at the plant and a delivery date from the calendar:
 * - a D90 Pro at the Shanghai dealer with insurance, reserved (intention money paid);
 * - a G20 with a bank loan at the Hangzhou dealer, locked (deposit paid, confirmed for build);
 * - a D90 Pro ordered seven weeks ago, in production: its day was frozen and it has passed
 *   stamping, the body shop (VIN) and paint;
 * - a D90 Pro that arrived at the Shanghai dealer, its hand-over booked for tomorrow 10:00
 *   with the checklist still open and the balance still due.
 * The two older ones are made with a `ctx.now` in the past (the flows run as they did then),
 * never by writing rows. Payments go through the simulated provider's page and its signed
 * callback. Idempotent: skipped once the customer has any order, and when the simulator is off.
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

  // Ordered seven weeks ago: one car is at the dealer by now, one is being painted.
  const then: Ctx = { ...ctx, now: new Date(ctx.now.getTime() - 49 * DAY_MS) };
  const today = localToday(ctx.now);
  const arrived = await place(then, providers, 'qc-d90-pro', 'DLR-SH', {
    insurance: ['ctpl'],
    date: (days) => latest(days, (d) => d.date < today),
  });
  await pay(then, providers, arrived, 'intention', 'wechat_pay');
  await pay(later(then, 10), providers, arrived, 'deposit', 'bank_transfer');
  const inPaint = await place(then, providers, 'qc-d90-pro', 'DLR-BJ', {
    date: (days) => latest(days, (d) => (d.productionDay ?? '') < today),
  });
  await pay(later(then, 30), providers, inPaint, 'intention', 'alipay');
  await pay(later(then, 40), providers, inPaint, 'deposit', 'card');
  await build(system, arrived.vehicleId, 'at_dealer', ctx.now);
  await build(system, inPaint.vehicleId, 'paint', ctx.now);
  // The order follows the plant through the event subscribers (flows/follow-plant.ts): let them
  // run, as the worker would, before the dealer books the hand-over of the car that arrived.
  for (let i = 0; i < 20 && (await deps.events.drain()).waiting > 0; i++);
  const tomorrow = addIsoDays(today, 1);
  const sales = { ...system, actor: await dealerStaff(system, 'DLR-SH') };
  await bookOrderHandover(sales, arrived.vehicleId, { day: tomorrow, slotStart: '10:00' });

  const reserved = await place(ctx, providers, 'qc-d90-pro', 'DLR-SH', {
    insurance: ['ctpl', 'commercial-comprehensive'],
    date: (days) => days.find((d) => d.available)?.date,
  });
  await pay(ctx, providers, reserved, 'intention', 'wechat_pay');

  const locked = await place(ctx, providers, 'qc-g20', 'DLR-HZ', {
    finance: { code: 'huashang-bank-388', termMonths: 36 },
    date: (days) => days.filter((d) => d.available)[5]?.date,
  });
  await pay(ctx, providers, locked, 'intention', 'alipay');
  await pay(ctx, providers, locked, 'deposit', 'card');
  return [
    `Demo orders: ${reserved.vehicleId} (reserved), ${locked.vehicleId} (locked), ${inPaint.vehicleId} (in production, at paint), ${arrived.vehicleId} (at the dealer, hand-over ${tomorrow} 10:00) for ${DEMO_CUSTOMER.email}.`,
  ];
}

const DAY_MS = 24 * 3600_000;
const later = (ctx: Ctx, minutes: number): Ctx => ({
  ...ctx,
  now: new Date(ctx.now.getTime() + minutes * 60_000),
});

function addIsoDays(date: IsoDate, days: number): IsoDate {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

type CalendarDay = { date: IsoDate; available: boolean; productionDay: IsoDate | null };

const latest = (days: CalendarDay[], keep: (d: CalendarDay) => boolean) =>
  days.filter((d) => d.available && keep(d)).at(-1)?.date;

async function dealerStaff(ctx: Ctx, dealerCode: string) {
  const dealer = await findOrganisationByCode(ctx, dealerCode);
  const person = DEMO_STAFF.find((p) => p.orgCode === dealerCode && p.role === 'dealer_staff');
  const user = person && (await findUserByLogin(ctx, { kind: 'email', value: person.email }));
  if (!dealer || !user) throw new Error(`demo orders: no dealer staff at ${dealerCode}`);
  return { kind: 'staff' as const, userId: user.id, orgId: dealer.id, role: 'dealer_staff' as const };
}

const STEPS_TO: Record<'paint' | 'at_dealer', StepRequest[]> = {
  paint: [{ step: 'stamping' }, { step: 'body' }, { step: 'paint' }],
  at_dealer: [
    { step: 'stamping' },
    { step: 'body' },
    { step: 'paint' },
    { step: 'assembly' },
    { step: 'qc', result: 'pass' },
    { step: 'shipped' },
    { step: 'at_dealer' },
  ],
};

/**
 * The plant builds a demo car as it would have: its day frozen the day before, then each station
 * at the time the plan expected it (never later than `until`).
 */
async function build(ctx: Ctx, vehicleId: string, upTo: 'paint' | 'at_dealer', until: Date): Promise<void> {
  const car = await findVehicleById(ctx, vehicleId);
  if (!car?.productionDay) throw new Error(`demo orders: ${vehicleId} has no production day`);
  const dayBefore = new Date(`${car.productionDay}T02:00:00Z`);
  dayBefore.setUTCDate(dayBefore.getUTCDate() - 1);
  await freezeDay({ ...ctx, now: dayBefore }, car.lineId, car.productionDay);
  for (const request of STEPS_TO[upTo]) {
    const planned = (await findVehicleById(ctx, vehicleId))?.estimates[request.step];
    const at = new Date(
      Math.min(planned ? new Date(planned).getTime() : until.getTime(), until.getTime() - 60_000),
    );
    await recordStep({ ...ctx, now: at }, vehicleId, request);
  }
}

async function place(
  ctx: Ctx,
  providers: PaymentProviders,
  modelLine: string,
  dealerCode: string,
  extras: {
    insurance?: string[];
    finance?: { code: string; termMonths: number };
    date: (days: CalendarDay[]) => IsoDate | undefined;
  },
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
  const calendar = await getDeliveryCalendar(
    ctx,
    { modelLine, configurationCode: derived.code, dealerOrgId: dealer.id, weeks: 12 },
    { handoverCapacity: dealerHandoverCapacity },
  );
  const deliveryDate = extras.date(calendar.days);
  if (!deliveryDate) throw new Error(`demo orders: no delivery date for ${modelLine} at ${dealerCode}`);
  return inTransaction(ctx, (tx) =>
    placeOrderForBuild(tx, providers, {
      modelLine,
      configurationCode: derived.code,
      dealerId: dealer.id,
      ...(finance ? { finance } : {}),
      ...(extras.insurance ? { insurance: extras.insurance } : {}),
      acceptTerms: true,
      termsVersion: currentOrderTerms().version,
      deliveryDate,
    }),
  );
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
