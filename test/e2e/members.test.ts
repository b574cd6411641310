/**
 * End to end: 企业成员 in a phone-sized Chromium on the H5 build, against the whole local stack (issue 12,
 * finding 3). The demo issuer admin (`issuer-admin`, the only admin of 华夏重工) opens 企业成员 from 我的, creates
 * an invitation code that a new colleague (A) uses at once; another colleague (B) has joined beforehand through
 * the API. The admin makes A a 评审专家, removes B after the confirmation that says the rights go at once (B's
 * old token is refused by the API right after), and, trying to leave the enterprise, is refused as its last admin
 * with the LAST_ADMIN wording. Screenshots: test-results/screenshots/members-*.png.
 *
 * Against a stack that is already running: E2E_API_URL=… E2E_WEB_URL=… (the colleagues are new on every run).
 */
import { describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { e2eWalk, storeSession, type Phone } from '../support/e2e-session';
import { poll } from '../support/poll';
import { phoneContext, screenshotPath, shoot } from './browser';
import { api, type Session } from '../support/e2e-api';

let apiUrl: string;

// The API beside the browser (setup, checks): test/support/e2e-api.ts.
const { call, ok, login } = api(() => apiUrl);
let webUrl: string;
let main: Phone | undefined;
let page: Page;

const TAG = Date.now().toString(36).slice(-5);

/** Photograph the phone screen once it is still. */
const shot = (name: string) => shoot(page, `members-${name}`);

const member = (id: string) => page.locator(`.member[data-id="${id}"]`);

/**
 * Colleague A, signed in on a phone of its own (the session the API issued, stored where the client keeps it:
 * Taro's H5 storage wraps values as `{ data }`), finds 凭邀请码加入企业 on 我的, is told a malformed code's
 * shape, then joins with the admin's code.
 */
async function joinWithCode(s: Session, code: string) {
  const phone = await phoneContext(main!.browser);
  const p = await phone.newPage();
  try {
    await p.goto(`${webUrl}#/pages/mine/index`);
    await storeSession(p, s);
    await p.locator('.mine-entry--join').click();
    const input = p.locator('.join__code input');
    await input.waitFor({ state: 'visible', timeout: 20_000 });
    await input.fill('ABC');
    await p.locator('.join__submit').click();
    expect(await p.locator('.field-error').innerText()).toContain('12 位字母或数字');
    await input.fill(code.toLowerCase());
    await p.locator('.join__submit').click();
    await p.locator('.join__done').waitFor({ state: 'visible', timeout: 20_000 });
    expect(await p.locator('.join__done').innerText()).toContain('华夏重工');
    await p.screenshot({ path: screenshotPath('members-1b-joined') });
  } finally {
    await phone.close();
  }
}

e2eWalk('members', {
  opened: (w) => ({ apiUrl, webUrl, page, phone: main } = w),
});

describe('企业成员: the issuer admin manages its members', () => {
  it('invites, promotes a reviewer, removes a member after the confirmation, and cannot leave as the last admin', async () => {
    const admin = await login('issuer-admin');
    const orgId = admin.user.orgId!;
    // Colleague B joins beforehand, through the API.
    const b = await login(`e2e-member-b-${TAG}`);
    const inviteB = await ok<{ code: string }>(admin.token, 'POST', `/v1/orgs/${orgId}/invites`);
    await ok(b.token, 'POST', `/v1/invites/${inviteB.code}/accept`);

    // The admin signs in with the demo picker and opens 企业成员 from 我的.
    await page.goto(`${webUrl}#/pages/mine/index`);
    await page.locator('.demo-login[data-openid="issuer-admin"]').click();
    await page.locator('.mine-entry--members').click();
    await member(admin.user.id).waitFor({ state: 'visible', timeout: 20_000 });
    await member(b.user.id).waitFor({ state: 'visible' });
    expect(await member(admin.user.id).getAttribute('data-self')).toBe('1');
    expect(await member(admin.user.id).locator('.member__action').count()).toBe(0);

    // An invitation code, used at once by colleague A; the list read again shows A.
    await page.locator('.members__invite-create').click();
    const code = (await page.locator('.members__invite-code').innerText()).trim();
    expect(code).toMatch(/^[0-9A-Z]{12}$/);
    await shot('1-invite');
    const a = await login(`e2e-member-a-${TAG}`);
    await joinWithCode(a, code);
    await page.reload();
    await member(a.user.id).waitFor({ state: 'visible', timeout: 20_000 });
    expect(await member(a.user.id).getAttribute('data-roles')).toBe('org_member');

    // A becomes 评审专家: the server's answer, then the list read again.
    await member(a.user.id).locator('.member__action--reviewer').click();
    await poll(() => member(a.user.id).getAttribute('data-roles'), { timeout: 10_000 }).toBe('org_member,reviewer');
    await page.locator('.members__notice[data-kind="ok"]').waitFor({ state: 'visible' });
    expect(await member(a.user.id).locator('.member__role--reviewer').innerText()).toBe('评审专家');
    await shot('2-reviewer');
    // A's rights follow at once: its token (issued before the change) now reads the reviewer's list.
    expect((await call(a.token, 'GET', '/v1/me')).text).toContain('reviewer');

    // B is removed after the confirmation that tells what happens.
    await member(b.user.id).locator('.member__action--remove').click();
    const dialog = page.locator('.members-dialog--remove');
    await dialog.waitFor({ state: 'visible' });
    expect(await dialog.innerText()).toContain('移除后该成员将立即失去本企业的全部权限');
    await shot('3-remove-confirm');
    await dialog.locator('.dialog__confirm').click();
    await member(b.user.id).waitFor({ state: 'detached', timeout: 10_000 });
    expect(await page.locator('.members__notice[data-kind="ok"]').innerText()).toContain('移出本企业');
    expect((await call(b.token, 'GET', `/v1/orgs/${orgId}`)).status).toBe(404);

    // The last admin tries to leave: refused with the LAST_ADMIN wording, and still a member.
    await page.locator('.members__leave').click();
    const leave = page.locator('.members-dialog--leave');
    await leave.waitFor({ state: 'visible' });
    await leave.locator('.dialog__confirm').click();
    const refusal = page.locator('.members__notice[data-code="LAST_ADMIN"]');
    await refusal.waitFor({ state: 'visible', timeout: 10_000 });
    expect(await refusal.innerText()).toContain('至少需要保留一名管理员');
    // The button was at the bottom of the list: the refusal above it is scrolled into view.
    await poll(async () => (await refusal.boundingBox())?.y ?? -1, { timeout: 5_000 }).toBeGreaterThanOrEqual(0);
    await member(admin.user.id).waitFor({ state: 'visible' });
    await shot('4-last-admin');
  }, 90_000);
});
