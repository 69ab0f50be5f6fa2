import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DESKTOP, launchBrowser, newPage, PHONE, screenshot, signIn } from './browser.ts';
import { ADMIN } from './demo-accounts.ts';

// The admin catalogue editor against the real server and its seeded demo catalogue: a
// contradictory rule is refused at publish with a report naming it, the live version stays; a
// price change publishes as the next version.

const baseUrl = inject('baseUrl');
let browser: Browser;

// 启程 G20 (apps/server/src/modules/catalog/demo/qc-g20.ts): its trims, all of which the rule forbids.
const TRIMS = ['trim-comfort', 'trim-luxury', 'trim-voyager'];
const BAD_RULE = 'e2e-no-trim';

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

async function liveNumber(page: Page): Promise<number> {
  return Number(await page.getByTestId('live-version').getAttribute('data-number'));
}

/** Signs in as the admin and opens the G20 draft from the catalogue list; returns its code. */
async function openG20Draft(page: Page): Promise<string> {
  await signIn(page, ADMIN.login, ADMIN.password, '/admin/catalog');
  await page.waitForURL((url) => url.pathname === '/admin/catalog');
  await page.getByRole('link', { name: '车型目录' }).first().waitFor();
  await page.getByTestId('model-lines').waitFor();
  await screenshot(page, 'catalog-lines-desktop');
  const link = page.locator('[data-testid^="line-qc-g20"]').first();
  await link.click();
  await page.waitForURL((url) => url.pathname.startsWith('/admin/catalog/'));
  await page.getByTestId('editor-bar').waitFor();
  await expect.poll(() => liveNumber(page)).toBeGreaterThan(0);
  return decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '');
}

describe('admin catalogue', () => {
  it('refuses a contradictory draft with a report naming the rule, then publishes a price change', async () => {
    await withPage(async (page) => {
      await openG20Draft(page);
      await screenshot(page, 'catalog-editor-desktop');
      const live = await liveNumber(page);

      // A constraint that forbids every trim: no car can be built.
      await page.getByTestId('tab-rules').click();
      await page.getByTestId('add-rule-json').click();
      const rule = {
        id: BAD_RULE,
        kind: 'constraint',
        expr: { not: { any: TRIMS } },
        message: { 'zh-CN': '测试：禁止所有版本', en: 'Test: forbid every trim' },
      };
      await page.getByTestId('rule-json').fill(JSON.stringify(rule, null, 2));
      await page.getByTestId('rule-apply').click();
      await page.getByTestId(`rule-${BAD_RULE}`).waitFor();
      expect(await page.getByTestId('dirty-state').getAttribute('data-dirty')).toBe('yes');

      await page.getByTestId('check-draft').click();
      await page.getByTestId('findings-no_solution').waitFor();
      expect(await page.getByTestId('check-report').textContent()).toContain(BAD_RULE);
      expect(await page.getByTestId('dirty-state').getAttribute('data-dirty')).toBe('no');

      await page.getByTestId('publish-draft').click();
      await expect
        .poll(() => page.getByTestId('check-report').textContent())
        .toContain('发布被拒绝，线上版本保持不变');
      expect(await page.getByTestId('check-report').textContent()).toContain(BAD_RULE);
      await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('发布被拒绝');
      await screenshot(page, 'catalog-publish-refused-desktop');
      expect(await liveNumber(page)).toBe(live);

      // The report links to the rule.
      await page.getByTestId('findings-no_solution').getByRole('button', { name: BAD_RULE }).first().click();
      await expect
        .poll(() => page.getByTestId(`rule-${BAD_RULE}`).getAttribute('class'))
        .toContain('cat-focused');

      // Remove it, change a price, publish: the next version.
      await page.getByTestId(`remove-rule-${BAD_RULE}`).click();
      expect(await page.getByTestId(`rule-${BAD_RULE}`).count()).toBe(0);
      await page.getByTestId('tab-families').click();
      await page.getByTestId('family-trim').click();
      await page.getByTestId('price-trim-luxury').fill('31000.50');
      expect(await page.getByTestId('dirty-state').getAttribute('data-dirty')).toBe('yes');
      await page.getByTestId('publish-draft').click();
      await expect.poll(() => page.getByTestId('editor-notice').textContent()).toContain(`v${live + 1}`);
      await expect.poll(() => liveNumber(page)).toBe(live + 1);
      expect(await page.getByTestId('dirty-state').getAttribute('data-dirty')).toBe('no');

      await page.getByTestId('tab-history').click();
      await page.getByTestId('version-history').waitFor();
      await expect.poll(() => page.getByTestId('version-history').textContent()).toContain(`v${live + 1}`);
      await page.getByTestId(`export-v${live + 1}`).waitFor();
      await screenshot(page, 'catalog-history-desktop');

      // The saved price is exact: 31000.50 yuan is 3100050 fen after a reload.
      await page.reload();
      await page.getByTestId('family-trim').click();
      expect(await page.getByTestId('price-trim-luxury').inputValue()).toBe('31000.50');
    });
  });

  it('refuses a broken model import in the current language and keeps the draft', async () => {
    await withPage(async (page) => {
      await openG20Draft(page);
      await page.getByRole('button', { name: 'Switch language to English' }).click();
      await page.getByRole('tab', { name: 'Versions, import, export' }).click();
      const broken = {
        format: 'openc2b.model',
        version: 1,
        id: 'broken',
        currency: 'CNY',
        basePrice: 0,
        families: [{ code: 'a', options: [{ code: 'a1' }] }],
        rules: [{ id: 'r1', kind: 'excludes', a: 'a1', b: 'no-such-option' }],
      };
      await page.getByTestId('import-json').setInputFiles({
        name: 'broken.json',
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify(broken)),
      });
      await expect
        .poll(() => page.getByRole('alert').first().textContent())
        .toContain('The draft has structural errors and was not saved');
      expect(await page.getByTestId('check-report').textContent()).toContain(
        'Names an option that does not exist',
      );
      await screenshot(page, 'catalog-import-refused-en-desktop');
      await page.getByRole('tab', { name: 'Families and options' }).click();
      await page.getByTestId('family-trim').waitFor();
    });
  });

  it('fits a phone screen', async () => {
    await withPage(async (page) => {
      await signIn(page, ADMIN.login, ADMIN.password, '/admin/catalog');
      await page.getByTestId('model-lines').waitFor();
      await screenshot(page, 'catalog-lines-phone');
      await page.locator('[data-testid^="line-qc-g20"]').first().click();
      await page.getByTestId('editor-bar').waitFor();
      await page.getByTestId('check-draft').click();
      await page.getByTestId('check-report').waitFor();
      await screenshot(page, 'catalog-editor-phone');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await page.getByTestId('tab-rules').click();
      await page.getByTestId('add-rule').click();
      await page.getByTestId('rule-editor').waitFor();
      await screenshot(page, 'catalog-rules-phone');
      expect(
        await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
      ).toBeLessThanOrEqual(0);
    }, PHONE);
  });
});
