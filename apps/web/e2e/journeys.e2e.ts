import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DESKTOP, launchBrowser, newPage, PHONE, screenshot, signIn } from './browser.ts';
import { ADMIN, CUSTOMER, DEALER, DEMO_ACCOUNTS } from './demo-accounts.ts';

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

async function pathOf(page: Page): Promise<string> {
  return new URL(page.url()).pathname;
}

/** Signs in through the API (as an admin tool would) and reads every organisation. */
async function organisationsAsAdmin(): Promise<
  Array<{ id: string; kind: string; name: { 'zh-CN': string } }>
> {
  const admin = ADMIN;
  const signedIn = await fetch(`${baseUrl}/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: baseUrl },
    body: JSON.stringify({ login: admin.login, password: admin.password }),
  });
  expect(signedIn.status).toBe(200);
  const cookie = signedIn.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const response = await fetch(`${baseUrl}/admin/organisations`, {
    headers: { cookie, accept: 'application/json' },
  });
  expect(response.status).toBe(200);
  const body = (await response.json()) as {
    items: Array<{ id: string; kind: string; name: { 'zh-CN': string } }>;
  };
  return body.items;
}

describe('storefront', () => {
  it('is Chinese by default and switches to English, and remembers it', async () => {
    await withPage(async (page) => {
      await page.goto('/');
      await page.waitForFunction(
        () => document.title.includes('定制你的车') && document.title.includes(' · '),
      );
      expect(await page.title()).toMatch(/^\S.* · 定制你的车$/);
      expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
      await expect.poll(() => page.getByTestId('dealer-cities').locator('li').count()).toBeGreaterThan(0);
      await screenshot(page, 'storefront-desktop');

      await page.getByRole('button', { name: 'Switch language to English' }).click();
      await page.waitForFunction(() => document.title.endsWith(' · Build your car'));
      expect(await page.getAttribute('html', 'lang')).toBe('en');
      await expect.poll(() => page.getByRole('link', { name: 'Sign in' }).count()).toBeGreaterThan(0);

      await page.reload();
      await page.waitForFunction(() => document.title.endsWith(' · Build your car'));
      await page.getByRole('button', { name: '切换为中文' }).click();
      await page.waitForFunction(() => document.title.endsWith(' · 定制你的车'));
    });
  });

  it('fits a phone screen', async () => {
    await withPage(async (page) => {
      await page.goto('/');
      await page.getByTestId('dealer-cities').waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await screenshot(page, 'storefront-phone');
    }, PHONE);
  });
});

describe('sign-in lands each role on its own shell', () => {
  for (const account of DEMO_ACCOUNTS) {
    it(`${account.key} -> ${account.landing}`, async () => {
      await withPage(async (page) => {
        await signIn(page, account.login, account.password);
        await page.waitForURL((url) => url.pathname === account.landing);
        await page.getByTestId('signed-in-user').waitFor();
        // Each shell shows real data from its audience's routes.
        const evidence: Record<string, string> = {
          customer: 'dealer-cities',
          admin: 'organisation-counts',
          analyst: 'organisation-counts',
          engineer: 'admin-overview',
          support_agent: 'admin-overview',
          dealer_staff: 'dealership',
          planner: 'planner-console',
          station_operator: 'station-scan',
          supplier_user: 'partner-organisation',
        };
        await page.getByTestId(evidence[account.role] ?? 'missing').waitFor();
        if (account.role === 'customer') {
          await page.getByRole('link', { name: '我的账户' }).first().click();
          await page.waitForURL('**/account');
          await page.getByRole('heading', { name: '我的账户', level: 1 }).waitFor();
        }
        await screenshot(page, `${account.role}-desktop`);
        await page.setViewportSize(PHONE);
        await screenshot(page, `${account.role}-phone`);
      });
    });
  }
});

describe('guards', () => {
  it('sends a signed-out visitor of /admin to sign-in and back after', async () => {
    await withPage(async (page) => {
      await page.goto('/admin/organisations');
      await page.waitForURL((url) => url.pathname === '/sign-in');
      expect(new URL(page.url()).searchParams.get('next')).toBe('/admin/organisations');
      const admin = ADMIN;
      await page.getByLabel('手机号或邮箱').fill(admin.login);
      await page.getByLabel('密码').fill(admin.password);
      await page.getByRole('button', { name: '登录' }).click();
      await page.waitForURL((url) => url.pathname === '/admin/organisations');
      await page.getByRole('table').waitFor();
    });
  });

  it('shows a customer a clear no-access page at /admin', async () => {
    await withPage(async (page) => {
      const customer = CUSTOMER;
      await signIn(page, customer.login, customer.password);
      await page.waitForURL((url) => url.pathname === '/');
      await page.goto('/admin');
      await page.getByTestId('no-access').waitFor();
      expect(await pathOf(page)).toBe('/admin');
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('没有访问权限');
      await screenshot(page, 'customer-no-access');
    });
  });

  it('shows a wrong password as a translated error', async () => {
    await withPage(async (page) => {
      await signIn(page, ADMIN.login, 'not-the-password');
      await expect.poll(() => page.getByRole('alert').textContent()).toContain('账号或密码不正确');
    });
  });
});

describe('dealer', () => {
  it("sees their own dealership and not another's", async () => {
    const organisations = await organisationsAsAdmin();
    const dealers = organisations.filter((o) => o.kind === 'dealer');
    expect(dealers.length).toBeGreaterThan(1);
    await withPage(async (page) => {
      const dealer = DEALER;
      await signIn(page, dealer.login, dealer.password);
      await page.waitForURL((url) => url.pathname === '/dealer');
      const ownName = (await page.getByTestId('dealership').locator('h2').textContent()) ?? '';
      const own = dealers.find((d) => d.name['zh-CN'] === ownName);
      expect(own, ownName).toBeDefined();
      const other = dealers.find((d) => d.id !== own?.id);
      if (!other) throw new Error('need a second dealer');

      await page.goto(`/dealer/dealerships/${own?.id}`);
      await expect.poll(() => page.getByTestId('dealership').locator('h2').textContent()).toBe(ownName);

      await page.goto(`/dealer/dealerships/${other.id}`);
      await page.getByRole('alert').waitFor();
      expect(await page.getByText(other.name['zh-CN']).count()).toBe(0);
      expect(await page.getByTestId('dealership').count()).toBe(0);

      await page.getByRole('link', { name: '同事' }).click();
      await page.getByRole('table').waitFor();
    });
  });
});

describe('admin', () => {
  it('creates an API key, shows the secret once, and revokes it', async () => {
    await withPage(async (page) => {
      const admin = ADMIN;
      await signIn(page, admin.login, admin.password, '/admin/api-keys');
      await page.waitForURL((url) => url.pathname === '/admin/api-keys');
      const name = `e2e key ${Date.now()}`;
      await page.getByLabel('密钥名称').fill(name);
      await page.getByRole('button', { name: '创建密钥' }).click();
      await page.getByTestId('api-key-secret').waitFor();
      expect((await page.locator('.secret-value').textContent())?.length).toBeGreaterThan(16);
      await screenshot(page, 'admin-api-keys');
      await page.getByRole('button', { name: '我已保存' }).click();
      expect(await page.getByTestId('api-key-secret').count()).toBe(0);

      await page.getByRole('button', { name: `吊销密钥 ${name}` }).click();
      await page.getByRole('button', { name: '确认吊销' }).click();
      await page
        .getByRole('row', { name: new RegExp(name) })
        .getByText('已于')
        .waitFor();
    });
  });
});

describe('sign-out', () => {
  it('ends the session', async () => {
    await withPage(async (page) => {
      const dealer = DEALER;
      await signIn(page, dealer.login, dealer.password);
      await page.waitForURL((url) => url.pathname === '/dealer');
      await page.getByRole('button', { name: '退出登录' }).click();
      await page.waitForURL((url) => url.pathname === '/sign-in');
      const me = await page.evaluate(
        async () => (await fetch('/auth/me', { headers: { accept: 'application/json' } })).status,
      );
      expect(me).toBe(401);
      await page.goto('/dealer');
      await page.waitForURL((url) => url.pathname === '/sign-in');
    });
  });
});
