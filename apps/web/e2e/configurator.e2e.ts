import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DESKTOP, launchBrowser, newPage, PHONE, screenshot } from './browser.ts';

// The storefront journey of the configurator: the flagship built completely by clicks, a
// conflict resolved with the cheapest repair, saved, and reopened from its share link in a fresh
// browser. Click-to-render times come from the page's own performance marks (printed, not asserted).

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

// Choices the journey makes on purpose: a roof rack first, so that the panoramic roof later
// conflicts with it (the demo rule "the panoramic roof excludes any roof rack").
const PREFERRED: Record<string, string> = { 'family-roof-rack': 'option-rack-crossbar' };

async function chooseEveryFamily(page: Page): Promise<number> {
  let clicks = 0;
  const steps = await page.locator('nav.cfg-steps button').all();
  for (const step of steps) {
    await step.click();
    const body = page.getByTestId('step-body');
    const families = await body.locator('fieldset[data-testid^="family-"]').all();
    for (const family of families) {
      if ((await family.locator('[aria-pressed="true"]').count()) > 0) continue;
      const testId = (await family.getAttribute('data-testid')) ?? '';
      const preferred = PREFERRED[testId];
      const target: Locator = preferred
        ? family.getByTestId(preferred)
        : family.locator('[data-possible="true"]').first();
      await target.click();
      clicks++;
      await expect.poll(() => family.locator('[aria-pressed="true"]').count()).toBe(1);
    }
  }
  return clicks;
}

/** The text of an element as a person reads it (trimmed). */
async function text(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? '').trim();
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? Number.NaN;
}

describe('configurator', () => {
  it('builds the flagship by clicks, repairs a conflict, saves and reopens it from the share link', async () => {
    const { context, page } = await newPage(browser, baseUrl, DESKTOP);
    let shareLink = '';
    let total = '';
    let code = '';
    try {
      await page.goto('/');
      await page.getByTestId('choose-model').click();
      await page.waitForURL((url) => url.pathname === '/models');
      const flagship = page.locator('[data-testid^="model-line-"]', { hasText: 'D90' });
      await flagship.waitFor();
      await screenshot(page, 'configurator-models-desktop');
      await flagship.locator('[data-testid^="configure-"]').click();

      await page.getByTestId('configurator').waitFor();
      const engineInfo = await text(page.getByTestId('engine-info'));
      const startVariants = await text(page.getByTestId('summary-variants'));
      await screenshot(page, 'configurator-defaults-desktop');

      await page.getByTestId('start-empty').click();
      await expect.poll(() => page.getByTestId('configurator').getAttribute('data-complete')).toBe('false');
      const allVariants = await text(page.getByTestId('summary-variants'));
      console.log(`[configurator] flagship: ${allVariants} variants from scratch; ${engineInfo}`);
      expect(allVariants).toBe('9,580,323,465,216');
      expect(startVariants).toBe('1');

      const clicks = await chooseEveryFamily(page);
      await page.getByTestId('summary-complete').waitFor();
      expect(await page.getByTestId('configurator').getAttribute('data-complete')).toBe('true');
      expect(await text(page.getByTestId('summary-variants'))).toBe('1');
      console.log(`[configurator] complete after ${clicks} clicks`);

      // The conflict: the panoramic roof against the roof rack chosen earlier.
      await page.getByTestId('step-exterior').click();
      const panoramic = page.getByTestId('option-sunroof-panoramic');
      expect(await panoramic.getAttribute('data-possible')).toBe('false');
      expect(await text(page.getByTestId('why-sunroof-panoramic'))).not.toBe('');
      await screenshot(page, 'configurator-exterior-desktop');
      await panoramic.click();
      const dialog = page.getByTestId('conflict-dialog');
      await dialog.waitFor();
      expect(await text(dialog.getByTestId('repair-cheapest-card'))).toContain('¥');
      await screenshot(page, 'configurator-conflict-desktop');

      // Undo keeps the previous car; then the cheapest repair.
      await dialog.getByTestId('repair-cancel').click();
      await dialog.waitFor({ state: 'detached' });
      expect(await page.getByTestId('option-rack-crossbar').getAttribute('aria-pressed')).toBe('true');
      await panoramic.click();
      await dialog.waitFor();
      await dialog.getByTestId('repair-cheapest').click();
      await dialog.waitFor({ state: 'detached' });
      expect(await panoramic.getAttribute('aria-pressed')).toBe('true');
      expect(await page.getByTestId('option-rack-crossbar').getAttribute('aria-pressed')).toBe('false');
      await page.getByTestId('summary-complete').waitFor();
      total = await text(page.getByTestId('summary-total'));

      await page.getByTestId('save-configuration').click();
      await page.getByTestId('share-link').waitFor();
      shareLink = await page.getByTestId('share-link').inputValue();
      code = await text(page.getByTestId('share-code'));
      expect(shareLink).toBe(`${baseUrl}/c/${code}`);
      await screenshot(page, 'configurator-saved-desktop');

      const durations = await page.evaluate(() =>
        performance.getEntriesByName('c2b:click', 'measure').map((entry) => entry.duration),
      );
      const sorted = [...durations].sort((a, b) => a - b);
      console.log(
        `[configurator] click-to-render over ${sorted.length} clicks: median ${percentile(sorted, 50).toFixed(1)} ms, p95 ${percentile(sorted, 95).toFixed(1)} ms, max ${(sorted.at(-1) ?? 0).toFixed(1)} ms`,
      );
      expect(sorted.length).toBeGreaterThanOrEqual(clicks);
    } finally {
      await context.close();
    }

    // A fresh browser context (no cookies, no cache): the same car and price.
    const fresh = await newPage(browser, baseUrl, DESKTOP);
    try {
      await fresh.page.goto(shareLink);
      await fresh.page.getByTestId('configurator').waitFor();
      await fresh.page.getByTestId('summary-complete').waitFor();
      expect(await text(fresh.page.getByTestId('summary-total'))).toBe(total);
      expect(await text(fresh.page.getByTestId('share-code'))).toBe(code);
      await fresh.page.getByTestId('step-exterior').click();
      expect(await fresh.page.getByTestId('option-sunroof-panoramic').getAttribute('aria-pressed')).toBe(
        'true',
      );

      await fresh.page.getByTestId('spec-link').click();
      await fresh.page.getByTestId('spec-sheet').waitFor();
      expect(await text(fresh.page.getByTestId('spec-total'))).toBe(total);
      await screenshot(fresh.page, 'configurator-spec-desktop');
    } finally {
      await fresh.context.close();
    }

    const phone = await newPage(browser, baseUrl, PHONE);
    try {
      await phone.page.goto(new URL(shareLink).pathname);
      await phone.page.getByTestId('summary-complete').waitFor();
      const overflow = await phone.page.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
      await screenshot(phone.page, 'configurator-shared-phone');

      await phone.page.goto(`/compare?a=${code}&b=${code}`);
      await phone.page.getByTestId('compare').waitFor();
      expect(await text(phone.page.getByTestId('compare-total-a'))).toBe(total);
      await screenshot(phone.page, 'configurator-compare-phone');

      // In English, a conflict on the phone: the dialog fits and "keep" leaves the car as it was.
      await phone.page.goto(new URL(shareLink).pathname);
      await phone.page.getByTestId('summary-complete').waitFor();
      await phone.page.getByRole('button', { name: 'Switch language to English' }).click();
      await phone.page.getByText('Variants still possible').waitFor();
      await phone.page.getByTestId('step-body').locator('[data-possible="false"]').first().click();
      const dialog = phone.page.getByTestId('conflict-dialog');
      await dialog.waitFor();
      expect(await text(dialog.getByTestId('repair-cheapest'))).toBe('Take the cheapest result');
      await screenshot(phone.page, 'configurator-conflict-phone');
      await dialog.getByTestId('repair-cancel').click();
      await dialog.waitFor({ state: 'detached' });
      await phone.page.getByTestId('summary-complete').waitFor();
      expect(await phone.page.getByTestId('share-code').count()).toBe(1);
    } finally {
      await phone.context.close();
    }
  });
});
