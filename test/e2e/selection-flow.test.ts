/**
 * End to end: 评审、遴选与验收 in a phone-sized Chromium on the H5 build, against the whole local stack.
 *
 * Set-up through the HTTP API (fast, and each step is covered by the integration tests): a second reviewer joins
 * 华夏重工 by invite and gets the reviewer role; the issuer's admin files a demand whose application deadline is
 * a few dozen seconds ahead (and a second one with the same deadline), the ministry publishes them; 深圳精测
 * (SME 1) and 宁波新材 (SME 2) each upload the stamped PDF and submit an application before the deadline; their
 * provincial authorities forward them and the ministry releases them to the issuer.
 *
 * In the browser: reviewer A (`issuer-reviewer`, demo login) and reviewer B (the invited member) score both
 * applications on the score page; once the deadline has passed (the server's real clock decides: the API runs
 * in serverless-offline, out of reach of a fake clock) the issuer's admin opens the ranking, selects SME 1 with
 * a justification, shares the comments and confirms in the dialog; SME 1 sees 已入选; SME 2 sees 未入选 with its
 * own averages, total and the threshold — and neither the page nor the feedback body names SME 1; on a second
 * demand that SME 2 alone applied to and nobody scored, the admin declares 流榜 and SME 2 reads the 流榜 wording
 * and the "not scored" state; the admin confirms cooperation and records the acceptance (passed, supplier
 * catalogue) on the acceptance page; SME 1 sees it. Screenshots: test-results/screenshots/select-*.png.
 *
 * To iterate against a stack that is already running: E2E_API_URL=http://localhost:3600
 * E2E_WEB_URL=http://localhost:10600 (the demands and the second reviewer are new on every run).
 */
import { describe, expect, it } from '@jest/globals';
import { poll } from '../support/poll';
import type { Page } from 'playwright-core';
import { e2eWalk, storeSession } from '../support/e2e-session';
import { demandInput } from '../support/fixtures';
import { confirmModal, shoot } from './browser';
import { api, type Session } from '../support/e2e-api';

let apiUrl: string;
let webUrl: string;
let page: Page;
/** Ids and names the set-up learns (used by the helpers below). */
let app1: string;
let app2: string;
let sme1Org: { name: string; creditCode: string };
let sme2Name: string;

const TAG = Date.now().toString(36).slice(-5).toUpperCase();
const TITLE = `精密减速器寿命预测与健康管理攻关${TAG}`;
/** Seconds from filing the demand to its application deadline: enough for the set-up on a loaded 2-core machine. */
const DEADLINE_LEAD_S = 45;
const WEIGHTS = { team: 20, capability: 20, plan: 30, match: 30 };
const REVIEWER_B = `e2e-reviewer-${TAG.toLowerCase()}`;
const TITLE_NONE = `工业机器人视觉引导柔性装配攻关${TAG}`;

/** A tiny but real PDF (the server checks the `%PDF-` signature). */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);

type Criteria = { team: number; capability: number; plan: number; match: number };
/** What each reviewer gives each applicant; SME 1 clearly ahead. */
const SCORES: Record<'A' | 'B', Record<'sme1' | 'sme2', Criteria & { comment: string }>> = {
  A: {
    sme1: { team: 90, capability: 85, plan: 88, match: 92, comment: '技术路线成熟，团队经验丰富。' },
    sme2: { team: 70, capability: 65, plan: 72, match: 60, comment: '方案与寿命预测指标对应不够具体。' },
  },
  B: {
    sme1: { team: 86, capability: 80, plan: 84, match: 90, comment: '样机验证计划清晰。' },
    sme2: { team: 75, capability: 70, plan: 68, match: 66, comment: '建议补充现场数据采集方案。' },
  },
};
const avg = (k: keyof Criteria, who: 'sme1' | 'sme2') => (SCORES.A[who][k] + SCORES.B[who][k]) / 2;
const total = (who: 'sme1' | 'sme2') =>
  Math.round(
    ((WEIGHTS.team * avg('team', who) +
      WEIGHTS.capability * avg('capability', who) +
      WEIGHTS.plan * avg('plan', who) +
      WEIGHTS.match * avg('match', who)) /
      100) *
      100,
  ) / 100;

// ---------------------------------------------------------------------------------------------------- HTTP set-up

// test/support/e2e-api.ts: the URL is known once the stack is up.
const { call, ok, login } = api(() => apiUrl);

/** Upload the stamped PDF as the SME would (ticket → PUT → confirm) and return the attachment reference. */
async function uploadPdf(s: Session) {
  const org = s.user.orgId!;
  const ticket = await ok<{ key: string; upload: { url: string; headers: Record<string, string> } }>(
    s.token,
    'POST',
    `/v1/orgs/${org}/attachments`,
    { name: '揭榜申请书（盖章）.pdf', size: PDF.length, contentType: 'application/pdf' },
  );
  const put = await fetch(ticket.upload.url, { method: 'PUT', headers: ticket.upload.headers, body: PDF });
  if (!put.ok) throw new Error(`upload → ${put.status}`);
  const attachmentId = ticket.key.split('/')[2]!.replace(/\.pdf$/, '');
  await ok(s.token, 'POST', `/v1/orgs/${org}/attachments/${attachmentId}/confirm`);
  return { key: ticket.key, name: '揭榜申请书（盖章）.pdf' };
}

function applicationBody(leader: string, attachment: { key: string; name: string }) {
  return {
    team: {
      leader: { name: leader, title: '研发总监' },
      memberCount: 18,
      rndStaffCount: 11,
      keyMembers: [{ name: '赵工', title: '高级工程师', role: '寿命建模' }],
    },
    capability: { rndSpendingRatio: 9.5, inventionPatents: 7, platforms: '省级工程技术研究中心' },
    plan: {
      route: '振动与温度多源数据融合，物理模型与数据驱动结合的剩余寿命预测。',
      innovations: '小样本迁移学习的退化建模。',
      milestones: [
        { month: '2027-03', deliverable: '数据采集平台' },
        { month: '2027-09', deliverable: '预测模型与验证报告' },
      ],
      expectedResults: '健康管理软件 1 套，发明专利 2 项。',
    },
    match: '方案逐项对应需求的预测精度与预警时间指标。',
    budget: { amount: 260, note: '企业自筹 50%' },
    declaration: { notAffiliated: true },
    attachments: [attachment],
  };
}

/** Create, upload and submit an application of the SME `s` to `demandId`; returns its id. */
async function apply(s: Session, demandId: string, leader: string): Promise<string> {
  const attachment = await uploadPdf(s);
  const app = await ok<{ id: string }>(
    s.token,
    'POST',
    `/v1/demands/${demandId}/applications`,
    applicationBody(leader, attachment),
  );
  await ok(s.token, 'POST', `/v1/applications/${app.id}/submit`);
  return app.id;
}

// ---------------------------------------------------------------------------------------------------- browser

/** A screenshot of the phone screen once it is still; `at` scrolls a lower part into view first. */
const shot = (name: string, at?: string) => shoot(page, name, { at });

async function signOutIfNeeded() {
  await page.goto(`${webUrl}#/pages/mine/index`);
  const logout = page.locator('.mine__logout');
  const signedOut = page.locator('.mine__signin');
  await poll(async () => (await logout.isVisible()) || (await signedOut.isVisible()), { timeout: 30_000 }).toBe(true);
  if (await logout.isVisible()) {
    await logout.click();
    await confirmModal(page);
    await signedOut.waitFor({ state: 'visible' });
  }
}

/** Sign in with the local demo picker on 我的. */
async function signIn(openid: string) {
  await signOutIfNeeded();
  await page.locator(`.demo-login[data-openid="${openid}"]`).click();
  await page.locator('.mine-user').waitFor({ state: 'visible', timeout: 20_000 });
}

/**
 * Sign in as a user the demo picker does not list (the invited reviewer): the session the API issued is stored
 * where the client keeps it (Taro's H5 storage wraps values as `{ data }`), then 我的 is reloaded.
 */
async function signInWithSession(s: Session) {
  await signOutIfNeeded();
  await storeSession(page, s);
  await page.locator('.mine-user').waitFor({ state: 'visible', timeout: 20_000 });
}

/** From 我的 through 评审与遴选 to the ranking of the test demand. */
async function openRanking() {
  await page.locator('.mine-entry--reviewer').click();
  const item = page.locator('.reviewer-demand', { hasText: TITLE });
  await item.waitFor({ state: 'visible', timeout: 20_000 });
  await item.click();
  await page.locator('.ranking-line').first().waitFor({ state: 'visible', timeout: 20_000 });
}

/** On the ranking: open an application's score page, enter a score set and save (back to the ranking). */
async function score(applicationId: string, s: Criteria & { comment: string }) {
  await page.locator(`.ranking-line[data-application="${applicationId}"]`).click();
  await page.locator('.score-form__save').waitFor({ state: 'visible', timeout: 20_000 });
  // The applicant's name travels in the page's query: shown decoded.
  expect(await page.locator('.score-form__org').innerText()).toBe(applicationId === app1 ? sme1Org.name : sme2Name);
  for (const c of ['team', 'capability', 'plan', 'match'] as const) {
    await page.locator(`.score-input[data-criterion="${c}"] input`).fill(String(s[c]));
  }
  await page.locator('.score-form__comment textarea').fill(s.comment);
  const expected =
    Math.round(
      ((WEIGHTS.team * s.team + WEIGHTS.capability * s.capability + WEIGHTS.plan * s.plan + WEIGHTS.match * s.match) /
        100) *
        100,
    ) / 100;
  await poll(() => page.locator('.score-form__total').innerText()).toBe(String(expected));
  await page.locator('.score-form__save').click();
  await page.locator('.ranking').waitFor({ state: 'visible', timeout: 20_000 });
}

/** As the signed-in SME, open its application of the test demand from 我的揭榜. */
async function openMyApplication(title = TITLE) {
  await page.locator('.mine-entry--applications').click();
  const mine = page.locator('.my-application', { hasText: title });
  await mine.waitFor({ state: 'visible', timeout: 20_000 });
  await mine.click();
  await page.locator('.application-result[data-state="ready"]').waitFor({ state: 'visible', timeout: 20_000 });
}

// ---------------------------------------------------------------------------------------------------- the walk

e2eWalk('select', {
  opened: (w) => ({ apiUrl, webUrl, page } = w),
});

describe('遴选: two reviewers score, the issuer selects, the SMEs see their results, acceptance', () => {
  let demandId: string;
  let deadline: number;
  let sme1: Session;
  let sme2: Session;
  let reviewerB: Session;
  let issuerAdmin: Session;
  /** A second demand, to which only SME 2 applies and which nobody scores: the issuer declares 流榜. */
  let noSelectionDemandId: string;
  let app3: string;

  it('set-up: a second reviewer, a published demand closing soon, two released applications', async () => {
    const admin = await login('issuer-admin');
    const issuerOrg = admin.user.orgId!;

    // Reviewer B joins the issuer by invite and is made a reviewer; a fresh login carries the role.
    const invite = await ok<{ code: string }>(admin.token, 'POST', `/v1/orgs/${issuerOrg}/invites`);
    const joining = await login(REVIEWER_B);
    await ok(joining.token, 'POST', `/v1/invites/${invite.code}/accept`);
    await ok(admin.token, 'PUT', `/v1/orgs/${issuerOrg}/members/${joining.user.id}`, {
      roles: ['org_member', 'reviewer'],
    });
    reviewerB = await login(REVIEWER_B);
    expect(reviewerB.user.roles).toEqual(expect.arrayContaining(['org_member', 'reviewer']));

    const [ministry, p440300, p330200] = await Promise.all([
      login('ministry'),
      login('province-440300'),
      login('province-330200'),
    ]);
    [sme1, sme2] = await Promise.all([login('sme-admin'), login('sme-admin-2')]);
    // /v1/me summarises the org without its credit code: read the whole org (under vitest, `not.toContain`
    // of the missing code passed vacuously; jest refuses an undefined expectation).
    const me1 = await ok<{ org: { id: string } }>(sme1.token, 'GET', '/v1/me');
    sme1Org = await ok<{ name: string; creditCode: string }>(sme1.token, 'GET', `/v1/orgs/${me1.org.id}`);
    sme2Name = (await ok<{ org: { name: string } }>(sme2.token, 'GET', '/v1/me')).org.name;

    deadline = Date.now() + DEADLINE_LEAD_S * 1000;
    /** A demand filed by the admin and published by the ministry (direct channel), closing at `deadline`. */
    const publish = async (title: string, weights?: Criteria) => {
      const demand = await ok<{ id: string }>(
        admin.token,
        'POST',
        '/v1/demands',
        demandInput({
          title,
          field: 'high_end_equipment',
          applicationDeadline: new Date(deadline).toISOString(),
          expectedCompletion: '2027-12-31',
          ...(weights ? { weights } : {}),
        }),
      );
      await ok(admin.token, 'POST', `/v1/demands/${demand.id}/submit`, { channel: 'ministry' });
      await ok(ministry.token, 'POST', `/v1/review/demands/${demand.id}`, { decision: 'publish', comment: '同意发布' });
      return demand.id;
    };
    [demandId, noSelectionDemandId] = await Promise.all([publish(TITLE, WEIGHTS), publish(TITLE_NONE)]);

    [app1, app2, app3] = await Promise.all([
      apply(sme1, demandId, '王精测'),
      apply(sme2, demandId, '周新材'),
      apply(sme2, noSelectionDemandId, '周新材'),
    ]);
    expect(Date.now()).toBeLessThan(deadline); // submitted in time (else raise DEADLINE_LEAD_S)

    await ok(p440300.token, 'POST', `/v1/review/applications/${app1}`, { decision: 'forward', comment: '同意' });
    for (const id of [app2, app3]) {
      await ok(p330200.token, 'POST', `/v1/review/applications/${id}`, { decision: 'forward', comment: '同意' });
    }
    for (const id of [app1, app2, app3]) {
      await ok(ministry.token, 'POST', `/v1/review/applications/${id}`, { decision: 'release', comment: '提交评审' });
    }
    issuerAdmin = admin;
    console.log(`[e2e] set-up done ${Math.round((deadline - Date.now()) / 1000)} s before the deadline`);
  });

  it('reviewer A scores both applications on the score page', async () => {
    await signIn('issuer-reviewer');
    await openRanking();
    expect(await page.locator('.ranking__title').innerText()).toBe(TITLE);
    expect(await page.locator('.ranking__progress').innerText()).toContain('已评 0 / 2');
    // A reviewer is not offered the decision.
    expect(await page.locator('.ranking-select').count()).toBe(0);
    await score(app1, SCORES.A.sme1);
    await shot('select-01-score-saved');
    await score(app2, SCORES.A.sme2);
    await poll(() => page.locator('.ranking__progress').innerText()).toContain('已评 2 / 2');
  });

  it('reviewer B, an invited member, scores both too', async () => {
    await signInWithSession(reviewerB);
    await openRanking();
    expect(await page.locator('.ranking__progress').innerText()).toContain('已评 0 / 2');
    await page.locator(`.ranking-line[data-application="${app2}"]`).click();
    await page.locator('.score-form__save').waitFor({ state: 'visible', timeout: 20_000 });
    await shot('select-02-score-form');
    await page.goBack();
    await page.locator('.ranking').waitFor({ state: 'visible' });
    await score(app1, SCORES.B.sme1);
    await score(app2, SCORES.B.sme2);
    await poll(() => page.locator('.ranking__progress').innerText()).toContain('已评 2 / 2');
    const first = page.locator('.ranking-line').first();
    expect(await first.getAttribute('data-application')).toBe(app1);
    expect(await first.locator('.ranking-line__total').innerText()).toBe(String(total('sme1')));
  });

  it('after the deadline the issuer admin selects SME 1 with a justification and a confirmation', async () => {
    const wait = deadline + 1500 - Date.now();
    if (wait > 0) {
      console.log(`[e2e] waiting ${Math.round(wait / 1000)} s for the application deadline`);
      await page.waitForTimeout(wait);
    }
    await signIn('issuer-admin');
    await openRanking();
    expect(await page.locator(`.ranking-line[data-application="${app1}"] .ranking-line__total`).innerText()).toBe(
      String(total('sme1')),
    );
    expect(await page.locator(`.ranking-line[data-application="${app2}"] .ranking-line__total`).innerText()).toBe(
      String(total('sme2')),
    );
    await shot('select-03-ranking');

    await page.locator('.ranking-select__start').click();
    await page.locator(`.ranking-line[data-application="${app1}"]`).click();
    await poll(() => page.locator('.ranking-select__picked').innerText()).toContain(sme1Org.name);
    await page.locator('.ranking-select__justification textarea').fill('综合得分最高，寿命预测方案成熟可行。');
    await page.locator('.ranking-select__share').click();
    await page.locator('.ranking-select__confirm').click();
    const dialog = page.locator('.selection-dialog');
    await dialog.waitFor({ state: 'visible' });
    expect(await dialog.innerText()).toContain(sme1Org.name);
    await shot('select-04-selection-dialog');
    await dialog.locator('.dialog__confirm').click();

    await page.locator('.ranking-decision').waitFor({ state: 'visible', timeout: 20_000 });
    expect(await page.locator('.ranking-decision').innerText()).toContain('已遴选 1 家');
    expect(await page.locator(`.ranking-line[data-application="${app1}"]`).getAttribute('data-status')).toBe(
      'selected',
    );
    expect(await page.locator(`.ranking-line[data-application="${app2}"]`).getAttribute('data-status')).toBe(
      'not_selected',
    );
    expect(await page.locator('.ranking-select').count()).toBe(0);
    await shot('select-05-decided');
  });

  it('SME 1 sees 已入选 on its application', async () => {
    await signIn('sme-admin');
    await openMyApplication();
    const headline = page.locator('.application-result__headline');
    expect(await headline.getAttribute('data-status')).toBe('selected');
    expect(await headline.innerText()).toContain('已入选');
    expect(await page.locator('.application-status .app-status-badge').getAttribute('data-status')).toBe('selected');
    expect(await page.locator('.application-result__total').innerText()).toBe(String(total('sme1')));
    expect(await page.locator('.application-result__threshold').innerText()).toContain('入选 1 家');
    await shot('select-06-sme-selected');
  });

  it('SME 2 sees 未入选 with its own averages and the threshold, and nothing about SME 1', async () => {
    await signIn('sme-admin-2');
    await openMyApplication();
    const headline = page.locator('.application-result__headline');
    expect(await headline.getAttribute('data-status')).toBe('not_selected');
    expect(await headline.innerText()).toContain('未入选');
    for (const c of ['team', 'capability', 'plan', 'match'] as const) {
      const row = page.locator(`.application-result__criterion[data-key="${c}"]`);
      expect(await row.locator('.application-result__average').innerText()).toBe(String(avg(c, 'sme2')));
      expect(await row.innerText()).toContain(`权重 ${WEIGHTS[c]}%`);
    }
    expect(await page.locator('.application-result__total').innerText()).toBe(String(total('sme2')));
    expect(await page.locator('.application-result__reviewers').innerText()).toContain('2 位评审专家');
    const threshold = await page.locator('.application-result__threshold').innerText();
    expect(threshold).toContain('入选 1 家');
    // One winner: its band, never its exact total (security finding 5).
    const from = Math.min(95, Math.floor(total('sme1') / 5) * 5);
    expect(threshold).toContain(`加权总分在 ${from}–${from + 5} 分之间`);
    expect(threshold).not.toContain(`${total('sme1')} 分`);
    // Shared comments appear without a reviewer's identity.
    const comments = await page.locator('.application-result__comments').innerText();
    expect(comments).toContain(SCORES.A.sme2.comment);
    expect(comments).toContain(SCORES.B.sme2.comment);
    expect(comments).not.toContain(REVIEWER_B);
    await shot('select-07-sme-not-selected');
    await shot('select-08-sme-not-selected-timeline', '.app-status-timeline');

    const pageText = await page.locator('body').innerText();
    const feedback = await call(sme2.token, 'GET', `/v1/applications/${app2}/feedback`);
    expect(feedback.status).toBe(200);
    for (const secret of [sme1Org.name, sme1Org.creditCode, app1, reviewerB.user.id]) {
      expect(pageText).not.toContain(secret);
      expect(feedback.text).not.toContain(secret);
    }
    // The other applicant's feedback is not SME 2's to read.
    expect((await call(sme2.token, 'GET', `/v1/applications/${app1}/feedback`)).status).toBe(404);
  });

  it('on a demand nobody was selected for (流榜), SME 2 reads the 流榜 wording and that it was not scored', async () => {
    // Past the deadline already (the selection above waited for it): the admin declares 流榜 through the API.
    const decision = await ok<{ outcome: string }>(
      issuerAdmin.token,
      'POST',
      `/v1/demands/${noSelectionDemandId}/selection`,
      { applicationIds: [], justification: '申请方案均未达到需求的关键指标' },
    );
    expect(decision.outcome).toBe('no_selection');
    await page.goto(`${webUrl}#/pages/mine/index`);
    await page.locator('.mine-user').waitFor({ state: 'visible', timeout: 20_000 });
    await openMyApplication(TITLE_NONE);
    expect(await page.locator('.application-result__headline').getAttribute('data-status')).toBe('not_selected');
    expect(await page.locator('.application-result__threshold').innerText()).toContain('流榜');
    expect(await page.locator('.application-result__no-scores').innerText()).toContain('未对本申请评分');
    expect(await page.locator('.application-result__criterion').count()).toBe(0);
    expect(await page.locator('.application-result__total').innerText()).toBe('—');
    await shot('select-09-sme-no-selection');
  });

  it('the issuer admin confirms cooperation and records the acceptance with supplier entry', async () => {
    await signIn('issuer-admin');
    await openRanking();
    await page.locator('.ranking-decision__cooperate').click();
    const coop = page.locator('.cooperation-dialog');
    await coop.waitFor({ state: 'visible' });
    await coop.locator('.dialog__confirm').click();
    await poll(() => page.locator('.ranking-decision').innerText(), { timeout: 20_000 }).toContain('合作中');
    expect(await page.locator('.ranking-decision__cooperate').count()).toBe(0);

    await page.locator(`.ranking-line[data-application="${app1}"] .ranking-line__accept`).click();
    await page.locator('.acceptance-form').waitFor({ state: 'visible', timeout: 20_000 });
    expect(await page.locator('.acceptance-form__org').innerText()).toBe(sme1Org.name);
    await page.locator('.acceptance-form__result .chip[data-value="passed"]').click();
    await page.locator('.acceptance-form__outcome .chip[data-value="supplier_catalogue"]').click();
    expect(
      await page.locator('.acceptance-form__outcome .chip[data-value="supplier_catalogue"]').getAttribute('class'),
    ).toContain('is-on');
    await page.locator('.acceptance-form__comment textarea').fill('各项指标均已达到，预测误差低于 10%。');
    await shot('select-10-acceptance-form');
    await page.locator('.acceptance-form__submit').click();
    const dialog = page.locator('.acceptance-dialog');
    await dialog.waitFor({ state: 'visible' });
    expect(await dialog.innerText()).toContain('进入供应商目录');
    await shot('select-11-acceptance-dialog');
    await dialog.locator('.dialog__confirm').click();

    // Back on the ranking: SME 1's line is accepted and the demand completed (已验收).
    const line = page.locator(`.ranking-line[data-application="${app1}"]`);
    await poll(() => line.getAttribute('data-status'), { timeout: 20_000 }).toBe('accepted');
    await poll(() => page.locator('.ranking-decision').innerText()).toContain('已验收');
    await shot('select-12-accepted-ranking');
  });

  it('SME 1 sees the acceptance and its entry into the supplier catalogue', async () => {
    await signIn('sme-admin');
    await openMyApplication();
    const acceptance = page.locator('.application-result__acceptance');
    expect(await acceptance.getAttribute('data-result')).toBe('passed');
    const text = await acceptance.innerText();
    expect(text).toContain('验收通过');
    expect(text).toContain('验收后：进入供应商目录');
    expect(await page.locator('.application-status .app-status-badge').getAttribute('data-status')).toBe('accepted');
    expect(await page.locator('.application-result__headline').innerText()).toContain('已入选');
    await shot('select-13-sme-accepted');
  });
});
