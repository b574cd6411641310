/**
 * End to end: a “百场万企” event in a phone-sized Chromium on the H5 build, against the whole local stack. The
 * 广东 authority (`province-440000`) opens 创建活动 from 主办活动, is told in Chinese what to fill, fills the form —
 * the start a few minutes ahead, picked on the H5 date and time wheels — saves it and publishes it after the
 * confirmation; the demo SME (`sme-admin`, 深圳精测) finds it in the 活动日历 under 即将举办, registers as 参会对接
 * with its offers; the organiser approves it in the console; the SME's pass shows the QR code and the code under it;
 * the organiser checks the code in (typed, as on H5 — the mini-program scans), and the same code is refused a second
 * time; 华夏重工 (host, approved) asks 深圳精测 for a meeting, which 深圳精测 accepts on its pass and then sees the
 * host's contact. Once the event has begun, 深圳精测 records a 签约合同 with its amount, 华夏重工 confirms it on its own
 * phone, and the organiser downloads the export, read back with exceljs.
 * Screenshots: test-results/screenshots/events-*.png.
 *
 * Against a stack that is already running: E2E_API_URL=… E2E_WEB_URL=… (the event is new on every run).
 */
import { describe, expect, it } from '@jest/globals';
import type { BrowserContext, Page } from 'playwright-core';
import { e2eWalk } from '../support/e2e-session';
import { downloadedXlsx, phoneContext, shoot } from './browser';
import { api } from '../support/e2e-api';
import { poll } from '../support/poll';

let apiUrl: string;

// The API beside the browser (setup, checks): test/support/e2e-api.ts.
const { ok, login } = api(() => apiUrl);
let webUrl: string;
let smeContext: BrowserContext;
let organiserContext: BrowserContext;
let hostContext: BrowserContext;

const TAG = Date.now().toString(36).slice(-5);
const HOUR = 3_600_000;

/** Photograph a phone screen once it is still. */
const shot = (page: Page, name: string) => shoot(page, `events-${name}`);

/** The Beijing wall clock of an instant: date "YYYY-MM-DD" and time "HH:MM". */
function beijing(t: number) {
  const s = new Date(t + 8 * HOUR).toISOString();
  return { date: s.slice(0, 10), time: s.slice(11, 16) };
}

/** Drag column `column` of the open picker by `items` rows (positive: later values), a few rows per drag. */
async function dragColumn(page: Page, column: number, items: number) {
  const open = page.locator('.weui-picker').filter({ visible: true });
  await poll(() => open.count(), { timeout: 5_000 }).toBe(1);
  const group = open.locator('.weui-picker__group').nth(column);
  // The picker slides up when it opens: drag once it stands still.
  let box = (await group.boundingBox())!;
  for (let still = 0; still < 3;) {
    await page.waitForTimeout(100);
    const now = (await group.boundingBox())!;
    still = now.y === box.y ? still + 1 : 0;
    box = now;
  }
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  for (let left = items; left !== 0;) {
    const step = Math.max(-3, Math.min(3, left));
    await page.mouse.move(x, y + step * 17);
    await page.mouse.down();
    await page.mouse.move(x, y - step * 17, { steps: 6 });
    await page.mouse.up();
    left -= step;
    await page.waitForTimeout(350);
  }
}

/** Confirm the open picker and wait until it has faded out (a fading picker still takes the next drags). */
async function confirmPicker(page: Page) {
  const open = page.locator('.weui-picker').filter({ visible: true });
  await open.locator('.weui-picker__action', { hasText: '确定' }).click();
  await poll(() => open.count(), { timeout: 5_000 }).toBe(0);
}

/**
 * Set one 时间 line of the event form (`hook`: ef-starts, ef-ends, ef-deadline) to a Beijing date and time with the
 * wheels: the date picker opens on today (the day wheel is moved for a later day of the month), the time picker on
 * 09:00 or the time shown; dragged, confirmed, and again until the line shows the wanted time.
 */
async function pickWhen(page: Page, hook: string, when: { date: string; time: string }) {
  const today = beijing(Date.now()).date;
  await page.locator(`.${hook}-date`).click();
  if (when.date !== today) {
    if (when.date.slice(0, 7) !== today.slice(0, 7)) throw new Error('the walk picks days of the current month only');
    await dragColumn(page, 2, Number(when.date.slice(8)) - Number(today.slice(8)));
  }
  await confirmPicker(page);
  expect(await page.locator(`.${hook}-date`).innerText()).toContain(when.date);
  const line = page.locator(`.${hook}-time`);
  for (let i = 0; i < 4; i++) {
    const shown = (await line.innerText()).match(/\d{2}:\d{2}/)?.[0];
    if (shown === when.time) return;
    const [h0, m0] = (shown ?? '09:00').split(':').map(Number) as [number, number];
    const [h1, m1] = when.time.split(':').map(Number) as [number, number];
    await line.click();
    await dragColumn(page, 0, h1 - h0);
    await dragColumn(page, 1, m1 - m0);
    await confirmPicker(page);
  }
  expect(await line.innerText()).toContain(when.time);
}

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
    hostContext = await phoneContext(w.phone.browser);
  },
  closing: async () => {
    await organiserContext?.close();
    await hostContext?.close();
  },
});

describe('百场万企: from the calendar to the check-in', () => {
  it('an SME registers, the organiser approves, the pass shows its QR code and checks in once', async () => {
    // The organiser's form: every field with its Chinese message when saved empty, the type chips, the chain sheet.
    const org = await signedInPhone(organiserContext, 'province-440000');
    await org.locator('.mine-work__entry--organiser').click();
    await org.locator('.org-events__create').click();
    await org.locator('.ef-save').waitFor({ state: 'visible', timeout: 20_000 });
    await org.locator('.ef-save').click();
    const errors = org.locator('.event-form .field-error');
    await errors.first().waitFor({ state: 'visible', timeout: 20_000 });
    const messages = await errors.allInnerTexts();
    expect(messages).toEqual(expect.arrayContaining(['请选择活动类型', '请选择产业链']));
    expect(messages.length).toBeGreaterThanOrEqual(5);
    expect(await org.locator('.ef-region').innerText()).toContain('广东');
    await org.locator('.ef-type .chip[data-value="chain"]').click();
    await org.locator('.ef-title input').fill(`“百场万企”精密测量产业链对接专场 ${TAG}`);
    await org.locator('.ef-chain').click();
    await org.locator('.option-sheet__item[data-value="machine_tools"]').click();
    await org.locator('.ef-co-input input').fill('深圳市工商联');
    await org.locator('.ef-co-add').click();
    expect(await org.locator('.ef-co').innerText()).toContain('深圳市工商联');

    // It starts in a few minutes (outcomes are recorded once it has begun), registration open until then, two hours
    // long; picked on the wheels in Beijing time, within the day.
    const starts = Math.ceil((Date.now() + 3 * 60_000) / 60_000) * 60_000;
    const dayEnd = Date.parse(`${beijing(starts).date}T23:59:00+08:00`);
    const ends = Math.min(starts + 2 * HOUR, dayEnd);
    if (ends - starts < 30 * 60_000) throw new Error('run this walk before 23:20 Beijing time');
    await pickWhen(org, 'ef-starts', beijing(starts));
    await pickWhen(org, 'ef-ends', beijing(ends));
    await pickWhen(org, 'ef-deadline', beijing(starts));
    await org.locator('.ef-venue input').fill('深圳会展中心 5 号馆');
    await org.locator('.ef-capacity input').fill('30');
    await org.locator('.ef-description textarea').fill('面向精密测量与机床精度检测的供需对接，现场一对一洽谈。');
    await shot(org, '0-create-form');

    // Saved as a draft, then published after the confirmation: the console of the new event opens.
    await org.locator('.ef-save').click();
    await org.locator('.ef-saved').waitFor({ state: 'visible', timeout: 20_000 });
    expect(await org.locator('.event-form .field-error').count()).toBe(0);
    await org.locator('.ef-publish').click();
    await org.locator('.dialog__confirm').filter({ visible: true }).click();
    await org.waitForURL(/organiser\/pages\/console\/index\?id=/, { timeout: 20_000 });
    const created = { id: new URL(org.url().replace('#', '')).searchParams.get('id')! };
    const organiser = await login('province-440000');
    const published = await ok<{ status: string; startsAt: string; endsAt: string; registrationDeadline: string }>(
      organiser.token,
      'GET',
      `/v1/events/${created.id}`,
    );
    expect(published.status).toBe('published');
    expect([published.startsAt, published.endsAt, published.registrationDeadline].map(Date.parse)).toEqual([
      starts,
      ends,
      starts,
    ]);
    await shot(org, '0b-published');

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
    // 华夏重工 registers as host too, before registration closes at the start.
    const host = await login('issuer-admin');
    const hostReg = await ok<{ id: string }>(host.token, 'POST', `/v1/events/${created.id}/registrations`, {
      role: 'host',
      needs: '寻找五轴机床精度检测与热误差补偿的配套企业',
    });

    // The organiser approves it in the console.
    await org.goto(`${webUrl}#/subpackages/organiser/pages/events/index`);
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
    const mine = await ok<{ registration: { id: string; checkedInAt?: string } }>(
      smeSession.token,
      'GET',
      `/v1/events/${created.id}/registration`,
    );
    expect(mine.registration.checkedInAt).toBeTruthy();

    // 华夏重工 is approved and asks 深圳精测 for the first slot; 深圳精测 accepts on its pass.
    await ok(organiser.token, 'POST', `/v1/events/${created.id}/registrations/${hostReg.id}`, { decision: 'approve' });
    await ok(host.token, 'POST', `/v1/events/${created.id}/meetings`, {
      withRegistrationId: mine.registration.id,
      slotStart: new Date(starts).toISOString(),
    });
    await sme.reload();
    const request = sme.locator('.ev-meeting[data-status="requested"]');
    await request.waitFor({ state: 'visible', timeout: 20_000 });
    expect(await request.innerText()).toContain('华夏');
    await request.locator('.ev-meeting__accept').click();
    const meeting = sme.locator('.ev-meeting[data-status="accepted"]');
    await meeting.waitFor({ state: 'visible', timeout: 20_000 });
    expect(await meeting.locator('.ev-meeting__contact').innerText()).toContain('联系人');
    await shot(sme, '7-meeting-accepted');
    const hostView = await ok<{ meetings: { status: string }[] }>(
      host.token,
      'GET',
      `/v1/events/${created.id}/registration`,
    );
    expect(hostView.meetings.map((m) => m.status)).toEqual(['accepted']);

    // Once the event has begun, 深圳精测 records a 签约合同 of 120 万元 with 华夏重工 from the accepted meeting.
    await sme.waitForTimeout(Math.max(0, starts - Date.now() + 2_000));
    await sme.reload();
    const record = sme.locator('.ev-meeting[data-status="accepted"] .ev-meeting__outcome');
    await record.waitFor({ state: 'visible', timeout: 20_000 });
    await record.click();
    await sme.locator('.ev-pass__kind[data-kind="contract"]').click();
    await sme.locator('.dialog__input textarea').fill('120');
    await shot(sme, '8-outcome-dialog');
    await sme.locator('.dialog__confirm').filter({ visible: true }).click();
    const recorded = sme.locator('.ev-outcome').filter({ hasText: '签约合同' });
    await recorded.waitFor({ state: 'visible', timeout: 20_000 });
    expect(await recorded.innerText()).toContain('120 万元');
    expect(await recorded.innerText()).toContain('待确认');

    // 华夏重工 confirms it on its own phone.
    const hostPhone = await signedInPhone(hostContext, 'issuer-admin');
    await hostPhone.goto(`${webUrl}#/subpackages/events/pages/pass/index?id=${created.id}`);
    const toConfirm = hostPhone.locator('.ev-outcome').filter({ hasText: '签约合同' });
    await toConfirm.locator('.ev-outcome__confirm').click();
    await toConfirm.filter({ hasText: '已确认' }).waitFor({ state: 'visible', timeout: 20_000 });
    await shot(hostPhone, '9-outcome-confirmed');

    // The organiser's console counts it, and its export lists the registrants, the meeting and the outcome.
    await org.reload();
    await org.locator('.console__export:not(.console__audit)').waitFor({ state: 'visible', timeout: 20_000 });
    const event = await ok<{ confirmedOutcomes: number; contractAmount: number }>(
      organiser.token,
      'GET',
      `/v1/events/${created.id}`,
    );
    expect(event).toMatchObject({ confirmedOutcomes: 1, contractAmount: 120 });
    const sheet = await downloadedXlsx(org, '.console__export:not(.console__audit)');
    expect(sheet.name).toMatch(/\.xlsx$/);
    for (const text of ['深圳精测', '华夏', '签约合同', '120']) expect(sheet.text).toContain(text);
    await shot(org, '10-exported');
  }, 600_000);
});
