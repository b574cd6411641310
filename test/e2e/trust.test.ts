/**
 * End to end: trust (issue 17) in a phone-sized Chromium on the H5 build, against the whole local stack. The demo
 * issuer 华夏重工 publishes a demand (through the API: filed, published by the ministry). An SME (`sme-admin`)
 * asks a question on the public demand page; the issuer's admin answers it on its 答疑 page; the answer then shows
 * on the public demand page, without the asker; last, the issuer opens the demand's audit trail, which verifies
 * ("记录完整，未被篡改"), the answer among its events.
 *
 * 公示 (issue 17, item 2): a second demand of 华夏重工 closes within a minute; 深圳精测 applies (through the API:
 * uploaded, forwarded by 深圳, released by the ministry) and is selected once the deadline passed. 宁波新材
 * (`sme-admin-2`) opens the year's 揭榜名单, sees the notice period and the result 公示中, and objects from it;
 * the ministry answers on 公示异议 (异议不成立, with a reply); the result is 公示中 again, and the issuer's notice
 * says the answer without naming the objector. Screenshots: test-results/screenshots/trust-*.png.
 *
 * Against a stack that is already running: E2E_API_URL=… E2E_WEB_URL=… (the demand is new on every run).
 */
import { describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { e2eWalk, storeSession, type Phone } from '../support/e2e-session';
import { demandInput } from '../support/fixtures';
import { phoneContext, shoot } from './browser';
import { api, type Session } from '../support/e2e-api';
import { applyViaApi, uploadPdfViaApi } from '../support/e2e-applications';

let apiUrl: string;

// The API beside the browser (setup, checks): test/support/e2e-api.ts.
const { ok, login } = api(() => apiUrl);
let webUrl: string;
let phone: Phone;

const TAG = Date.now().toString(36).slice(-5);
const TITLE = `高精度谐波减速器寿命验证 ${TAG}`;
const QUESTION = '请问样机寿命试验可以在贵司试验场进行吗？试验费用由哪一方承担？';
const ANSWER = '可以。样机寿命试验在我司试验场进行，试验费用由我司承担，揭榜方派员参与。';
const OBJECTION = '入选企业申报的寿命试验数据与其公开披露的检测报告不一致，请核实后再确定结果。';
const REPLY = '经核实，入选企业提交的检测报告真实有效，异议不成立，维持原遴选结果。';

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

  it('公示: the 揭榜名单 shows the period; an SME objects; the ministry dismisses it with a reply', async () => {
    const [issuer, ministry, selected, objector, shenzhen] = await Promise.all([
      login('issuer-admin'),
      login('ministry'),
      login('sme-admin'),
      login('sme-admin-2'),
      login('province-440300'),
    ]);
    const deadline = Date.now() + 45_000;
    const demand = await ok<{ id: string; campaignYear: number }>(
      issuer.token,
      'POST',
      '/v1/demands',
      demandInput({
        title: `${TITLE}（公示）`,
        field: 'high_end_equipment',
        applicationDeadline: new Date(deadline).toISOString(),
        expectedCompletion: '2027-12-31',
      }),
    );
    await ok(issuer.token, 'POST', `/v1/demands/${demand.id}/submit`, { channel: 'ministry' });
    await ok(ministry.token, 'POST', `/v1/review/demands/${demand.id}`, { decision: 'publish', comment: '同意发布' });
    const app = await applyViaApi(ok, selected, demand.id, '王精测');
    await ok(shenzhen.token, 'POST', `/v1/review/applications/${app}`, { decision: 'forward', comment: '同意' });
    await ok(ministry.token, 'POST', `/v1/review/applications/${app}`, { decision: 'release', comment: '提交评审' });
    const wait = deadline + 1500 - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    await ok(issuer.token, 'POST', `/v1/demands/${demand.id}/selection`, {
      applicationIds: [app],
      justification: '综合评分最高，方案与指标逐项对应',
    });
    const objectorName = (await ok<{ org: { name: string } }>(objector.token, 'GET', '/v1/me')).org.name;

    // The catalogue's demand detail links to the 揭榜名单 now that its result is public (issue 16).
    const page = await signedIn(objector);
    await page.goto(`${webUrl}#/pages/demand-detail/index?id=${encodeURIComponent(demand.id)}`);
    const toResults = page.locator('.demand-detail__results');
    await toResults.waitFor({ state: 'visible', timeout: 30_000 });
    expect(await toResults.innerText()).toContain('查看揭榜名单');
    await toResults.scrollIntoViewIfNeeded();
    await shot(page, '4a-demand-results-link');
    await toResults.click();
    await page.locator('.results').waitFor({ state: 'visible', timeout: 30_000 });
    // The link names the demand's campaign year (not whichever campaign is current), and the page shows that year.
    expect(page.url()).toContain(`results/index?year=${demand.campaignYear}`);
    expect(await page.locator('.results__title').innerText()).toContain(`${demand.campaignYear}年度`);

    // 宁波新材 reads the 揭榜名单 the link opened: the period, the result 公示中; it objects from the line.
    const line = page.locator(`.result-line[data-demand="${demand.id}"]`);
    await line.waitFor({ state: 'visible', timeout: 30_000 });
    expect(await page.locator('.results__period').innerText()).toContain('公示期');
    expect(await line.locator('.result-line__state').getAttribute('data-state')).toBe('notice');
    await line.scrollIntoViewIfNeeded();
    await shot(page, '5-results-period');
    await line.locator('.result-line__object').click();
    await page.locator('.objection-form__text textarea').fill(OBJECTION);
    await shot(page, '6-objection-form');
    await page.locator('.objection-form__submit').click();
    const filed = page.locator('.objection[data-status="pending"]').first();
    await filed.waitFor({ state: 'visible', timeout: 30_000 });
    const id = await filed.getAttribute('data-id');
    await page.context().close();

    // A second objection, with a PDF (through the API): the ministry opens the PDF from 公示异议 (issue 17).
    const evidence = await uploadPdfViaApi(ok, objector, '检测报告比对.pdf');
    const withPdf = await ok<{ id: string }>(
      objector.token,
      'POST',
      `/v1/campaigns/${demand.campaignYear}/objections`,
      {
        demandId: demand.id,
        text: `${OBJECTION}（附检测报告比对）`,
        attachments: [evidence],
      },
    );

    // The ministry answers on 公示异议: 异议不成立, with its reply.
    const desk = await signedIn(ministry);
    await desk.goto(`${webUrl}#/subpackages/trust/pages/objections/index?id=${withPdf.id}`);
    const file = desk.locator(`.objection[data-id="${withPdf.id}"] .objection__file[data-index="0"]`);
    await file.waitFor({ state: 'visible', timeout: 30_000 });
    expect(await file.innerText()).toContain('检测报告比对.pdf');
    await file.scrollIntoViewIfNeeded();
    await shot(desk, '7a-objection-pdf');
    const [viewer] = await Promise.all([desk.context().waitForEvent('page'), file.click()]);
    const pdf = await (await desk.context().request.get(viewer.url())).body();
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await viewer.close();
    await ok(ministry.token, 'POST', `/v1/objections/${withPdf.id}`, { decision: 'dismissed', reply: REPLY });
    await desk.goto(`${webUrl}#/subpackages/trust/pages/objections/index?id=${id}`);
    const pending = desk.locator(`.objection[data-id="${id}"]`);
    await pending.waitFor({ state: 'visible', timeout: 30_000 });
    expect(await pending.innerText()).toContain(objectorName);
    await pending.locator('.objection__reply textarea').fill(REPLY);
    await pending.scrollIntoViewIfNeeded();
    await shot(desk, '7-ministry-answers');
    await pending.locator('.objection__dismiss').click();
    await desk.locator(`.objection[data-id="${id}"][data-status="dismissed"]`).waitFor({ timeout: 30_000 });
    await desk.locator(`.objection[data-id="${id}"]`).scrollIntoViewIfNeeded();
    await shot(desk, '8-dismissed');
    await desk.context().close();

    // The result is 公示中 again; the issuer learnt the answer, never who objected.
    const results = await ok<{ items: { demandId: string; state: string }[] }>(
      null,
      'GET',
      `/v1/campaigns/${demand.campaignYear}/results?limit=50`,
    );
    expect(results.items.find((l) => l.demandId === demand.id)?.state).toBe('notice');
    // Only what the issuer was told about this demand: on the shared stack its inbox also holds other walks' notices,
    // where the objector appears as an applicant to other demands.
    const inbox = await ok<{ items: { title: string; body: string; objectId?: string }[] }>(
      issuer.token,
      'GET',
      '/v1/notifications',
    );
    const aboutThis = inbox.items.filter((n) => n.objectId === demand.id);
    const told = JSON.stringify(aboutThis);
    expect(told).toContain('收到异议');
    expect(told).toContain('异议不成立');
    expect(told).not.toContain(objectorName);

    // 揭榜企业与政策支持 (issue 16, item 7): 深圳 finds its selected SME from 我的 and records a support.
    const orgId = (await ok<{ org: { id: string } }>(selected.token, 'GET', '/v1/me')).org.id;
    const province = await signedIn(shenzhen);
    await province.goto(`${webUrl}#/pages/mine/index`);
    await province.locator('.mine-work__entry--supported-smes').click();
    const sme = province.locator(`.supported-sme[data-org="${orgId}"]`);
    await sme.waitFor({ state: 'visible', timeout: 30_000 });
    await shot(province, '9-supported-smes');
    await sme.locator('.supported-sme__record').click();
    await sme.locator('.support-form .supported-smes__chip', { hasText: '资金奖补' }).click();
    await sme.locator('.support-form__amount input').fill('50');
    await sme.locator('.support-form__submit').click();
    await province.locator('.dialog__confirm').waitFor({ state: 'visible' });
    await shot(province, '10-support-confirm');
    await province.locator('.dialog__confirm').click();
    await sme.locator('.supported-sme__sum', { hasText: '已记录支持' }).waitFor({ timeout: 30_000 });
    expect(await sme.locator('.supported-sme__sum').innerText()).toContain('50 万元');
    await sme.locator('.supported-sme__history .supported-sme__record-main').first().waitFor({ timeout: 30_000 });
    await sme.scrollIntoViewIfNeeded();
    await shot(province, '11-support-recorded');
    await province.context().close();
  }, 300_000);
});
