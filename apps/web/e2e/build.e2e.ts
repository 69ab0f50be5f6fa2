/**
 * Issue #6 must-hold, in the browser, in Chinese: an order is locked, gets a promised date, is
 * planned and sequenced, passes through every station, is handed over, and the customer sees
 * each step on the timeline.
 *
 * A new customer orders the flagship at the Shanghai dealer with a delivery date, pays the
 * intention money and locks with the deposit; the planner keeps the car on its production day,
 * sequences that day and freezes it; the station operator records every step up to the dealer
 * (QC passed); the Shanghai sales consultant books the hand-over and works through the
 * checklist; the customer pays the balance and accepts the car; the timeline shows each plant
 * step and the delivery, and the car is theirs; the dealer's DMS then records the keys handed
 * over, which the customer's hand-over card and the dealer's car page show. Beijing's staff
 * cannot open the hand-over.
 *
 * The delivery date is the last one the calendar offers, so the car's production day is not
 * the day of the factory journey's fixture cars (factory.e2e.ts freezes that one itself).
 * Waits are for what the pages show (or, between people, for the order's state), never for time.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CHECKLIST_ITEMS } from '../../server/src/modules/dealers/handover-checklist.ts';
import { DEMO_PASSWORD, DEMO_STAFF } from '../../server/src/seed/demo-identity.ts';
import { partnerRequest } from '../../server/src/testing/partner-client.ts';
import { dayLabel } from '../src/factory/day-label.ts';
import { translate } from '../src/i18n/translate.ts';
import { formatMoney } from '../src/storefront/configure/price-breakdown.ts';
import { formatDateTime } from '../src/ui/format.ts';
import { launchBrowser, newPage, screenshot, signIn } from './browser.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;

const zh = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) =>
  translate('zh-CN', key, params);

const staff = (email: string) => {
  const person = DEMO_STAFF.find((p) => p.email === email);
  if (!person) throw new Error(`the seed has no ${email}`);
  return person.email;
};
const PLANNER = staff('planner@qicheng.example');
const OPERATOR = staff('operator@qicheng.example');
const SALES_SH = staff('sales.sh@qicheng.example');
const SALES_BJ = staff('sales.bj@qicheng.example');
const ADMIN = staff('admin@qicheng.example');
const SHANGHAI = '启程汽车上海浦东体验中心';

// A customer of this run only, so /my/vehicles holds exactly this car.
const BUYER = {
  name: '交车旅程客户',
  phone: `139${String(Date.now() % 100_000_000).padStart(8, '0')}`,
  password: 'journey-pass-6',
};

/** A signed-in API client (cookie), as a tool would be: what the server has, between the people's steps. */
type Api = {
  get: <T>(path: string) => Promise<T>;
  post: <T>(path: string, body: unknown) => Promise<{ status: number; body: T }>;
};

async function session(login: string, password: string): Promise<Api> {
  const res = await fetch(`${baseUrl}/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: baseUrl },
    body: JSON.stringify({ login, password }),
  });
  expect(res.status).toBe(200);
  const pairs = res.headers.getSetCookie().map((c) => c.split(';')[0] ?? '');
  const cookie = pairs.join('; ');
  const csrf = pairs.find((c) => c.startsWith('c2b_csrf='))?.slice('c2b_csrf='.length) ?? '';
  return {
    get: async <T>(p: string) => {
      const r = await fetch(`${baseUrl}${p}`, { headers: { cookie, accept: 'application/json' } });
      expect(r.status, p).toBe(200);
      return (await r.json()) as T;
    },
    post: async <T>(p: string, body: unknown) => {
      const r = await fetch(`${baseUrl}${p}`, {
        method: 'POST',
        headers: {
          cookie,
          origin: baseUrl,
          accept: 'application/json',
          'content-type': 'application/json',
          'x-csrf-token': csrf,
        },
        body: JSON.stringify(body),
      });
      return { status: r.status, body: (await r.json()) as T };
    },
  };
}

/** A fresh browser for one person, signed in through the form (or registering first when asked). */
async function withPage(
  login: string,
  password: string,
  fn: (page: Page) => Promise<void>,
  register?: { name: string },
) {
  const { context, page } = await newPage(browser, baseUrl);
  try {
    if (register) {
      await page.goto('/register');
      await page.getByLabel(zh('field.name')).fill(register.name);
      await page.getByLabel(zh('field.contact')).fill(login);
      await page.getByLabel(zh('field.password')).fill(password);
      await page.getByRole('button', { name: zh('action.createAccount') }).click();
    } else {
      await signIn(page, login, password);
    }
    await page.getByTestId('signed-in-user').waitFor();
    await fn(page);
  } finally {
    await context.close();
  }
}

type Order = {
  id: string;
  vehicleId: string;
  state: string;
  vin: string | null;
  promisedDeliveryDate: string | null;
  modelLine: { code: string };
  configuration: { code: string };
  dealer: { id: string };
  money: { balance: number; currency: string; due: { purpose: string; amount: number } | null };
  build: { vehicle: { productionDay: string | null; lineId: string } | null };
  timeline: { kind: string }[];
};

let buyer: Api;
let order: Order;
/** The delivery date the customer picked at checkout. */
let date = '';

/** The buyer's order as the server has it now. */
const current = async () => (order = await buyer.get<Order>(`/store/orders/${order.vehicleId}`));

/** Between people the outbox carries the plant's steps to the order: wait for the state they lead to. */
const orderReaches = (state: string) =>
  expect.poll(async () => (await current()).state, { timeout: 20_000 }).toBe(state);

/** On the simulated provider's page: the amount, success, and back on the order page once it is updated. */
async function payOnSimulator(page: Page, amount: string): Promise<void> {
  await page.waitForURL((url) => url.pathname.startsWith('/pay/sim/'));
  expect(await page.getByTestId('sim-amount').textContent()).toBe(amount);
  await page.getByRole('button', { name: zh('sim.succeed') }).click();
  await page.waitForURL((url) => url.pathname.startsWith('/orders/'));
  await page.getByText(zh('order.returned.succeed')).waitFor();
}

const stateOf = async (page: Page) =>
  ((await page.getByTestId('order-state').first().textContent()) ?? '').trim();

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe('from the lock to the hand-over', () => {
  it('the customer orders with a delivery date, pays the intention money and locks with the deposit', async () => {
    await withPage(
      BUYER.phone,
      BUYER.password,
      async (page) => {
        buyer = await session(BUYER.phone, BUYER.password);
        await page.goto('/configure/qc-d90-pro');
        await page.getByTestId('configurator').waitFor();
        await page.getByTestId('save-configuration').click();
        await page.getByRole('link', { name: '下订单' }).click();
        await page.waitForURL((url) => url.pathname.startsWith('/checkout/'));
        await page.getByRole('radio', { name: new RegExp(SHANGHAI) }).check();
        await page.getByRole('button', { name: '继续' }).click();
        // The delivery date: the last one the calendar offers (see the top of the file for why).
        const calendar = page.getByTestId('delivery-calendar');
        await calendar.waitFor();
        const last = calendar.locator('[data-available="true"] input').last();
        date = (await last.getAttribute('value')) ?? '';
        expect(date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        await page.getByTestId(`delivery-day-${date}`).check();
        await page.getByRole('button', { name: '继续' }).click();
        await page.getByRole('radio', { name: /全款购车/ }).waitFor();
        await page.getByRole('button', { name: '继续' }).click();
        await page.getByRole('heading', { name: '保险（可选）' }).waitFor();
        await page.getByRole('button', { name: '继续' }).click();
        await page.getByRole('checkbox', { name: /我已阅读并同意以上订单条款/ }).check();
        await page.getByRole('button', { name: '继续' }).click();
        await page.getByTestId('review-delivery-date').waitFor();
        await page.getByTestId('place-order').click();
        const placed = page.getByRole('heading', { name: /^订单 C2B-\d{4}-\d{6}$/ });
        await placed.waitFor();
        const vehicleId = ((await placed.textContent()) ?? '').replace('订单 ', '').trim();
        order = await buyer.get<Order>(`/store/orders/${vehicleId}`);

        await page.getByRole('radio', { name: '微信支付' }).check();
        await page.getByRole('button', { name: zh('pay.start', { amount: '¥5,000' }) }).click();
        await payOnSimulator(page, '¥5,000');
        expect(await stateOf(page)).toBe(zh('order.state.reserved'));

        await page.getByRole('button', { name: zh('order.action.pay.deposit') }).click();
        await page.getByRole('radio', { name: '银行卡' }).check();
        await page.getByRole('checkbox', { name: /我已阅读并同意锁单条款/ }).check();
        await page.getByRole('button', { name: zh('pay.start', { amount: '¥15,000' }) }).click();
        await payOnSimulator(page, '¥15,000');
        expect(await stateOf(page)).toBe(zh('order.state.locked'));
        await screenshot(page, 'build-locked');
      },
      { name: BUYER.name },
    );
    await current();
    expect(order.promisedDeliveryDate).toBe(date);
    expect(order.build.vehicle?.productionDay).toBeTruthy();
  });

  it('the planner keeps the car on its production day, sequences the day and freezes it', async () => {
    const day = order.build.vehicle?.productionDay ?? '';
    await withPage(PLANNER, DEMO_PASSWORD, async (page) => {
      await page.getByTestId('planner-console').waitFor();
      await page
        .getByTestId('days-with-cars')
        .getByRole('link', { name: dayLabel(zh, day) })
        .click();
      await page.getByRole('heading', { level: 1, name: `生产日 ${dayLabel(zh, day)}` }).waitFor();
      // The car stays on the day it was promised for: it is one of the day's cars.
      const cars = page.getByRole('table', { name: '这一天的车辆，按上线顺序' });
      await cars.getByText(order.vehicleId).waitFor();

      await page.getByLabel('计算时间（秒）').fill('1');
      await page.getByLabel('随机种子').fill('7');
      await page.getByRole('button', { name: '排序这一天' }).click();
      await page.getByRole('heading', { name: zh('factory.sequence.result') }).waitFor({ timeout: 30_000 });
      await page.getByRole('button', { name: zh('factory.freeze.action') }).click();
      await page.getByRole('alertdialog').waitFor();
      await page.getByRole('button', { name: zh('factory.freeze.confirm') }).click();
      await page.getByTestId('day-frozen').waitFor();
      await screenshot(page, 'build-frozen');
    });
    await orderReaches('scheduled');
  });

  it('the station operator records every step, the quality check passed, up to the dealer', async () => {
    await withPage(OPERATOR, DEMO_PASSWORD, async (page) => {
      await page.waitForURL((url) => url.pathname === '/factory/station');
      const scan = page.getByLabel('车辆 ID');
      await scan.fill(order.vehicleId);
      await scan.press('Enter');
      await page.getByRole('heading', { level: 2, name: order.vehicleId }).waitFor();
      const state = page.getByTestId('car-state');
      expect(await state.textContent()).toBe(zh('production.state.planned'));
      const steps = [
        { button: zh('factory.station.record', { step: zh('production.step.stamping') }), after: 'stamping' },
        { button: zh('factory.station.record', { step: zh('production.step.body') }), after: 'body' },
        { button: zh('factory.station.record', { step: zh('production.step.paint') }), after: 'paint' },
        { button: zh('factory.station.record', { step: zh('production.step.assembly') }), after: 'assembly' },
        { button: zh('factory.station.qcPass'), after: 'qc_passed' },
        { button: zh('factory.station.record', { step: zh('production.step.shipped') }), after: 'shipped' },
        {
          button: zh('factory.station.record', { step: zh('production.step.at_dealer') }),
          after: 'at_dealer',
        },
      ] as const;
      for (const step of steps) {
        await page.getByRole('button', { name: step.button, exact: true }).click();
        await page
          .getByTestId('car-state')
          .getByText(zh(`production.state.${step.after}`))
          .waitFor();
      }
      expect(await page.getByTestId('car-vin').textContent()).toMatch(/^[A-HJ-NPR-Z0-9]{17}$/);
      await screenshot(page, 'build-station');
    });
    await orderReaches('at_dealer');
  });

  it('the Shanghai sales consultant books the hand-over and works through the checklist', async () => {
    await withPage(SALES_SH, DEMO_PASSWORD, async (page) => {
      await page.waitForURL((url) => url.pathname === '/dealer');
      // The list reads its rows with each car's arrival in one request, not one per row.
      const listCalls: string[] = [];
      const track = (r: { url: () => string; resourceType: () => string }) => {
        const { pathname } = new URL(r.url());
        if (r.resourceType() === 'fetch' && pathname.startsWith('/dealer/')) listCalls.push(pathname);
      };
      page.on('request', track);
      await page.getByRole('link', { name: zh('dealer.nav.handovers'), exact: true }).click();
      await page.getByRole('heading', { level: 1, name: zh('dealer.handovers.title') }).waitFor();
      const toBook = page.getByTestId('handover-list');
      const carLink = toBook.getByRole('link', { name: order.vehicleId });
      await carLink.waitFor();
      const toBookRow = toBook.locator('tr', { has: page.getByRole('link', { name: order.vehicleId }) });
      const arrivedAt = (
        await buyer.get<{ build: { vehicle: { steps: { step: string; actualAt: string | null }[] } } }>(
          `/store/orders/${order.vehicleId}`,
        )
      ).build.vehicle.steps.find((s) => s.step === 'at_dealer')?.actualAt;
      expect(arrivedAt).toBeTruthy();
      expect(await toBookRow.textContent()).toContain(
        zh('dealer.handovers.arrived', { at: formatDateTime('zh-CN', arrivedAt ?? '') }),
      );
      page.off('request', track);
      // (The dealer home may still be reading its own data; the list's reads are these.)
      const listReads = listCalls.filter((p) => /^\/dealer\/(handovers|orders|vehicles)/.test(p));
      expect(listReads).toEqual(['/dealer/handovers/to-book']);
      await carLink.click();

      await page
        .getByRole('heading', { level: 1, name: zh('dealer.handover.title', { vehicleId: order.vehicleId }) })
        .waitFor();
      const stage = page.getByTestId('handover-stage');
      expect(await stage.textContent()).toBe(zh('dealer.handover.stage.to_book'));
      expect(await page.getByTestId('plant-state').textContent()).toBe(zh('production.state.at_dealer'));
      // Before a booking there is nothing to tick.
      await page
        .getByTestId('handover-checklist')
        .getByText(zh('dealer.handover.checklist.notBooked'))
        .waitFor();

      // The first slot that can be taken (full days and closed hours are disabled).
      const grid = page.getByTestId('slot-grid');
      const first = grid.locator('button:not([disabled])').first();
      const firstLabel = (await first.getAttribute('aria-label')) ?? '';
      await first.click();
      await page.getByRole('button', { name: zh('dealer.handover.booking.book') }).click();
      await page.getByTestId('handover-booked').waitFor();
      await expect.poll(() => stage.textContent()).toBe(zh('dealer.handover.stage.checklist_open'));
      // The booked slot is now the current one, and cannot be booked again.
      await page
        .getByRole('button', { name: `${firstLabel} · ${zh('dealer.handover.booking.block.current')}` })
        .waitFor();

      // The customer asks for another time: the appointment moves to the last slot of the next day.
      const nextDay = grid.locator('tbody tr').nth(1);
      const moved = nextDay.locator('button:not([disabled])').last();
      const label = (await moved.getAttribute('aria-label')) ?? '';
      const [day, slotStart] = label.split(' ');
      await moved.click();
      await page
        .getByText(zh('dealer.handover.booking.selected', { day: day ?? '', slotStart: slotStart ?? '' }))
        .waitFor();
      await page.getByRole('button', { name: zh('dealer.handover.booking.move') }).click();
      await page
        .getByTestId('handover-booked')
        .getByText(new RegExp(`^已预约 ${day} ${slotStart}-`))
        .waitFor();
      await page
        .getByRole('button', { name: `${label} · ${zh('dealer.handover.booking.block.current')}` })
        .waitFor();
      expect(await page.getByRole('button', { name: firstLabel, exact: true }).isEnabled()).toBe(true);

      for (const item of CHECKLIST_ITEMS) {
        const box = page.getByRole('checkbox', { name: zh(`handover.checklist.${item}`) });
        await box.check();
        await page.locator(`[data-item="${item}"][data-checked]`).waitFor();
      }
      await page.getByTestId('checklist-complete').waitFor();
      // Checklist done; the customer still owes the balance.
      await expect.poll(() => stage.getAttribute('data-stage')).toBe('balance_due');
      await screenshot(page, 'build-handover');

      // The booked list has the car with its slot; the order page links to the hand-over.
      await page.goto('/dealer/handovers?show=booked');
      const booked = page.getByTestId('handover-list');
      const row = booked.locator('tr', { has: page.getByRole('link', { name: order.vehicleId }) });
      await row.waitFor();
      expect(await row.textContent()).toContain(`${day} ${slotStart}`);
      expect(await row.textContent()).toContain(BUYER.name);
      await page.goto(`/dealer/orders/${order.vehicleId}`);
      await page.getByRole('link', { name: zh('dealer.order.toHandover') }).click();
      await page.waitForURL((url) => url.pathname === `/dealer/handovers/${order.vehicleId}`);
    });
  });

  it("keeps the hand-over from another dealer's staff: not in their list, not found at its URL", async () => {
    await withPage(SALES_BJ, DEMO_PASSWORD, async (page) => {
      await page.goto('/dealer/handovers?show=booked');
      await page.getByTestId('handover-list').waitFor();
      expect(await page.getByRole('link', { name: order.vehicleId }).count()).toBe(0);
      await page.goto(`/dealer/handovers/${order.vehicleId}`);
      await page.getByRole('heading', { level: 1, name: zh('notFound.title') }).waitFor();
      expect(await page.getByText(order.vehicleId).count()).toBe(0);
    });
  });

  it('the customer pays the balance, accepts the car, sees every step on the timeline and owns it', async () => {
    await current();
    const due = order.money.due;
    expect(due?.purpose).toBe('balance');
    const amount = formatMoney(due?.amount ?? 0, order.money.currency, 'zh-CN');
    const vin = order.vin ?? '';
    expect(vin).toMatch(/^[A-HJ-NPR-Z0-9]{17}$/);
    await withPage(BUYER.phone, BUYER.password, async (page) => {
      await page.goto(`/orders/${order.id}`);
      await page.getByRole('heading', { name: `订单 ${order.vehicleId}` }).waitFor();
      // Not yet: the balance is due, and the page leads to paying it.
      await page.getByTestId('accept-delivery-blocked').waitFor();
      await page.getByTestId('pay-balance-first').click();
      await page.getByRole('radio', { name: '微信支付' }).check();
      await page.getByRole('button', { name: zh('pay.start', { amount }) }).click();
      await payOnSimulator(page, amount);

      await page.getByTestId('accept-delivery').click();
      await page.getByTestId('accept-delivery-dialog').waitFor();
      await page.getByTestId('accept-delivery-confirm').click();
      await page.getByText(zh('build.accept.done')).waitFor();
      // The notice comes first, the order read after it.
      await expect.poll(() => stateOf(page)).toBe(zh('order.state.delivered'));

      // Every step on the timeline, in words: the plan, each station, the hand-over, the delivery.
      const timeline = page.getByRole('list', { name: zh('order.section.timeline') });
      await timeline.getByText(zh('order.timeline.delivered'), { exact: true }).waitFor();
      const text = (await timeline.textContent()) ?? '';
      const done = (step: 'stamping' | 'paint' | 'assembly' | 'shipped' | 'at_dealer') =>
        zh('order.timeline.plant_step.detail', { step: zh(`production.step.${step}`) });
      for (const expected of [
        zh('order.timeline.locked'),
        zh('order.timeline.confirmed_for_build'),
        zh('order.timeline.scheduled'),
        zh('order.timeline.production_started'),
        done('stamping'),
        zh('order.timeline.plant_step.vin', { step: zh('production.step.body'), vin }),
        done('paint'),
        done('assembly'),
        zh('order.timeline.built'),
        zh('order.timeline.plant_step.qc_passed'),
        zh('order.timeline.shipped'),
        done('shipped'),
        zh('order.timeline.arrived_at_dealer'),
        done('at_dealer'),
        zh('order.timeline.handover_booked'),
        zh('order.timeline.handover_checklist_completed'),
        zh('order.timeline.balance_paid'),
        zh('order.timeline.delivered'),
      ]) {
        expect(text, expected).toContain(expected);
      }
      await screenshot(page, 'build-delivered');

      // The car is theirs: the one car under "my vehicles", with its VIN.
      await page
        .getByRole('link', { name: zh('nav.myVehicles') })
        .first()
        .click();
      const mine = page.getByTestId('my-vehicles');
      await mine.waitFor();
      expect(await mine.locator(':scope > li').count()).toBe(1);
      await page.getByTestId(`my-vehicle-${order.vehicleId}`).getByText(vin).waitFor();
      await screenshot(page, 'build-my-vehicles');
    });
  });
  it("the dealer's DMS records the keys handed over: the customer's hand-over card and the dealer's car page show it", async () => {
    // The Shanghai dealer's DMS, with a key the admin created for it.
    const admin = await session(ADMIN, DEMO_PASSWORD);
    const created = await admin.post<{ apiKey: { id: string }; secret: string; signingSecret: string }>(
      '/admin/api-keys',
      { name: 'DMS Pudong (journey)', orgId: order.dealer.id, scopes: ['dms:handover'] },
    );
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const key = {
      id: created.body.apiKey.id,
      secret: created.body.secret,
      signingSecret: created.body.signingSecret,
    };
    const handover = (
      await buyer.get<{ build: { handover: { day: string; slotStart: string } } }>(
        `/store/orders/${order.vehicleId}`,
      )
    ).build.handover;
    const at = new Date(Math.floor((Date.now() - 5 * 60_000) / 60_000) * 60_000).toISOString();
    const staffName = '王敏';
    const res = await partnerRequest(
      { request: (path, init) => fetch(`${baseUrl}${path}`, init) },
      key,
      'PUT',
      `/partner/dms/handovers/${order.vehicleId}`,
      {
        sourceVersion: 1,
        appointment: { status: 'booked', day: handover.day, slotStart: handover.slotStart },
        checklistCompleted: [],
        keysHandedOver: { at, staffName },
      },
    ).send();
    expect(res.status, await res.clone().text()).toBe(200);
    const keysText = zh('build.handover.keysBy', { at: formatDateTime('zh-CN', at), staff: staffName });

    await withPage(BUYER.phone, BUYER.password, async (page) => {
      await page.goto(`/orders/${order.id}`);
      const card = page.getByTestId('order-handover');
      await card.getByText(zh('build.handover.keys'), { exact: true }).waitFor();
      expect(await card.getByTestId('keys-handed-over').textContent()).toBe(keysText);
      await screenshot(page, 'build-keys-customer');
    });
    await withPage(SALES_SH, DEMO_PASSWORD, async (page) => {
      await page.goto(`/dealer/handovers/${order.vehicleId}`);
      await page.getByTestId('handover-stage').waitFor();
      expect(await page.getByTestId('keys-handed-over').textContent()).toBe(
        zh('dealer.handover.fact.keysBy', { at: formatDateTime('zh-CN', at), staff: staffName }),
      );
    });
  });
});
