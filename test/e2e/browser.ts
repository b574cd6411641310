/** Debian's Chromium driven by playwright-core, at a phone viewport. */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { CHROMIUM_ARGS, ensureChromium } from '../chromium';

export const SCREENSHOT_DIR = resolve(__dirname, '..', '..', 'test-results', 'screenshots');

export async function launchBrowser(): Promise<Browser> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return chromium.launch({ executablePath: ensureChromium(), args: CHROMIUM_ARGS, headless: true });
}

/** An iPhone-sized context (375×812 CSS px, 2× density, touch), Chinese locale, Beijing time. */
export function phoneContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({
    viewport: { width: 375, height: 812 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
}

export const screenshotPath = (name: string) => resolve(SCREENSHOT_DIR, `${name}.png`);

/** The test that has just failed, if any (set by test/support/e2e-environment.ts), for an afterEach. */
export const failedTestName = (): string | undefined => (globalThis as { __e2eFailedTest?: string }).__e2eFailedTest;
