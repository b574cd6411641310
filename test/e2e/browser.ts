/** Debian's Chromium driven by playwright-core, at a phone viewport. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { basename, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, ensureChromium } from '../chromium';
import { poll } from '../support/poll';

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

/** One element below the bar of the design system, described for the failure message. */
export interface Shortfall {
  what: 'target' | 'text' | 'clipped';
  px: number;
  text: string;
  className: string;
}

/**
 * What on the screen now is below the design system's bars (issue 18): tap targets under 44 px high, text under
 * 12 px (auxiliary: tags, dates) and typed text under 14 px (body). A tap target is what the client marks as
 * one — `cursor: pointer` (the `tap` mixin), a hover class, an input or a button — measured at its outermost
 * tappable box; only what is shown (in the viewport's width, not hidden, not covered by an open sheet's mask) counts.
 * Also a title the H5 title bar is too low to hold.
 */
export async function shortfalls(page: Page): Promise<Shortfall[]> {
  return page.evaluate(`(() => {
    const out = [];
    const visible = (el) => {
      const r = el.getBoundingClientRect();
      if (r.width < 1 || r.height < 1 || r.right <= 0 || r.left >= innerWidth) return null;
      for (let e = el; e; e = e.parentElement) {
        const s = getComputedStyle(e);
        if (s.display === 'none' || s.visibility === 'hidden' || Number(s.opacity) === 0) return null;
      }
      return r;
    };
    const label = (el) => (el.innerText || el.value || el.placeholder || '').trim().replace(/\\s+/g, ' ').slice(0, 30);
    const cls = (el) => String(el.className || el.tagName).slice(0, 80);
    // Only the page on top (the router keeps earlier pages hidden), and the tab bar.
    const roots = [...document.querySelectorAll('.taro_router > .taro_page.taro_page_show, .taro-tabbar__tabbar')];
    const top = roots.filter((r) => r.classList.contains('taro_page')).pop();
    const scope = [top, ...roots.filter((r) => !r.classList.contains('taro_page'))].filter(Boolean);
    const tappable = (el) => {
      if (['INPUT', 'TEXTAREA', 'BUTTON'].includes(el.tagName)) return el.type !== 'hidden';
      const hover = el.getAttribute('hover-class') || el.getAttribute('hoverclass');
      return getComputedStyle(el).cursor === 'pointer' || (hover && hover !== 'none');
    };
    for (const root of scope) {
      for (const el of root.querySelectorAll('*')) {
        if (tappable(el) && ![...ancestors(el)].some(tappable)) {
          const r = visible(el);
          if (r && r.height < 43.5) out.push({ what: 'target', px: Math.round(r.height * 10) / 10, text: label(el), className: cls(el) });
        }
        const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
        const typed = el.tagName === 'INPUT' || el.tagName === 'TEXTAREA';
        if (!own && !typed) continue;
        const size = parseFloat(getComputedStyle(el).fontSize);
        const bar = typed ? 14 : 12;
        if (size < bar - 0.05 && visible(el)) out.push({ what: 'text', px: size, text: label(el), className: cls(el) });
      }
    }
    function* ancestors(el) {
      for (let e = el.parentElement; e && !e.classList.contains('taro_page'); e = e.parentElement) yield e;
    }
    // The H5 title bar keeps its height at every width: a title whose type outgrows it is cut (it was, at 1280 wide).
    const bar = document.querySelector('.taro-navigation-bar-show');
    const title = bar && bar.querySelector('.taro-navigation-bar-title');
    if (title && visible(title)) {
      const size = parseFloat(getComputedStyle(title).fontSize);
      if (size * 1.4 > bar.getBoundingClientRect().height) out.push({ what: 'clipped', px: size, text: label(title), className: cls(title) });
    }
    return out;
  })()`);
}

const describeShortfalls = (where: string, found: Shortfall[]) =>
  `${where}: ${found.length} below the bars (targets ≥ 44 px, text ≥ 12 px, typed ≥ 14 px)\n${found
    .map((f) => `  ${f.what} ${f.px}px "${f.text}" .${f.className}`)
    .join('\n')}`;

/** Fails with the list of what is below the bars on the screen now (`where` names the screen). */
export async function expectReadable(page: Page, where: string): Promise<void> {
  const found = await shortfalls(page);
  if (found.length > 0) throw new Error(describeShortfalls(where, found));
}

/**
 * What `shoot()` measured below the bars in this file: the file fails at its end with the list (also written to
 * test-results/below-bars/<file>.txt), so that one run names all of a walk's shortfalls rather than the first.
 */
const belowBars: string[] = [];
const afterAllOf = (globalThis as { afterAll?: (fn: () => void) => void }).afterAll;
// Only under jest (the first-screen bench imports these helpers from plain tsx).
afterAllOf?.(() => {
  if (belowBars.length === 0) return;
  const state = (globalThis as { expect?: { getState(): { testPath?: string } } }).expect?.getState();
  const file = basename(state?.testPath ?? 'walk', '.test.ts');
  mkdirSync(resolve(SCREENSHOT_DIR, '..', 'below-bars'), { recursive: true });
  writeFileSync(resolve(SCREENSHOT_DIR, '..', 'below-bars', `${file}.txt`), belowBars.join('\n\n'));
  throw new Error(`${file}: ${belowBars.length} screens below the bars:\n\n${belowBars.join('\n\n')}`);
});

async function measure(page: Page, where: string): Promise<void> {
  const found = await shortfalls(page);
  if (found.length > 0) belowBars.push(describeShortfalls(where, found));
}

/** Wait until the page is still: the router's slide-in done, no toast showing (before a screenshot). */
export async function waitStill(page: Page): Promise<void> {
  await page.waitForFunction(`(() => {
    const pages = [...document.querySelectorAll('.taro_router > .taro_page.taro_page_show')];
    const moving = pages.some((el) => !['none', 'matrix(1, 0, 0, 1, 0, 0)'].includes(getComputedStyle(el).transform));
    const toast = [...document.querySelectorAll('.taro__toast')].some((el) => el.style.display !== 'none');
    return !moving && !toast;
  })()`);
}

/** Routes this test file has already photographed at 1280×800 (one wide shot per screen, not per step). */
const wideSeen = new Set<string>();

/**
 * Photograph the phone screen as test-results/screenshots/<name>.png once the page is still, and hold it to the design
 * system's bars (`shortfalls`; the file fails at its end if any screen fell below them). The first time a file shows a screen (a route, whatever its query), the same URL
 * is also opened at 1280×800 in a second tab of the same context (the same session), photographed as
 * `<name>-wide.png` and measured the same way: issue 18 asks for every screen at both sizes. A second tab rather than
 * a resize, so that the phone walk keeps its state (an open dialog, a wide layout's pane) as it was.
 * Taro's H5 pages scroll inside their own container, so a "full page" shot is still one screen: `at` scrolls an
 * element into view first. `measure: false` only where a screen is shown mid-transition on purpose.
 */
export async function shoot(
  page: Page,
  name: string,
  opts: { at?: string; fullPage?: boolean; measure?: boolean } = {},
): Promise<void> {
  if (opts.at) await page.locator(opts.at).first().scrollIntoViewIfNeeded();
  await waitStill(page);
  await page.screenshot({ path: screenshotPath(name), fullPage: opts.fullPage ?? false });
  if (opts.measure === false) return;
  await measure(page, name);
  await shootWide(page, name);
}

async function shootWide(page: Page, name: string): Promise<void> {
  const url = page.url();
  const route = url.split('#')[1]?.split('?')[0];
  if (!route || wideSeen.has(route) || (page.viewportSize()?.width ?? 0) >= 768) return;
  wideSeen.add(route);
  const wide = await page.context().newPage();
  try {
    await wide.setViewportSize({ width: 1280, height: 800 });
    await wide.goto(url);
    // Loaded: the page's requests answered and no loading state left on it.
    await wide.waitForLoadState('networkidle', { timeout: 20_000 }).catch(() => undefined);
    await poll(() => wide.locator('.taro_page.taro_page_show .state--loading').filter({ visible: true }).count(), {
      timeout: 20_000,
    }).toBe(0);
    await waitStill(wide);
    await wide.screenshot({ path: screenshotPath(`${name}-wide`) });
    await measure(wide, `${name}, 1280 wide`);
  } catch (err) {
    belowBars.push(
      `${name}, 1280 wide: not shown (${err instanceof Error ? err.message.split('\n')[0] : String(err)})`,
    );
  } finally {
    await wide.close();
  }
}

/** Confirm Taro's H5 modal (showModal) and return its text. */
export async function confirmModal(page: Page): Promise<string> {
  const modal = page.locator('.taro-modal__content').filter({ visible: true }).last();
  await modal.waitFor({ state: 'visible', timeout: 20_000 });
  const text = await modal.innerText();
  await modal.locator('.taro-model__confirm').click();
  await modal.waitFor({ state: 'hidden' });
  return text;
}

/** On 我的: sign out whoever is signed in (confirming), then sign in with the demo picker as `openid`. */
export async function signInAs(page: Page, webUrl: string, openid: string): Promise<void> {
  await page.goto(`${webUrl}#/pages/mine/index`);
  const logout = page.locator('.mine__logout');
  const login = page.locator(`.demo-login[data-openid="${openid}"]`);
  await poll(async () => (await logout.isVisible()) || (await login.isVisible()), { timeout: 20_000 }).toBe(true);
  if (await logout.isVisible()) {
    await logout.click();
    await confirmModal(page);
  }
  await login.click();
  await page.locator('.mine-user').waitFor({ state: 'visible', timeout: 20_000 });
}

/** Tap a download button; the .xlsx the browser saved, read back with exceljs (its first sheet's cells as text). */
export async function downloadedXlsx(p: Page, button: string) {
  const [download] = await Promise.all([p.waitForEvent('download', { timeout: 30_000 }), p.locator(button).click()]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await readFile((await download.path())!)) as unknown as ArrayBuffer);
  const sheet = wb.worksheets[0]!;
  const cells: string[] = [];
  sheet.eachRow((row) => cells.push(...(row.values as unknown[]).map((v) => String(v ?? ''))));
  return { name: download.suggestedFilename(), rows: sheet.rowCount, text: cells.join(' ') };
}
