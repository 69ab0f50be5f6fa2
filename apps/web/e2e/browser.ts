import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

// Debian's Chromium, never a downloaded browser; flags keep it quiet and offline.
export const CHROMIUM_PATH = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

export async function newPage(
  browser: Browser,
  baseURL: string,
  viewport: { width: number; height: number } = DESKTOP,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL, viewport, locale: 'zh-CN' });
  const page = await context.newPage();
  return { context, page };
}

/** Screenshots for looking at the pages by eye; only when E2E_SHOTS names a directory. */
export async function screenshot(page: Page, name: string): Promise<void> {
  const { E2E_SHOTS } = process.env;
  if (!E2E_SHOTS) return;
  mkdirSync(E2E_SHOTS, { recursive: true });
  await page.screenshot({ path: join(E2E_SHOTS, `${name}.png`), fullPage: true });
}

/** Signs in through the form, as a person would, in the default language. */
export async function signIn(page: Page, login: string, password: string, next?: string): Promise<void> {
  await page.goto(next ? `/sign-in?next=${encodeURIComponent(next)}` : '/sign-in');
  await page.getByLabel('手机号或邮箱').fill(login);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}
