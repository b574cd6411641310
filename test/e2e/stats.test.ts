/**
 * End to end: statistics in Chromium on the H5 build, against the whole local stack with the demo seed (its ten
 * months of history). A province opens its dashboard from 我的, then its 统计表 for the current period: corrects a
 * figure the platform filled (refused without a note, accepted with one), adds an event and submits. The ministry
 * sees the table of every authority, returns the report with a comment; the province resubmits; the ministry
 * accepts it and downloads the report and the national roll-up (.xlsx, with its session, from the buttons); its
 * national dashboard renders at 375×812 and at 1280×800.
 * Screenshots: test-results/screenshots/stats-*.png.
 *
 * Against a stack that is already running: E2E_API_URL=… E2E_WEB_URL=… (the walk picks an authority whose report
 * for the period is not started yet, so it can run again).
 */
import { readFile } from 'node:fs/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { AUTHORITY_REGION_CODES, devLoginCode, regionName } from '@jiebang/shared';
import { startLocalStack, type LocalStack } from '../../infra/local/stack';
import { currentPeriod } from '../../client/src/subpackages/stats/lib';
import { failedTestName, launchBrowser, phoneContext, screenshotPath } from './browser';

let stack: LocalStack | null = null;
let apiUrl: string;
let webUrl: string;
let browser: Browser;
let context: BrowserContext;
let page: Page;

interface Session {
  token: string;
  expiresAt: string;
}

async function call<T = Record<string, unknown>>(token: string | null, method: string, path: string, body?: unknown) {
  const res = await fetch(`${apiUrl}${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  const json = res.headers.get('content-type')?.includes('json');
  return { status: res.status, body: (json && text ? JSON.parse(text) : null) as T, text, headers: res.headers };
}

async function login(openid: string): Promise<Session> {
  const r = await call<Session>(null, 'POST', '/v1/auth/wechat-login', { code: devLoginCode(openid) });
  if (r.status !== 200) throw new Error(`login ${openid} → ${r.status} ${r.text}`);
  return r.body;
}

/** Sign `p` in as `s` (the session stored where the client keeps it: Taro's H5 storage wraps values as `{ data }`). */
async function signIn(p: Page, s: Session, hash: string) {
  await p.goto(`${webUrl}#/pages/mine/index`);
  await p.evaluate(
    ([token, expiresAt]) => {
      const storage = (globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }).localStorage;
      storage.setItem('jiebang.token', JSON.stringify({ data: token }));
      storage.setItem('jiebang.tokenExpiresAt', JSON.stringify({ data: expiresAt }));
    },
    [s.token, s.expiresAt] as const,
  );
  await p.goto(`${webUrl}#${hash}`);
  await p.reload();
}

/** Wait until the page is still (the router's slide-in, toasts), then photograph it. */
async function shot(p: Page, name: string) {
  await p.waitForFunction(`(() => {
    const pages = [...document.querySelectorAll('.taro_router > .taro_page.taro_page_show')];
    const moving = pages.some((el) => !['none', 'matrix(1, 0, 0, 1, 0, 0)'].includes(getComputedStyle(el).transform));
    const toast = [...document.querySelectorAll('.taro__toast')].some((el) => el.style.display !== 'none');
    return !moving && !toast;
  })()`);
  await p.screenshot({ path: screenshotPath(`stats-${name}`), fullPage: false });
}

/** Tap a download button; the file the browser saved, read back with exceljs. */
async function xlsxFrom(p: Page, button: string) {
  const [download] = await Promise.all([p.waitForEvent('download', { timeout: 30_000 }), p.locator(button).click()]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await readFile((await download.path())!)) as unknown as ArrayBuffer);
  const sheet = wb.worksheets[0]!;
  const cells: string[] = [];
  sheet.eachRow((row) => cells.push(...(row.values as unknown[]).map((v) => String(v ?? ''))));
  await p.locator('.stats-export[data-state="done"]').first().waitFor({ state: 'attached', timeout: 10_000 });
  return { name: download.suggestedFilename(), rows: sheet.rowCount, text: cells.join(' ') };
}

const visible = (p: Page, selector: string) =>
  p.locator(selector).first().waitFor({ state: 'visible', timeout: 20_000 });

beforeAll(async () => {
  if (process.env.E2E_API_URL && process.env.E2E_WEB_URL) {
    apiUrl = process.env.E2E_API_URL;
    webUrl = process.env.E2E_WEB_URL;
  } else {
    stack = await startLocalStack({ web: true, build: 'if-missing' });
    apiUrl = stack.apiUrl;
    webUrl = stack.webUrl!;
  }
  browser = await launchBrowser();
  context = await phoneContext(browser);
  page = await context.newPage();
  page.on('pageerror', (err) => console.log('[e2e] page error:', err.message));
}, 300_000);

afterEach(async () => {
  if (failedTestName() && page) await page.screenshot({ path: screenshotPath('stats-failed') }).catch(() => {});
}, 60_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await stack?.stop();
}, 300_000);

describe('statistics: a province reports, the ministry reviews and looks at the nation', () => {
  it('fills, corrects and submits the 统计表; returned with a comment, resubmitted, accepted, exported; dashboards', async () => {
    const period = currentPeriod();
    const ministry = await login('ministry');
    // An authority whose report is not started: the demo regions with history first.
    const table = await call<{ items: { region: string; state: string }[] }>(
      ministry.token,
      'GET',
      `/v1/stats/reports?period=${period}`,
    );
    expect(table.status).toBe(200);
    const free = new Set(table.body.items.filter((l) => l.state === 'not_started').map((l) => l.region));
    const region = ['440300', '110000', '440000', '420000', '330200', '310000', ...AUTHORITY_REGION_CODES].find((r) =>
      free.has(r),
    )!;
    expect(region).toBeDefined();
    const province = await login(`province-${region}`);

    // The province's dashboard, from 我的.
    await signIn(page, province, '/pages/mine/index');
    await page.locator('.mine-entry--stats').click();
    await visible(page, '.stats-kpi');
    await visible(page, '.stats-funnel .bars__row');
    expect(await page.locator('.stats-dashboard__scope').innerText()).toContain('中小企业主管部门');
    await shot(page, '1-province-dashboard');

    // Its 统计表: the list (its own line), then the report prefilled from platform records.
    await page.locator('.stats-reports-link').click();
    await visible(page, `.stats-reports__line[data-region="${region}"]`);
    expect(await page.locator('.stats-reports__line').count()).toBe(1);
    await page.locator(`.stats-reports__line[data-region="${region}"]`).click();
    await visible(page, '.stats-report[data-state="not_started"]');
    const talks = page.locator('.stats-report__row[data-key="platform"] .stats-cell[data-col="talks"]');
    const computed = Number(await talks.locator('input').inputValue());
    await talks.locator('input').fill(String(computed + 2));
    await page.locator('.stats-report__save').click();
    await visible(page, '.stats-cell[data-col="talks"] .field-error');
    expect(await talks.locator('.field-error').innerText()).toContain('请说明原因');
    await talks.locator('.stats-note__input input').fill('另有 2 次线下洽谈未在平台登记');
    await page.locator('.stats-report__add').click();
    const event = page.locator('.stats-report__row[data-key="e1"]');
    await event.locator('.stats-cell[data-col="name"] input').fill('“百场万企”专场对接会');
    await event.locator('.stats-cell[data-col="large"] input').fill('12');
    await event.locator('.stats-cell[data-col="signed"] input').fill('4');
    await event.locator('.stats-cell[data-col="amount"] input').fill('1200');
    await talks.scrollIntoViewIfNeeded();
    await shot(page, '2-province-report-corrected');
    await page.locator('.stats-report__submit').click();
    await visible(page, '.stats-report[data-state="submitted"]');
    expect(await talks.locator('.stats-cell__computed').innerText()).toContain(`平台数据 ${computed}`);
    await page.locator('.stats-report__hero').scrollIntoViewIfNeeded();
    await shot(page, '3-province-submitted');

    // The ministry: the table of every authority, the report, returned with a comment.
    await signIn(page, ministry, `/subpackages/stats/pages/reports/index`);
    await visible(page, `.stats-reports__line[data-region="${region}"][data-state="submitted"]`);
    expect(await page.locator('.stats-reports__line').count()).toBe(37);
    await shot(page, '4-ministry-table');
    await page.locator(`.stats-reports__line[data-region="${region}"]`).click();
    await visible(page, '.stats-report__return');
    await page.locator('.stats-report__return').click();
    await page.locator('.stats-report__return-dialog textarea').fill('请补充活动举办地点');
    await page.locator('.stats-report__return-dialog .dialog__confirm').click();
    await visible(page, '.stats-report[data-state="returned"]');
    expect(await page.locator('.stats-report__comment').innerText()).toContain('请补充活动举办地点');

    // The province adds the place and resubmits (through the API: the form was walked above).
    const r = await call<{ version: number; rows: { key: string; cells: Record<string, unknown>; notes?: object }[] }>(
      province.token,
      'GET',
      `/v1/stats/reports/${region}/${period}`,
    );
    const rows = r.body.rows.map((row) => ({
      key: row.key,
      cells: row.key === 'e1' ? { ...row.cells, place: '深圳会展中心' } : row.cells,
      ...(row.notes ? { notes: row.notes } : {}),
    }));
    expect(
      (await call(province.token, 'PUT', `/v1/stats/reports/${region}/${period}`, { version: r.body.version, rows }))
        .status,
    ).toBe(200);
    expect((await call(province.token, 'POST', `/v1/stats/reports/${region}/${period}/submit`)).status).toBe(200);

    // The ministry accepts it and downloads it, then the national roll-up, from the buttons (the session goes with
    // the request: the routes need it).
    await page.reload();
    await visible(page, '.stats-report[data-state="submitted"]');
    await page.locator('.stats-report__accept').click();
    await visible(page, '.stats-report[data-state="accepted"]');
    await page.locator('.stats-report__hero').scrollIntoViewIfNeeded();
    await shot(page, '5-ministry-accepted');
    const one = await xlsxFrom(page, '.stats-report__export');
    expect(one.name).toBe(`统计表-${regionName(region)}中小企业主管部门-${period}.xlsx`);
    expect(one.text).toContain('深圳会展中心');
    await page.locator('.stats-report__export').scrollIntoViewIfNeeded();
    await shot(page, '5b-ministry-report-downloaded');
    await page.goto(`${webUrl}#/subpackages/stats/pages/reports/index`);
    await page.reload();
    await visible(page, `.stats-reports__line[data-region="${region}"][data-state="accepted"]`);
    const all = await xlsxFrom(page, '.stats-reports__rollup');
    expect(all.name).toBe(`统计表全国汇总-${period}.xlsx`);
    expect(all.rows).toBeGreaterThanOrEqual(37 + 2); // header, a row per authority, the total

    // The national dashboard on the phone, then on a wide screen.
    await page.goto(`${webUrl}#/subpackages/stats/pages/dashboard/index`);
    await page.reload();
    await visible(page, '.stats-regions .bars__row');
    expect(await page.locator('.stats-regions .bars__row').count()).toBeGreaterThanOrEqual(6);
    await shot(page, '6-ministry-dashboard-phone');
    const wide = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
    const desk = await wide.newPage();
    try {
      await signIn(desk, ministry, '/subpackages/stats/pages/dashboard/index');
      await visible(desk, '.stats-dashboard--wide .stats-regions .bars__row');
      const box = async (s: string) => (await desk.locator(s).boundingBox())!;
      const [funnel, trend, regions] = [
        await box('.stats-funnel'),
        await box('.stats-trend'),
        await box('.stats-regions'),
      ];
      // The cards two by two, using the width; the regions across the whole width, in two columns.
      expect(funnel.width).toBeLessThan(700);
      expect(Math.abs(funnel.y - trend.y)).toBeLessThan(2);
      expect(trend.x).toBeGreaterThan(funnel.x + funnel.width - 1);
      expect(regions.width).toBeGreaterThan(1000);
      const rows = await desk
        .locator('.stats-regions .bars__row')
        .evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().x)));
      expect(new Set(rows).size).toBe(2);
      await shot(desk, '7-ministry-dashboard-wide');
      await desk.locator('.stats-regions').scrollIntoViewIfNeeded();
      await shot(desk, '8-ministry-dashboard-wide-regions');
    } finally {
      await wide.close();
    }
  }, 240_000);
});
