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
import { describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { AUTHORITY_REGION_CODES, regionName } from '@jiebang/shared';
import { api, type Session } from '../support/e2e-api';
import { e2eWalk, openSignedIn, type Phone } from '../support/e2e-session';
import { currentPeriod } from '../../client/src/subpackages/stats/lib';
import { downloadedXlsx, shoot } from './browser';

let apiUrl: string;
let webUrl: string;
let phone: Phone | undefined;
let page: Page;

const { call, login } = api(() => apiUrl);
const signIn = (p: Page, s: Session, hash: string) => openSignedIn(p, webUrl, s, hash);

/** Photograph a phone screen once it is still. */
const shot = (p: Page, name: string) => shoot(p, `stats-${name}`);

/** Tap a download button; the file the browser saved, read back with exceljs, once the button says it is done. */
async function xlsxFrom(p: Page, button: string) {
  const file = await downloadedXlsx(p, button);
  await p.locator('.stats-export[data-state="done"]').first().waitFor({ state: 'attached', timeout: 10_000 });
  return file;
}

const visible = (p: Page, selector: string) =>
  p.locator(selector).first().waitFor({ state: 'visible', timeout: 20_000 });

e2eWalk('stats', {
  opened: (w) => ({ apiUrl, webUrl, page, phone } = w),
});

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
    const wide = await phone!.browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
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
