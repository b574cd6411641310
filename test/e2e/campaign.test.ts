/**
 * End to end: 221号 to the letter (issue 16) in a phone-sized Chromium on the H5 build. The year's application
 * window has been announced as "另行通知" (set through the API first); the ministry opens 年度工作时间 from 我的,
 * sees 另行通知, opens the window from the screen and saves. 装备工业一司 adds a large enterprise that registered
 * today to its list of contacted enterprises (联系的大企业); that enterprise then submits its 需求表 directly to the
 * ministry, and the demand records the department. The campaign is put back as it was afterwards (other walks
 * share the stack). Screenshots: test-results/screenshots/campaign-*.png.
 *
 * Against a stack that is already running: E2E_API_URL=… E2E_WEB_URL=… (the enterprise is new on every run).
 */
import { describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { formatShanghai, type Campaign } from '@jiebang/shared';
import { api, type Session } from '../support/e2e-api';
import { openSignedIn, e2eWalk } from '../support/e2e-session';
import { creditCode, demandForm } from '../support/fixtures';
import { poll } from '../support/poll';
import { shoot } from './browser';

let apiUrl: string;
let webUrl: string;
let page: Page;
let original: Campaign | undefined;
let ministryToken = '';

const TAG = Date.now().toString(36).slice(-5);

const { call, ok, login } = api(() => apiUrl);

/** The campaign's editable fields (PUT body) from what GET answers. */
function fieldsOf(c: Campaign) {
  const { year: _y, createdAt: _c, updatedAt: _u, version, ...fields } = c;
  return { ...fields, version: version ?? 0 };
}

/** Photograph the phone screen once it is still. */
const shot = (name: string) => shoot(page, `campaign-${name}`);

/** Sign `s` in on the phone (storeSession), then open `path`. */
const signInAs = (s: Session, path?: string) => openSignedIn(page, webUrl, s, path);

const row = (key: string) => page.locator(`.deadline-row[data-key="${key}"] .deadline-row__value`);

e2eWalk('campaign', {
  opened: async (w) => {
    ({ apiUrl, webUrl, page } = w);
    ministryToken = (await login('ministry')).token;
    original = await ok<Campaign>(null, 'GET', '/v1/campaigns/current');
    // The notice's "报送时间另行通知": the window is not open until the ministry sets it.
    await ok(ministryToken, 'PUT', `/v1/campaigns/${original.year}`, {
      ...fieldsOf(original),
      applicationOpensAt: null,
    });
  },
  // Put the campaign back as it was (other walks submit applications on the same stack).
  closing: async () => {
    if (!original) return;
    const now = await ok<Campaign>(null, 'GET', '/v1/campaigns/current');
    const { applicationOpensAt: _o, ...back } = fieldsOf(original);
    await ok(ministryToken, 'PUT', `/v1/campaigns/${original.year}`, {
      ...back,
      ...(original.applicationOpensAt !== undefined ? { applicationOpensAt: original.applicationOpensAt } : {}),
      version: now.version ?? 0,
    });
  },
});

describe('221号 to the letter: the campaign in the ministry hands, the direct channel', () => {
  it('the ministry opens the application window announced as 另行通知', async () => {
    await page.goto(`${webUrl}#/pages/mine/index`);
    await page.locator('.demo-login[data-openid="ministry"]').click();
    await page.locator('.mine-work__entry--campaign').click();
    await row('application-window').waitFor({ state: 'visible', timeout: 20_000 });
    expect(await row('application-window').innerText()).toBe('另行通知');
    expect(await page.locator('.campaign__title').innerText()).toContain('大企业“发榜”中小企业“揭榜”');
    expect(await page.locator('.campaign-form__later').getAttribute('class')).toContain('is-on');
    await shot('1-announced-later');

    // Opens an hour ago: SMEs may submit at once.
    const opens = formatShanghai(new Date(Date.now() - 3600_000).toISOString());
    await page.locator('.campaign-form__later').click();
    await page.locator('.campaign-form__opens input').fill('2026-13-01 09:00');
    await page.locator('.campaign-form__save').click();
    expect(await page.locator('.field-error').first().innerText()).toContain('2026-12-01 09:00');
    await page.locator('.campaign-form__opens input').fill(opens);
    await page.locator('.campaign-form__save').click();
    await poll(() => row('application-window').innerText(), { timeout: 20_000 }).toBe(`${opens} 起`);
    await shot('2-window-opened');
    const saved = await ok<Campaign>(null, 'GET', '/v1/campaigns/current');
    expect(formatShanghai(saved.applicationOpensAt!)).toBe(opens);
    // Every authority was told, with what changed.
    const province = await login('province-440300');
    const inbox = await ok<{ items: { kind: string; body: string }[] }>(
      province.token,
      'GET',
      '/v1/notifications?limit=20',
    );
    expect(inbox.items.find((n) => n.kind === 'campaign_changed')?.body).toContain(`揭榜开始时间：另行通知 → ${opens}`);
  });

  it('装备工业一司 adds a large enterprise to its list, which then submits directly to the ministry', async () => {
    // A large enterprise registered today, not yet on any department's list.
    const issuer = await login(`e2e-letter-issuer-${TAG}`);
    const code = creditCode('110108');
    const name = `北方精密装备集团${TAG}有限公司`;
    const org = await ok<{ session: Session }>(issuer.token, 'POST', '/v1/orgs', {
      kind: 'large',
      name,
      creditCode: code,
      region: '110108',
      industry: 'industry',
      employees: 5200,
      revenue: 860000,
      contact: { name: '赵工', phone: '13900139000' },
    });
    const admin = org.session;
    const form = demandForm({ title: `高速电主轴国产化攻关${TAG}` });
    const demand = await ok<{ id: string }>(admin.token, 'POST', '/v1/demands', form);
    const refused = await call<{ error: { code: string } }>(admin.token, 'POST', `/v1/demands/${demand.id}/submit`, {
      channel: 'ministry',
    });
    expect(refused.body.error.code).toBe('NOT_DIRECTLY_CONTACTED');

    // The department adds it from 我的 → 联系的大企业.
    const dept = await login('department-equipment_1');
    await signInAs(dept);
    await page.locator('.mine-work__entry--contacts').click();
    await page.locator('.contact-form__code input').waitFor({ state: 'visible', timeout: 20_000 });
    await page.locator('.contact-form__code input').fill(code.slice(0, 17) + (code.endsWith('0') ? '1' : '0'));
    await page.locator('.contact-form__name input').fill(name);
    await page.locator('.contact-form__add').click();
    expect(await page.locator('.field-error').first().innerText()).toContain('校验');
    await page.locator('.contact-form__code input').fill(code);
    await page.locator('.contact-form__add').click();
    await page.locator(`.contact[data-code="${code}"]`).waitFor({ state: 'visible', timeout: 20_000 });
    await shot('3-department-list');

    // The enterprise submits directly, on its phone.
    await signInAs(admin, `/subpackages/issuer/pages/demand/index?id=${encodeURIComponent(demand.id)}`);
    // The draft's action bar, on the app's buttons (issue 18): the only walk screen that shows it before the sheet.
    await page.locator('.issuer-demand__submit').waitFor({ state: 'visible' });
    await shot('4a-draft-actions');
    await page.locator('.issuer-demand__submit').click();
    await page.locator('.channel-sheet__option[data-channel="ministry"]').click();
    await shot('4-channel-ministry');
    await page.locator('.channel-sheet__next').click();
    await page.locator('.submit-confirm .dialog__confirm').click();
    await poll(() => page.locator('.issuer-demand__status').getAttribute('data-status'), { timeout: 20_000 }).toBe(
      'submitted',
    );
    await shot('5-submitted-directly');
    const stored = await ok<{ channel: string; department: string }>(admin.token, 'GET', `/v1/demands/${demand.id}`);
    expect(stored).toMatchObject({ channel: 'ministry', department: 'equipment_1' });
    // The department follows it; another department does not see it.
    expect((await call(dept.token, 'GET', `/v1/demands/${demand.id}`)).status).toBe(200);
    const other = await login('department-electronics');
    expect((await call(other.token, 'GET', `/v1/demands/${demand.id}`)).status).toBe(404);

    // The issuer's own deadlines.
    await page.goto(`${webUrl}#/subpackages/campaign/pages/campaign/index`);
    await row('intake').waitFor({ state: 'visible', timeout: 20_000 });
    expect(await page.locator('.campaign-form').count()).toBe(0);
    await shot('6-issuer-deadlines');

    // The public 揭榜名单 of the year, from the same screen: the lines the API gives anyone.
    const listed = await ok<{ items: { demandId: string }[] }>(
      null,
      'GET',
      `/v1/campaigns/${original!.year}/results?limit=50`,
    );
    await page.locator('.campaign__results').click();
    await page.locator('.results__title').waitFor({ state: 'visible', timeout: 20_000 });
    await poll(() => page.locator('.result-line').count(), { timeout: 20_000 }).toBe(listed.items.length);
    if (listed.items.length > 0) {
      expect(await page.locator('.result-line').first().getAttribute('data-demand')).toBe(listed.items[0]!.demandId);
    }
    await shot('7-results');
  });
});
