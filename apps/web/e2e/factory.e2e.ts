/**
 * The plant's side of a build day, in the browser, in Chinese: the planner opens a production
 * day that has cars, runs sequencing and watches it finish, reads the violations by constraint
 * and freezes the day; the seat supplier sees that day's call-offs and confirms one; the station
 * operator records the first steps of a car (the VIN appears at the body shop) and an
 * out-of-order step shows the plant's answer.
 *
 * The cars come from factory-fixtures.ts (run by the global setup before the server starts).
 * Orders do register their cars with production (placing with a delivery date registers it,
 * the lock confirms it for build), but placing and locking a whole day of cars through the
 * store would make this journey about checkout; the fixtures put a full day of varied
 * configurations of the demo models, confirmed, on one production day, so sequencing has real
 * ratio rules to balance and violations to show.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_STAFF } from '../../server/src/seed/demo-identity.ts';
import { dayLabel } from '../src/factory/day-label.ts';
import { translate } from '../src/i18n/translate.ts';
import { launchBrowser, newPage, screenshot, signIn } from './browser.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;

const login = (role: string) => {
  const person = DEMO_STAFF.find((p) => p.role === role);
  if (!person) throw new Error(`the seed has no ${role}`);
  return person.email;
};

const zh = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) =>
  translate('zh-CN', key, params);

type Plan = { reserved: number; vehicles: { vehicleId: string; sequencePosition: number | null }[] };
type CallOff = {
  id: string;
  supplierId: string;
  kind: string;
  dueDate: string;
  supplierName: { 'zh-CN': string } | null;
};

/** The planner's API, signed in as a tool would be: to know which day the page should show. */
async function plannerApi(): Promise<<T>(path: string) => Promise<T>> {
  const signedIn = await fetch(`${baseUrl}/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: baseUrl },
    body: JSON.stringify({ login: login('planner'), password: DEMO_PASSWORD }),
  });
  expect(signedIn.status).toBe(200);
  const cookie = signedIn.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return async <T>(path: string) => {
    const response = await fetch(`${baseUrl}${path}`, { headers: { cookie, accept: 'application/json' } });
    expect(response.status, path).toBe(200);
    return (await response.json()) as T;
  };
}

async function withPage(
  role: string,
  fn: (page: Page) => Promise<void>,
  viewport?: { width: number; height: number },
) {
  const { context, page } = await newPage(browser, baseUrl, viewport);
  try {
    await signIn(page, login(role), DEMO_PASSWORD);
    await page.getByTestId('signed-in-user').waitFor();
    await fn(page);
  } finally {
    await context.close();
  }
}

let get: Awaited<ReturnType<typeof plannerApi>>;
let lineId = '';
let day = '';

beforeAll(async () => {
  browser = await launchBrowser();
  get = await plannerApi();
  const lines = await get<{ items: { id: string; code: string; timeZone: string }[] }>('/factory/lines');
  const line = lines.items.find((l) => l.code === 'NJ-A1');
  if (!line) throw new Error('no demo line NJ-A1');
  lineId = line.id;
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: line.timeZone }).format(new Date());
  const to = new Date(Date.parse(`${today}T00:00:00Z`) + 119 * 86_400_000).toISOString().slice(0, 10);
  const calendar = await get<{ days: { date: string; reserved: number; frozen: boolean }[] }>(
    `/factory/lines/${lineId}/calendar?from=${today}&to=${to}`,
  );
  // The fixture's day: the open day with the most cars (the demo orders hold a car here and there).
  const open = calendar.days
    .filter((d) => d.reserved > 0 && !d.frozen)
    .sort((a, b) => b.reserved - a.reserved || a.date.localeCompare(b.date))[0];
  if (!open) throw new Error('no production day with cars: did factory-fixtures.ts run?');
  day = open.date;
});

afterAll(async () => {
  await browser?.close();
});

describe('a production day at the plant', () => {
  it('the planner sequences a day with cars, watches it finish, reads the violations and freezes it', async () => {
    const before = await get<Plan>(`/factory/lines/${lineId}/days/${day}`);
    expect(before.reserved).toBeGreaterThan(5);
    const rules = await get<{ items: { name: { 'zh-CN': string }; active: boolean }[] }>(
      `/factory/lines/${lineId}/option-rules`,
    );

    await withPage('planner', async (page) => {
      await page.waitForURL((url) => url.pathname === '/factory');
      await page.getByTestId('planner-console').waitFor();
      await page.getByRole('table', { name: '有车辆的生产日' }).waitFor();
      await screenshot(page, 'factory-console');
      await page.getByRole('link', { name: dayLabel(zh, day) }).click();

      await page.getByRole('heading', { level: 1, name: `生产日 ${dayLabel(zh, day)}` }).waitFor();
      const cars = page.getByRole('table', { name: '这一天的车辆，按上线顺序' });
      await cars.waitFor();
      expect(await cars.locator('tbody tr').count()).toBe(before.reserved);

      await page.getByLabel('计算时间（秒）').fill('2');
      await page.getByLabel('随机种子').fill('7');
      await page.getByRole('button', { name: '排序这一天' }).click();
      // The run is queued and then worked on in the background: the bar shows it until it is done.
      await page.getByRole('progressbar', { name: '排序进度' }).waitFor();
      await screenshot(page, 'factory-sequencing');
      await page.getByRole('heading', { name: '排序结果' }).waitFor({ timeout: 30_000 });
      expect(await page.getByRole('progressbar').count()).toBe(0);

      const violations = page.getByRole('table', { name: '各约束的违规' });
      await violations.waitFor();
      const rows = await violations.locator('tbody tr th').allTextContents();
      for (const rule of rules.items.filter((r) => r.active)) {
        expect(
          rows.some((r) => r.includes(rule.name['zh-CN'])),
          rule.name['zh-CN'],
        ).toBe(true);
      }
      expect(rows.some((r) => r.includes('换色次数'))).toBe(true);
      expect(rows.some((r) => r.includes('同色连续上限'))).toBe(true);
      await page.getByText('排序后目标值').waitFor();
      expect(await page.getByTestId('new-order').locator('li').count()).toBe(before.reserved);
      // The day now has its new order: positions 1..n in the cars table.
      await page.getByText('已排序', { exact: true }).waitFor();
      const positions = await cars.locator('tbody tr td:first-child').allTextContents();
      expect(positions).toEqual(Array.from({ length: before.reserved }, (_, i) => String(i + 1)));
      await screenshot(page, 'factory-sequenced');

      await page.getByRole('button', { name: '冻结这一天…' }).click();
      await page.getByRole('alertdialog').waitFor();
      await page.getByRole('button', { name: '确认冻结' }).click();
      await page.getByTestId('day-frozen').waitFor();
      // Read-only from now on: no sequencing, no moving cars, no freezing again.
      expect(await page.getByRole('button', { name: '排序这一天' }).count()).toBe(0);
      expect(await page.getByRole('button', { name: '改期' }).count()).toBe(0);
      expect(await page.getByRole('button', { name: '冻结这一天…' }).count()).toBe(0);
      const callOffs = page.getByTestId('day-call-offs');
      await callOffs.waitFor();
      expect(await callOffs.locator(':scope > li').count()).toBeGreaterThan(1);
      await callOffs.getByText('华东座椅系统有限公司').first().waitFor();
      await screenshot(page, 'factory-frozen');
    });
  });

  it('the seat supplier sees the call-offs of that day and confirms the one in sequence', async () => {
    const plan = await get<Plan>(`/factory/lines/${lineId}/days/${day}`);
    const first = plan.vehicles.find((v) => v.sequencePosition === 1)?.vehicleId;
    const all = await get<{ items: CallOff[] }>(`/factory/lines/${lineId}/days/${day}/call-offs`);
    const seat = all.items.find((c) => c.supplierName?.['zh-CN'] === '华东座椅系统有限公司');
    const other = all.items.find((c) => c.supplierId !== seat?.supplierId);
    if (!seat || !other || !first) throw new Error('the frozen day has no seat call-off');

    await withPage('supplier_user', async (page) => {
      await page.getByRole('link', { name: '要货单' }).click();
      await page.getByRole('heading', { level: 1, name: '要货单' }).waitFor();
      await page.getByLabel('到货日期').fill(day);
      await page.getByRole('heading', { name: `${dayLabel(zh, day)} 到货` }).waitFor();
      const list = page.getByTestId('call-offs');
      // Only this day's call-offs are listed, and only the supplier's own. Polled: the day's
      // heading can show in the unfiltered list for a moment before the filtered one loads.
      await expect.poll(() => list.getByRole('heading', { level: 2 }).count()).toBe(1);
      await list.getByRole('link', { name: /按序供货（JIS）/ }).click();

      const items = page.getByTestId('call-off-items');
      await items.waitFor();
      // One row per car, in line order, starting with the first car of the sequence.
      const firstRow = items.locator('tbody tr').first();
      expect(await firstRow.locator('td').first().textContent()).toBe('1');
      expect(await firstRow.locator('code').first().textContent()).toBe(first);
      await screenshot(page, 'partner-call-off');

      await page.getByRole('button', { name: '确认发货' }).click();
      await page.getByRole('button', { name: '确认已发货' }).click();
      await page.getByTestId('call-off').getByText('已发货', { exact: true }).waitFor();
      expect(await page.getByRole('button', { name: '确认发货' }).count()).toBe(0);
      expect(await page.getByRole('button', { name: '报告延迟' }).count()).toBe(0);

      await page.getByRole('link', { name: /全部要货单/ }).click();
      await page.getByLabel('状态').selectOption('shipped');
      await page.getByTestId('call-offs').getByText('已发货', { exact: true }).first().waitFor();

      // Another supplier's call-off is a page that does not exist.
      await page.goto(`/partner/call-offs/${other.id}`);
      await page.getByRole('heading', { level: 1, name: '页面不存在' }).waitFor();
    });
  });

  it('the station operator records stamping and body (the VIN appears), and a step out of order is refused', async () => {
    const plan = await get<Plan>(`/factory/lines/${lineId}/days/${day}`);
    const car = plan.vehicles.find((v) => v.sequencePosition === 1)?.vehicleId ?? '';

    await withPage(
      'station_operator',
      async (page) => {
        await page.waitForURL((url) => url.pathname === '/factory/station');
        const scan = page.getByLabel('车辆 ID');
        // A scanner types the id (in whatever case) and presses Enter.
        await scan.fill(car.toLowerCase());
        await scan.press('Enter');
        await page.getByRole('heading', { level: 2, name: car }).waitFor();
        expect(await page.getByTestId('car-state').textContent()).toBe('已排产');
        await page.getByText('焊装时分配').waitFor();

        await page.getByRole('button', { name: '记录：冲压' }).click();
        await page.getByTestId('station-recorded').getByText(`已记录 ${car}：冲压。`).waitFor();
        expect(await page.getByTestId('car-state').textContent()).toBe('冲压完成');

        await page.getByRole('button', { name: '记录：焊装' }).click();
        await page
          .getByTestId('station-recorded')
          .getByText(/已分配 VIN：LKC/)
          .waitFor();
        const vin = (await page.getByTestId('car-vin').textContent()) ?? '';
        expect(vin).toMatch(/^LKC[A-Z0-9]{5}[0-9X][A-Z0-9]N\d{6}$/);
        expect(await page.getByTestId('car-state').textContent()).toBe('焊装完成');

        // The tablet at assembly scans the car before paint has seen it.
        await page.getByLabel('本工位').selectOption('assembly');
        await page.getByText('这辆车还没到本工位').waitFor();
        await page.getByRole('button', { name: '记录：总装' }).click();
        const refused = page.getByTestId('station-error');
        await refused.waitFor();
        expect(await refused.textContent()).toContain('工序顺序不对');
        expect(await refused.textContent()).toContain('这辆车当前状态：焊装完成。');
        expect(await refused.textContent()).toContain('下一道工序是：涂装。');
        expect(await page.getByTestId('car-state').textContent()).toBe('焊装完成');

        const recent = page.getByTestId('recent-scans').locator('li');
        expect(await recent.count()).toBe(3);
        expect(await recent.first().textContent()).toContain('工序顺序不对');
        expect(await recent.nth(1).textContent()).toContain(vin);
        await screenshot(page, 'factory-station');
      },
      { width: 1024, height: 768 },
    );
  });
});
