/**
 * End to end: journeys that keep their place (issue 18), in a phone-sized Chromium on the H5 build.
 *
 * An anonymous visitor opens a demand and taps 我要揭榜: 我的 says what the sign-in will continue with; the
 * visitor signs in (a new WeChat user: the demo 访客 button, its login code rewritten to a fresh openid), is
 * taken to 企业注册, registers an SME and lands on step 1 of the application for that demand. Then accounts
 * are switched (the ministry, then the platform operator): 我的消息 shows
 * each signed-in user's own unread count, as the API counts it. Every screen is measured against the design
 * system's bars (targets ≥ 44 px, text ≥ 12 px). Screenshots: test-results/screenshots/journeys-*.png.
 *
 * Against a stack that is already running: E2E_API_URL=… E2E_WEB_URL=… (the visitor is new on every run).
 */
import { describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { creditCodeCheckChar, devLoginCode, organisationCodeValid } from '@jiebang/shared';
import { poll } from '../support/poll';
import { e2eWalk } from '../support/e2e-session';
import { demandInput } from '../support/fixtures';
import { confirmModal, expectReadable, shoot, signInAs } from './browser';

let apiUrl: string;
let webUrl: string;
let page: Page;

const TAG = Date.now().toString(36).slice(-6).toUpperCase();
const NEWCOMER = `e2e-journey-${TAG.toLowerCase()}`;

/** A valid credit code of 440305 (深圳市南山区), new on every run, whose organisation code passes GB 11714. */
function creditCode(): string {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const body = `MA${TAG}`
    .replace(/[IOZSV]/g, '1')
    .padEnd(8, '0')
    .slice(0, 8);
  for (const check of '0123456789X') {
    const first17 = `91440305${body}${check}`;
    if (![...first17].every((c) => alphabet.includes(c))) continue;
    const code = first17 + creditCodeCheckChar(first17);
    if (organisationCodeValid(code)) return code;
  }
  throw new Error('no organisation check character fits');
}

async function fill(selector: string, value: string) {
  await page.locator(`${selector} input, ${selector} textarea`).first().fill(value);
}

/** Wait until the page is still, photograph it, then hold it to the bars (and photograph it at 1280 wide). */
async function shot(name: string) {
  await shoot(page, `journeys-${name}`);
  await expectReadable(page, name);
}

async function api<T>(token: string | null, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${apiUrl}${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      'idempotency-key': `journeys-${TAG}-${Math.random().toString(36).slice(2)}`,
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

const tokenOf = async (openid: string) =>
  (await api<{ token: string }>(null, 'POST', '/v1/auth/wechat-login', { code: devLoginCode(openid) })).token;

async function unreadOf(openid: string): Promise<number> {
  return (await api<{ unread: number }>(await tokenOf(openid), 'GET', '/v1/notifications/unread-count')).unread;
}

const switchTo = (openid: string) => signInAs(page, webUrl, openid);

e2eWalk('journeys', {
  opened: async (w) => {
    ({ apiUrl, webUrl, page } = w);
    // The demo 访客 button signs in a brand-new WeChat user on every run.
    await page.route('**/v1/auth/wechat-login', async (route) => {
      const body = route.request().postData() ?? '';
      if (!body.includes(devLoginCode('visitor'))) return route.continue();
      await route.continue({ postData: body.replace(devLoginCode('visitor'), devLoginCode(NEWCOMER)) });
    });
  },
});

describe('journeys that keep their place', () => {
  it('我要揭榜 signed out → sign in → register → step 1 of that demand', async () => {
    const res = await fetch(`${apiUrl}/v1/catalogue?open=1&track=large&limit=20`);
    const { items } = (await res.json()) as { items: { id: string; title: string; open: boolean }[] };
    const demand = items.find((i) => i.open)!;
    expect(demand).toBeDefined();

    await page.goto(`${webUrl}#/pages/demand-detail/index?id=${encodeURIComponent(demand.id)}`);
    await page.locator('.detail__apply').waitFor({ state: 'visible', timeout: 30_000 });
    expect(await page.locator('.detail__apply').innerText()).toContain('我要揭榜');
    await shot('1-detail-anonymous');
    await page.locator('.detail__apply').click();

    // 我的 says what signing in will continue with.
    await page.locator('.mine-resume').waitFor({ state: 'visible', timeout: 20_000 });
    expect(await page.locator('.mine-resume').innerText()).toContain(demand.title);
    await shot('2-mine-resume');

    // A new user has no enterprise: registration first.
    await page.locator('.demo-login[data-openid="visitor"]').click();
    await page.locator('.register-form').waitFor({ state: 'visible', timeout: 20_000 });
    await shot('3-register');
    await fill('.org-name-input', `旅程测试${TAG}科技有限公司`);
    await fill('.credit-code-input', creditCode());
    await page.locator('.credit-code-status.is-ok').waitFor({ state: 'visible' });
    await page.locator('.region-select').click();
    await fill('.option-sheet__search', '深圳');
    await page.locator('.region-sheet .option-sheet__item[data-value="440300"]').click();
    await fill('.region-code-input', '440305');
    await page.locator('.industry-select').click();
    await page.locator('.industry-sheet .option-sheet__item[data-value="software_it"]').click();
    await fill('.metric-input--employees', '50');
    await fill('.metric-input--revenue', '800');
    await poll(() => page.locator('.classification-preview').innerText()).toContain('小型企业');
    await fill('.contact-name-input', '周旅程');
    await fill('.contact-title-input', '总经理');
    await fill('.contact-phone-input', '13800138000');
    await page.locator('.register-submit').click();
    expect(await confirmModal(page)).toContain('登记成功');

    // Straight on to step 1 of the application for that demand.
    await page.locator('.apply-progress').waitFor({ state: 'visible', timeout: 30_000 });
    expect(await page.locator('.apply-progress__text').innerText()).toContain('步骤 1/7');
    expect(await page.locator('.apply-head__title').innerText()).toBe(demand.title);
    await shot('4-apply-step-1');
  });

  it('after switching accounts, 我的消息 shows the signed-in user’s own unread count; 全部标为已读 clears it', async () => {
    // The ministry has something unread: a demand reported to it directly.
    const issuer = await tokenOf('issuer-admin');
    const draft = await api<{ id: string }>(
      issuer,
      'POST',
      '/v1/demands',
      demandInput({ title: `旅程测试需求 ${TAG}` }),
    );
    await api(issuer, 'POST', `/v1/demands/${draft.id}/submit`, { channel: 'ministry' });

    const count = page.locator('.inbox-entry__count');
    const tabBadge = page.locator('.taro-tabbar__tabbar .weui-badge').filter({ visible: true });
    for (const openid of ['ministry', 'admin']) {
      await switchTo(openid);
      const unread = await unreadOf(openid);
      const text = unread > 99 ? '99+' : String(unread);
      if (openid === 'ministry') expect(unread).toBeGreaterThan(0);
      if (unread === 0) {
        await poll(() => count.count()).toBe(0);
        await poll(() => tabBadge.count()).toBe(0);
      } else {
        await poll(() => count.innerText(), { timeout: 20_000 }).toBe(text);
        await poll(() => tabBadge.innerText(), { timeout: 20_000 }).toBe(text);
      }
      await shot(`5-mine-${openid}`);
    }
    // Authorities are not asked to register an enterprise.
    await switchTo('ministry');
    expect(await page.locator('.mine__empty').innerText()).not.toContain('中小企业登记');
    // 我的 on a wide screen: NutUI's cells, badge and buttons grow with our own sizes (their theme is in design px).
    await page.setViewportSize({ width: 1280, height: 800 });
    await shot('5-mine-ministry-wide');
    await page.setViewportSize({ width: 375, height: 812 });

    // The inbox: tabs by kind, grouped by demand or event, and 全部标为已读 when anything is unread (then 我的消息 shows no count).
    await page.locator('.mine-entry--inbox').click();
    await page.locator('.inbox-tabs').waitFor({ state: 'visible', timeout: 20_000 });
    await shot('6-inbox-ministry');
    // A kind's tab asks the server for that kind (its pages filled from older messages).
    const asked = page.waitForRequest(
      (r) => r.url().includes('/v1/notifications?') && r.url().includes('kind=applications'),
    );
    await page.locator('.inbox-tabs .nut-tabs-titles-item', { hasText: '申请与评审' }).click();
    await asked;
    await poll(() => page.locator('.inbox-tabs .nut-tabs-titles-item-active').innerText()).toContain('申请与评审');
    await shot('7-inbox-applications');
    // 全部标为已读 marks every kind: it is offered on 全部 (and 未读), not on a kind's tab.
    expect(await page.locator('.inbox-read-all').count()).toBe(0);
    await page.locator('.inbox-tabs .nut-tabs-titles-item', { hasText: '全部' }).click();
    await page.locator('.inbox-item').first().waitFor({ state: 'visible', timeout: 20_000 });
    if ((await unreadOf('ministry')) > 0) {
      await page.locator('.inbox-read-all').click();
      await poll(() => unreadOf('ministry'), { timeout: 30_000 }).toBe(0);
      await page.goBack();
      await poll(() => count.count(), { timeout: 20_000 }).toBe(0);
    }
  });
});
