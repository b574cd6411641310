/**
 * End to end: trust (issue 17) in a phone-sized Chromium on the H5 build, against the whole local stack. The demo
 * issuer 华夏重工 publishes a demand (through the API: filed, published by the ministry). An SME (`sme-admin`)
 * asks a question on the public demand page; the issuer's admin answers it on its 答疑 page; the answer then shows
 * on the public demand page, without the asker; last, the issuer opens the demand's audit trail, which verifies
 * ("记录完整，未被篡改"), the answer among its events. Screenshots: test-results/screenshots/trust-*.png.
 *
 * Against a stack that is already running: E2E_API_URL=… E2E_WEB_URL=… (the demand is new on every run).
 */
import { describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { e2eWalk, storeSession, type Phone } from '../support/e2e-session';
import { demandInput } from '../support/fixtures';
import { phoneContext, shoot } from './browser';
import { api, type Session } from '../support/e2e-api';

let apiUrl: string;

// The API beside the browser (setup, checks): test/support/e2e-api.ts.
const { ok, login } = api(() => apiUrl);
let webUrl: string;
let phone: Phone;

const TAG = Date.now().toString(36).slice(-5);
const TITLE = `高精度谐波减速器寿命验证 ${TAG}`;
const QUESTION = '请问样机寿命试验可以在贵司试验场进行吗？试验费用由哪一方承担？';
const ANSWER = '可以。样机寿命试验在我司试验场进行，试验费用由我司承担，揭榜方派员参与。';

/** A page signed in as `s` (the session stored where the client keeps it: Taro's H5 storage wraps `{ data }`). */
async function signedIn(s: Session): Promise<Page> {
  const page = await (await phoneContext(phone.browser)).newPage();
  page.on('pageerror', (err) => console.log('[e2e] page error:', err.message));
  await page.goto(`${webUrl}#/pages/mine/index`);
  await storeSession(page, s);
  return page;
}

/** Photograph a phone screen once it is still. */
const shot = (page: Page, name: string, fullPage = false) => shoot(page, `trust-${name}`, { fullPage });

e2eWalk('trust', {
  opened: (w) => ({ apiUrl, webUrl, phone } = w),
});

describe('答疑 and the audit trail', () => {
  it('an SME asks, the issuer answers, the answer is public without the asker, and the demand trail verifies', async () => {
    const [issuer, ministry, sme] = await Promise.all([login('issuer-admin'), login('ministry'), login('sme-admin')]);
    const demand = await ok<{ id: string }>(
      issuer.token,
      'POST',
      '/v1/demands',
      demandInput({
        title: TITLE,
        field: 'high_end_equipment',
        applicationDeadline: new Date(Date.now() + 30 * 86_400_000).toISOString(),
        expectedCompletion: '2027-12-31',
      }),
    );
    await ok(issuer.token, 'POST', `/v1/demands/${demand.id}/submit`, { channel: 'ministry' });
    await ok(ministry.token, 'POST', `/v1/review/demands/${demand.id}`, { decision: 'publish', comment: '同意发布' });
    const smeName = (await ok<{ org: { name: string } }>(sme.token, 'GET', '/v1/me')).org.name;
    const publicPage = `${webUrl}#/pages/demand-detail/index?id=${encodeURIComponent(demand.id)}`;

    // The SME asks on the public demand page.
    const smePage = await signedIn(sme);
    await smePage.goto(publicPage);
    const questions = smePage.locator('.demand-questions');
    await questions.waitFor({ state: 'visible', timeout: 30_000 });
    expect(await questions.innerText()).toContain('暂无公开答疑');
    expect(await smePage.locator('.demand-questions__deadline').innerText()).toContain('提问截止');
    await smePage.locator('.demand-questions__input textarea').fill(QUESTION);
    await questions.scrollIntoViewIfNeeded();
    await shot(smePage, '1-sme-asks');
    await smePage.locator('.demand-questions__ask').click();
    await smePage.getByText('已提交，答复后将公开在此').waitFor({ state: 'visible', timeout: 20_000 });
    await smePage.context().close();

    // The issuer's admin answers on its 答疑 page, reached from its demand page.
    const issuerPage = await signedIn(issuer);
    await issuerPage.goto(`${webUrl}#/subpackages/issuer/pages/demand/index?id=${encodeURIComponent(demand.id)}`);
    await issuerPage.locator('.issuer-demand__questions-link').click();
    const open = issuerPage.locator('.issuer-question[data-status="open"]');
    await open.waitFor({ state: 'visible', timeout: 30_000 });
    const asked = await issuerPage.locator('.issuer-questions').innerText();
    expect(asked).toContain(QUESTION);
    expect(asked).not.toContain(smeName);
    await open.locator('.issuer-question__input textarea').fill(ANSWER);
    await shot(issuerPage, '2-issuer-answers');
    await open.locator('.issuer-question__send').click();
    await issuerPage.locator('.issuer-question[data-status="answered"]').waitFor({ state: 'visible', timeout: 20_000 });

    // Anyone, not signed in, sees the answer on the public page — and not who asked.
    const anyone = await (await phoneContext(phone.browser)).newPage();
    await anyone.goto(publicPage);
    const item = anyone.locator('.demand-questions__item');
    await item.waitFor({ state: 'visible', timeout: 30_000 });
    expect(await item.innerText()).toContain(ANSWER);
    expect(await anyone.locator('.detail').innerText()).not.toContain(smeName);
    await item.scrollIntoViewIfNeeded();
    await shot(anyone, '3-public-answer');
    await anyone.context().close();

    // The demand's audit trail: intact, with the answer among its events.
    await issuerPage.goto(`${webUrl}#/subpackages/issuer/pages/demand/index?id=${encodeURIComponent(demand.id)}`);
    await issuerPage.locator('.issuer-demand__audit-link').click();
    const verdict = issuerPage.locator('.audit-verdict');
    await verdict.waitFor({ state: 'visible', timeout: 30_000 });
    expect(await verdict.getAttribute('data-ok')).toBe('1');
    expect(await verdict.innerText()).toContain('记录完整，未被篡改');
    expect(await issuerPage.locator('.audit-event').count()).toBe(4); // create, submit, publish, answer
    expect(await issuerPage.locator('.audit-event').first().innerText()).toContain('答疑');
    await shot(issuerPage, '4-audit-verified');
    await issuerPage.context().close();
  }, 240_000);
});
