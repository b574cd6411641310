/**
 * What every end-to-end file opens before its tests and closes after them: the stack under test and a phone-sized
 * Chromium page.
 */
import { afterAll, afterEach, beforeAll } from '@jest/globals';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startLocalStack, type LocalStack } from '../../infra/local/stack';
import { failedTestName, launchBrowser, phoneContext, screenshotPath } from '../e2e/browser';

export interface Phone {
  browser: Browser;
  context: BrowserContext;
  page: Page;
}

/** Chromium at a phone viewport with one page, whose own errors are logged (they explain a step that stalls). */
export async function openPhone(): Promise<Phone> {
  const browser = await launchBrowser();
  const context = await phoneContext(browser);
  const page = await context.newPage();
  page.on('pageerror', (err) => console.log('[e2e] page error:', err.message));
  return { browser, context, page };
}

/**
 * The stack to test: one already running when E2E_API_URL and E2E_WEB_URL are both set (to iterate quickly),
 * else a fresh local stack serving the H5 build (built if missing); `stack` is null for one already running.
 */
export async function stackUnderTest(): Promise<{ stack: LocalStack | null; apiUrl: string; webUrl: string }> {
  if (process.env.E2E_API_URL && process.env.E2E_WEB_URL) {
    return { stack: null, apiUrl: process.env.E2E_API_URL, webUrl: process.env.E2E_WEB_URL };
  }
  const stack = await startLocalStack({ web: true, build: 'if-missing' });
  return { stack, apiUrl: stack.apiUrl, webUrl: stack.webUrl! };
}

/** Closes the phone, then whatever else was started (servers, the stack), in that order; absent ones are skipped. */
export async function closeAll(phone: Phone | undefined, ...started: ({ stop(): Promise<void> } | null | undefined)[]) {
  await phone?.context.close();
  await phone?.browser.close();
  for (const s of started) await s?.stop();
}

/**
 * Puts a session the API issued where the client keeps it (Taro's H5 storage wraps each value as `{ data }`) and
 * reloads the page, which then starts signed in: a walk signs users in without going through WeChat each time.
 */
export async function storeSession(page: Page, session: { token: string; expiresAt: string }) {
  await page.evaluate(
    ([token, expiresAt]) => {
      // Runs in the page (the test's tsconfig has no DOM types).
      const storage = (globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }).localStorage;
      storage.setItem('jiebang.token', JSON.stringify({ data: token }));
      storage.setItem('jiebang.tokenExpiresAt', JSON.stringify({ data: expiresAt }));
    },
    [session.token, session.expiresAt] as const,
  );
  await page.reload();
}

/** Signs `session` in on `page` (storeSession), then opens `hash` (a route of the client, `/pages/…`). */
export async function openSignedIn(
  page: Page,
  webUrl: string,
  session: { token: string; expiresAt: string },
  hash = '/pages/mine/index',
) {
  await page.goto(`${webUrl}#/pages/mine/index`);
  await storeSession(page, session);
  await page.goto(`${webUrl}#${hash}`);
  await page.reload();
}

/** What a walk works with once its stack and phone are open. */
export interface OpenWalk {
  stack: LocalStack | null;
  apiUrl: string;
  webUrl: string;
  phone: Phone;
  page: Page;
}

/**
 * Registers the hooks every walk has around its tests: before them the stack under test (stackUnderTest) and a
 * phone, handed to `opened` (then the walk's own setting up); after a failed test a screenshot of every page open
 * on the phone's browser, `<name>-failed[-n].png`; after them all, `closing` (the walk's own clean-up), then the
 * phone and the stack closed.
 */
export function e2eWalk(
  name: string,
  hooks: { opened: (walk: OpenWalk) => unknown; closing?: () => Promise<unknown> },
): void {
  let walk: OpenWalk | undefined;
  let phone: Phone | undefined;
  let stack: LocalStack | null = null;
  beforeAll(async () => {
    const under = await stackUnderTest();
    stack = under.stack;
    phone = await openPhone();
    walk = { ...under, phone, page: phone.page };
    await hooks.opened(walk);
    // Starting the stack bundles every function: over 5 minutes on a loaded machine (the stack's own waits are
    // progress-based).
  }, 600_000);
  afterEach(async () => {
    if (!failedTestName() || !phone) return;
    const pages = phone.browser.contexts().flatMap((c) => c.pages());
    for (const [i, p] of pages.entries())
      await p.screenshot({ path: screenshotPath(`${name}-failed${i ? `-${i}` : ''}`) }).catch(() => {});
  }, 60_000);
  afterAll(async () => {
    if (walk) await hooks.closing?.();
    await closeAll(phone, stack);
  }, 300_000);
}
