import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DESKTOP, launchBrowser, newPage, PHONE, screenshot, signIn } from './browser.ts';
import { CUSTOMER } from './demo-accounts.ts';

// Order and pay in the browser, in zh-CN, driven by labels and roles: a saved configuration is
// ordered at the Shanghai dealer without finance, the intention money is paid on the simulated
// provider's page, the order is locked with the deposit; the timeline shows both payments; the
// Shanghai dealer's staff see the order, Beijing's do not (list and URL). Then a failed payment
// and a successful retry. Waits are for what the page shows, never for time.

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

async function withPage<T>(fn: (page: Page) => Promise<T>, viewport = DESKTOP): Promise<T> {
  const { context, page } = await newPage(browser, baseUrl, viewport);
  try {
    return await fn(page);
  } finally {
    await context.close();
  }
}

const SHANGHAI = '启程汽车上海浦东体验中心';
const SALES_SH = 'sales.sh@qicheng.example';
const SALES_BJ = 'sales.bj@qicheng.example';

/** Saves the flagship as configured by default and starts its checkout from the save panel. */
async function orderSavedConfiguration(page: Page): Promise<void> {
  await page.goto('/configure/qc-d90-pro');
  await page.getByTestId('configurator').waitFor();
  await page.getByTestId('save-configuration').click();
  await page.getByRole('link', { name: '下订单' }).click();
  await page.waitForURL((url) => url.pathname.startsWith('/checkout/'));
}

/** Checkout: the Shanghai dealer, no finance, no insurance, the terms; answers the vehicle id. */
async function placeOrder(page: Page): Promise<string> {
  const dealer = page.getByRole('radio', { name: new RegExp(SHANGHAI) });
  await dealer.check();
  await page.getByRole('button', { name: '继续' }).click();
  // The delivery calendar of this car at this dealer: the first date the plant and the dealer can meet.
  await page.getByRole('heading', { name: '选择交付日期' }).waitFor();
  const calendar = page.getByTestId('delivery-calendar');
  await calendar.waitFor();
  const firstDate = calendar.locator('[data-available="true"] input').first();
  const date = (await firstDate.getAttribute('value')) ?? '';
  expect(date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  // Dates that cannot be promised say why, in words.
  const closed = calendar.locator('[data-available="false"]').first();
  expect(((await closed.textContent()) ?? '').length).toBeGreaterThan(8);
  expect(await closed.locator('input').isDisabled()).toBe(true);
  await page.getByTestId(`delivery-day-${date}`).check();
  await screenshot(page, 'checkout-delivery-date-desktop');
  await page.getByRole('button', { name: '继续' }).click();
  await page.getByRole('radio', { name: /全款购车/ }).waitFor();
  expect(await page.getByRole('radio', { name: /全款购车/ }).isChecked()).toBe(true);
  await page.getByRole('button', { name: '继续' }).click();
  await page.getByRole('heading', { name: '保险（可选）' }).waitFor();
  await page.getByRole('button', { name: '继续' }).click();
  await page.getByRole('checkbox', { name: /我已阅读并同意以上订单条款/ }).check();
  await page.getByRole('button', { name: '继续' }).click();
  await page.getByRole('heading', { name: '确认订单' }).waitFor();
  expect(await page.getByTestId('review-delivery-date').textContent()).toBeTruthy();
  await screenshot(page, 'checkout-review-desktop');
  await page.getByTestId('place-order').click();
  const placed = page.getByRole('heading', { name: /^订单 C2B-\d{4}-\d{6}$/ });
  await placed.waitFor();
  const vehicleId = ((await placed.textContent()) ?? '').replace('订单 ', '').trim();
  expect(vehicleId).toMatch(/^C2B-\d{4}-\d{6}$/);
  return vehicleId;
}

/** On the simulated provider's page: the amount, then the outcome; back on the order page. */
async function payOnSimulator(
  page: Page,
  amount: string,
  outcome: '模拟支付成功' | '模拟支付失败',
): Promise<void> {
  await page.waitForURL((url) => url.pathname.startsWith('/pay/sim/'));
  await page.getByText('支付模拟器', { exact: false }).waitFor();
  expect(await page.getByTestId('sim-amount').textContent()).toBe(amount);
  await screenshot(page, `sim-page-${outcome === '模拟支付成功' ? 'succeed' : 'fail'}`);
  await page.getByRole('button', { name: outcome }).click();
  await page.waitForURL((url) => url.pathname.startsWith('/orders/'));
}

async function stateOf(page: Page): Promise<string> {
  return ((await page.getByTestId('order-state').first().textContent()) ?? '').trim();
}

describe('order and pay', () => {
  let vehicleId = '';
  let orderPath = '';

  it('orders a saved configuration at the Shanghai dealer and pays the intention money', async () => {
    await withPage(async (page) => {
      await signIn(page, CUSTOMER.login, CUSTOMER.password);
      await page.waitForURL((url) => url.pathname === '/');
      await orderSavedConfiguration(page);
      // Near me: the browser shares a location in Shanghai, so the Shanghai dealer comes first.
      await page.context().grantPermissions(['geolocation'], { origin: baseUrl });
      await page.context().setGeolocation({ latitude: 31.2397, longitude: 121.4998 });
      await page.getByRole('button', { name: '离我最近' }).click();
      const nearShanghai = page.getByRole('radio', { name: new RegExp(`^${SHANGHAI}\\s*距你 [\\d.]+ 公里`) });
      await nearShanghai.check();
      // Nearest first: the dealer just chosen is the first of the list.
      expect(await page.getByRole('group', { name: '经销商' }).getByRole('radio').first().isChecked()).toBe(
        true,
      );
      await screenshot(page, 'checkout-dealer-near-desktop');
      vehicleId = await placeOrder(page);
      await page.getByRole('radio', { name: '微信支付' }).check();
      await page.getByRole('button', { name: '去支付 ¥5,000' }).click();
      await payOnSimulator(page, '¥5,000', '模拟支付成功');
      // The callback goes through a job: the page waits for it and says so.
      await page.getByText('支付已完成，订单已更新。').waitFor();
      expect(await stateOf(page)).toBe('已预订');
      orderPath = new URL(page.url()).pathname;
      await screenshot(page, 'order-reserved-desktop');
    });
  });

  it('locks the order with the deposit once the lock terms are accepted', async () => {
    await withPage(async (page) => {
      await signIn(page, CUSTOMER.login, CUSTOMER.password, '/orders');
      await page.getByRole('link', { name: `查看订单 ${vehicleId}` }).click();
      await page.waitForURL((url) => url.pathname === orderPath);
      await page.getByRole('button', { name: '锁单并支付定金' }).click();
      await page.getByRole('radio', { name: '银行卡' }).check();
      // Without the lock terms the deposit cannot start.
      await page.getByRole('button', { name: '去支付 ¥15,000' }).click();
      await page.getByText('请先阅读并同意锁单条款。').waitFor();
      await page.getByRole('checkbox', { name: /我已阅读并同意锁单条款/ }).check();
      await page.getByRole('button', { name: '去支付 ¥15,000' }).click();
      await payOnSimulator(page, '¥15,000', '模拟支付成功');
      await page.getByText('支付已完成，订单已更新。').waitFor();
      expect(await stateOf(page)).toBe('已锁单');

      const timeline = page.getByRole('list', { name: '订单动态' });
      const entries = timeline.getByRole('listitem');
      await expect.poll(() => entries.count()).toBe(5);
      expect(await entries.nth(0).textContent()).toContain('下单');
      // The date picked at checkout was reserved with the order.
      expect(await entries.nth(1).textContent()).toContain('已预留交付日期');
      expect(await entries.nth(2).textContent()).toContain('已付意向金');
      expect(await entries.nth(2).textContent()).toContain('¥5,000（微信支付）');
      expect(await entries.nth(3).textContent()).toContain('已锁单');
      expect(await entries.nth(3).textContent()).toContain('定金 ¥15,000（银行卡），已付合计 ¥20,000');
      // Locked: the car is confirmed for build in the same step.
      expect(await entries.nth(4).textContent()).toContain('车辆确认投产');
      // The car at the plant: planned on its production day, stamping next; no VIN before the body shop.
      const progress = page.getByTestId('plant-progress');
      expect(await progress.getByRole('listitem').count()).toBe(8);
      expect(await progress.locator('[data-step="planned"]').getAttribute('data-status')).toBe('done');
      expect(await progress.locator('[data-step="stamping"]').getAttribute('data-status')).toBe('current');
      expect(await page.getByTestId('promised-date').textContent()).toMatch(/\d+月\d+日/);
      await screenshot(page, 'order-locked-desktop');
      await page.setViewportSize(PHONE);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await screenshot(page, 'order-locked-phone');
    });
  });

  it("shows the order to the Shanghai dealer's staff, in the list and in detail", async () => {
    await withPage(async (page) => {
      await signIn(page, SALES_SH, CUSTOMER.password);
      await page.waitForURL((url) => url.pathname === '/dealer');
      await page.getByRole('link', { name: '订单', exact: true }).click();
      await page.getByLabel('车辆 ID 或客户姓名').fill(vehicleId);
      await page.getByRole('button', { name: '搜索' }).click();
      await page.getByRole('link', { name: vehicleId }).click();
      await page.getByRole('heading', { name: `订单 ${vehicleId}`, level: 1 }).waitFor();
      expect(await stateOf(page)).toBe('已锁单');
      await page.getByRole('heading', { name: '客户联系方式' }).waitFor();
      const timeline = page.getByRole('list', { name: '订单动态' });
      expect(await timeline.getByRole('listitem').count()).toBe(5);
      await screenshot(page, 'dealer-order-desktop');
    });
  });

  it("keeps it from another dealer's staff: not in their list, not found at its URL", async () => {
    await withPage(async (page) => {
      await signIn(page, SALES_BJ, CUSTOMER.password, '/dealer/orders');
      await page.waitForURL((url) => url.pathname === '/dealer/orders');
      await page.getByRole('heading', { name: '本店订单', level: 1 }).waitFor();
      // Their list, loaded: a table of their orders, or none at all.
      await page.getByText('暂无记录。').or(page.getByRole('table')).waitFor();
      expect(await page.getByRole('link', { name: vehicleId }).count()).toBe(0);
      await page.goto(orderPath.replace('/orders/', '/dealer/orders/'));
      await page.getByRole('heading', { name: '页面不存在', level: 1 }).waitFor();
      expect(await page.getByText(vehicleId).count()).toBe(0);
    });
  });

  it('takes a failed payment, then a successful retry', async () => {
    await withPage(async (page) => {
      await signIn(page, CUSTOMER.login, CUSTOMER.password);
      await page.waitForURL((url) => url.pathname === '/');
      await orderSavedConfiguration(page);
      const second = await placeOrder(page);
      expect(second).not.toBe(vehicleId);
      await page.getByRole('radio', { name: '支付宝' }).check();
      await page.getByRole('button', { name: '去支付 ¥5,000' }).click();
      await payOnSimulator(page, '¥5,000', '模拟支付失败');
      await page.getByText('支付未成功，你可以重新支付。').waitFor();
      expect(await stateOf(page)).toBe('待付意向金');
      const timeline = page.getByRole('list', { name: '订单动态' });
      expect(await timeline.textContent()).toContain('支付未成功');

      await page.getByRole('button', { name: '支付意向金' }).click();
      await page.getByRole('radio', { name: '支付宝' }).check();
      await page.getByRole('button', { name: '去支付 ¥5,000' }).click();
      await payOnSimulator(page, '¥5,000', '模拟支付成功');
      await page.getByText('支付已完成，订单已更新。').waitFor();
      expect(await stateOf(page)).toBe('已预订');
      expect(await page.getByRole('list', { name: '订单动态' }).getByRole('listitem').count()).toBe(4);
    });
  });
});
