/**
 * End to end: a “百场万企” event in a phone-sized Chromium on the H5 build, against the whole local stack. The
 * 广东 authority (`province-440000`) has published an event (through the API); the demo SME (`sme-admin`, 深圳精测)
 * finds it in the 活动日历 under 即将举办 and its region, registers as 参会对接 with its offers; the organiser, on its
 * own phone, approves it in the console; the SME's pass shows the QR code and the code under it; the organiser
 * checks the code in (typed, as on H5 — the mini-program scans), and the same code is refused a second time.
 * Screenshots: test-results/screenshots/events-*.png.
 *
 * Against a stack that is already running: E2E_API_URL=… E2E_WEB_URL=… (the event is new on every run).
 */
import { describe, expect, it } from '@jest/globals';
import type { BrowserContext, Page } from 'playwright-core';
import { e2eWalk } from '../support/e2e-session';
import { phoneContext, shoot } from './browser';
import { api } from '../support/e2e-api';

let apiUrl: string;

// The API beside the browser (setup, checks): test/support/e2e-api.ts.
const { ok, login } = api(() => apiUrl);
let webUrl: string;
let smeContext: BrowserContext;
let organiserContext: BrowserContext;

const TAG = Date.now().toString(36).slice(-5);
const HOUR = 3_600_000;

/** Photograph a phone screen once it is still. */
const shot = (page: Page, name: string) => shoot(page, `events-${name}`);

/** A phone signed in with the demo picker on 我的. */
async function signedInPhone(context: BrowserContext, openid: string) {
  const page = await context.newPage();
  page.on('pageerror', (err) => console.log('[e2e] page error:', err.message));
  await page.goto(`${webUrl}#/pages/mine/index`);
  await page.locator(`.demo-login[data-openid="${openid}"]`).click();
  await page.locator('.mine-work__entry--events').waitFor({ state: 'visible', timeout: 20_000 });
  return page;
}

e2eWalk('events', {
  opened: async (w) => {
    ({ apiUrl, webUrl } = w);
    smeContext = w.phone.context;
    organiserContext = await phoneContext(w.phone.browser);
  },
  closing: async () => organiserContext?.close(),
});

describe('百场万企: from the calendar to the check-in', () => {
  it('an SME registers, the organiser approves, the pass shows its QR code and checks in once', async () => {
    // The organiser has published an event starting in three days (before the seeded ones: first under 即将举办).
    const organiser = await login('province-440000');
    const starts = new Date(Math.ceil((Date.now() + 3 * 24 * HOUR) / HOUR) * HOUR);
    const created = await ok<{ id: string }>(organiser.token, 'POST', '/v1/events', {
      type: 'chain',
      title: `“百场万企”精密测量产业链对接专场 ${TAG}`,
      chain: 'machine_tools',
      region: '440000',
      startsAt: starts.toISOString(),
      endsAt: new Date(starts.getTime() + 6 * HOUR).toISOString(),
      venue: '深圳会展中心 5 号馆',
      registrationDeadline: new Date(starts.getTime() - 24 * HOUR).toISOString(),
      capacity: 30,
      description: '面向精密测量与机床精度检测的供需对接，现场一对一洽谈。',
      coOrganisers: ['深圳市工商联'],
    });
    await ok(organiser.token, 'POST', `/v1/events/${created.id}/publish`);

    // The SME finds it in the calendar: 即将举办 (the default) and 广东.
    const sme = await signedInPhone(smeContext, 'sme-admin');
    await sme.locator('.mine-work__entry--events').click();
    await sme.locator('.ev-mine, .ev-calendar').first().waitFor({ state: 'visible', timeout: 20_000 });
    await sme.goto(`${webUrl}#/subpackages/events/pages/calendar/index`);
    const card = sme.locator(`.ev-card[data-id="${created.id}"]`);
    await card.waitFor({ state: 'visible', timeout: 20_000 });
    expect(await sme.locator('.ev-upcoming').getAttribute('class')).toContain('is-active');
    expect(await card.innerText()).toContain('工业母机');
    await shot(sme, '1-calendar');

    // Registers as 参会对接 with its offers.
    await card.click();
    await sme.locator('.ev-register').waitFor({ state: 'visible', timeout: 20_000 });
    expect(await sme.locator('.ev-detail').innerText()).toContain('深圳会展中心');
    await sme.locator('.ev-register__offers textarea').fill('机床热误差补偿与在线精度检测系统，五轴精度标定');
    await sme.locator('.ev-register__needs textarea').fill('寻找整机厂联合验证');
    await shot(sme, '2-register');
    await sme.locator('.ev-register__submit').click();
    const registered = sme.locator('.ev-registered');
    await registered.waitFor({ state: 'visible', timeout: 20_000 });
    expect(await registered.innerText()).toContain('待审核');

    // The organiser approves it in the console.
    const org = await signedInPhone(organiserContext, 'province-440000');
    await org.locator('.mine-work__entry--organiser').click();
    await org.locator(`.org-events__item[data-id="${created.id}"]`).click();
    const row = org.locator('.console-reg').filter({ hasText: '深圳精测' });
    await row.waitFor({ state: 'visible', timeout: 20_000 });
    expect(await row.getAttribute('data-status')).toBe('pending');
    await shot(org, '3-console');
    await row.locator('.console-reg__approve').click();
    await org
      .locator('.console-reg[data-status="approved"]')
      .filter({ hasText: '深圳精测' })
      .waitFor({ timeout: 20_000 });

    // The SME's pass: the QR code of its check-in code, the code under it.
    await sme.reload();
    const passButton = sme.locator('.ev-registered__pass');
    await passButton.waitFor({ state: 'visible', timeout: 20_000 });
    expect(await passButton.innerText()).toContain('参会凭证');
    await passButton.click();
    const qr = sme.locator('.qr-code');
    await qr.waitFor({ state: 'visible', timeout: 20_000 });
    const code = (await qr.getAttribute('data-value'))!;
    expect(code).toMatch(/^[0-9A-Z]{12}$/);
    expect((await sme.locator('.ev-pass__code').innerText()).replace(/\s/g, '')).toBe(code);
    expect(Number(await qr.getAttribute('data-size'))).toBeGreaterThanOrEqual(21);
    expect(await sme.locator('.qr-code__cell--dark').count()).toBeGreaterThan(100);
    expect(await sme.locator('.ev-pass__status').innerText()).toContain('已通过');
    await shot(sme, '4-pass');

    // The organiser checks the code in (typed on H5), and it works once.
    await org.locator('.console__tab[data-tab="checkin"]').click();
    const input = org.locator('.console__code input');
    await input.fill(code.toLowerCase().replace(/(.{4})/g, '$1 '));
    await org.locator('.console__check-in').click();
    const result = org.locator('.console__checked');
    await result.waitFor({ state: 'visible', timeout: 20_000 });
    expect(await result.getAttribute('class')).toContain('is-ok');
    expect(await result.innerText()).toContain('深圳精测');
    await shot(org, '5-checked-in');
    await input.fill(code);
    await org.locator('.console__check-in').click();
    await org.locator('.console__checked.is-error').waitFor({ state: 'visible', timeout: 20_000 });
    expect(await org.locator('.console__checked').innerText()).toContain('只能使用一次');
    await shot(org, '6-used-once');

    const smeSession = await login('sme-admin');
    const mine = await ok<{ registration: { checkedInAt?: string } }>(
      smeSession.token,
      'GET',
      `/v1/events/${created.id}/registration`,
    );
    expect(mine.registration.checkedInAt).toBeTruthy();
  }, 180_000);
});
