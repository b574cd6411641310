/**
 * End to end: personal data (PIPL, issue 17 item 4) in a phone-sized Chromium on the H5 build. A new person
 * registers an enterprise (through the API) with itself as the contact and a colleague as a second admin, signs in,
 * accepts the privacy notice on 我的, opens 个人信息与账号注销, downloads 我的数据 (the JSON names it), and erases
 * the account after the confirmation that says what goes and what stays. The API then refuses its token, and the
 * colleague reads the enterprise's contact as 已注销用户. Screenshots: test-results/screenshots/pipl-*.png.
 */
import { describe, expect, it } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { api, type Session } from '../support/e2e-api';
import { e2eWalk, storeSession } from '../support/e2e-session';
import { orgBody } from '../support/fixtures';
import { shoot } from './browser';

let apiUrl: string;
let webUrl: string;
let page: Page;
const { call, ok, login } = api(() => apiUrl);
const TAG = Date.now().toString(36).slice(-5);
const PERSON = { name: '隐私测试人', phone: '13987654321', email: `pipl-${TAG}@example.com` };

/** Photograph the phone screen once it is still. */
const shot = (name: string) => shoot(page, `pipl-${name}`);

e2eWalk('pipl', {
  opened: (w) => ({ apiUrl, webUrl, page } = w),
});

describe('个人信息: 我的数据 and account erasure', () => {
  it('accepts the notice, downloads 我的数据, erases the account; the enterprise stays with 已注销用户', async () => {
    // The person registers an enterprise with itself as its contact; a colleague joins and becomes an admin.
    const first = await login(`e2e-pipl-a-${TAG}`);
    const created = await ok<{ id: string; session: Session }>(
      first.token,
      'POST',
      '/v1/orgs',
      orgBody({ name: `隐私演示科技有限公司${TAG}`, contact: PERSON }),
    );
    const person = created.session;
    const colleague = await login(`e2e-pipl-b-${TAG}`);
    const invite = await ok<{ code: string }>(person.token, 'POST', `/v1/orgs/${created.id}/invites`);
    await ok(colleague.token, 'POST', `/v1/invites/${invite.code}/accept`);
    await ok(person.token, 'PUT', `/v1/orgs/${created.id}/members/${colleague.user.id}`, { roles: ['org_admin'] });

    // 我的 asks for the privacy notice first.
    await page.goto(`${webUrl}#/pages/mine/index`);
    await storeSession(page, person);
    const notice = page.locator('.privacy-notice');
    await notice.waitFor({ state: 'visible', timeout: 20_000 });
    await shot('1-notice');
    await page.locator('.privacy-notice__accept').click();
    await notice.waitFor({ state: 'detached', timeout: 10_000 });
    const me = await ok<{ privacy: { accepted: { version: string } | null } }>(person.token, 'GET', '/v1/me');
    expect(me.privacy.accepted).not.toBeNull();

    // 我的数据: a summary, then the whole JSON as a download.
    await page.locator('.privacy-entry').click();
    await page.locator('.my-data-load').click();
    await page.locator('.my-data').waitFor({ state: 'visible', timeout: 10_000 });
    await shot('2-my-data');
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('.my-data-download').click()]);
    const json = JSON.parse(await readFile((await download.path())!, 'utf8')) as { user: { id: string } };
    expect(json.user.id).toBe(person.user.id);

    // Erasure, after the confirmation that says what goes and what stays.
    await page.locator('.erase-account').click();
    const dialog = page.locator('.erase-dialog');
    await dialog.waitFor({ state: 'visible' });
    expect(await dialog.innerText()).toContain('已注销用户');
    await shot('3-confirm');
    await dialog.locator('.dialog__confirm').click();
    await page.locator('.erase-done').waitFor({ state: 'visible', timeout: 10_000 });
    await shot('4-erased');

    // The session is over; the enterprise remains, its contact erased.
    expect((await call(person.token, 'GET', '/v1/me')).status).toBe(401);
    const org = await call<{ contact: { name: string } }>(colleague.token, 'GET', `/v1/orgs/${created.id}`);
    expect(org.body.contact.name).toBe('已注销用户');
    for (const secret of [PERSON.name, PERSON.phone, PERSON.email]) expect(org.text).not.toContain(secret);

    // Back on 我的, signed out.
    await page.locator('.erase-done .privacy__button').click();
    await page.locator('.mine__signin').waitFor({ state: 'visible', timeout: 10_000 });
  }, 120_000);
});
