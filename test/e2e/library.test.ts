/**
 * End to end: 科技成果赋智 in a phone-sized Chromium on the H5 build, against the whole local stack (issue 15).
 * 华南理工大学's admin (`uni-admin`) fills 登记科技成果 and submits it; 广东省's authority (`province-440000`) opens
 * it from 科技成果审核 and publishes it; 深圳精测 (`sme-admin`) finds it in the 科技成果库 by a word of its title,
 * sends an interest, and on the catalogue sees 为你推荐 with its reasons; the university accepts the interest in
 * 对接意向 and sees the SME's contact, then attaches its own 技术经理人 (`uni-tech-manager`), who sees that interest
 * and no other; then 宁波市技术转移服务中心's manager (`tech-manager`, a 服务机构) by the 编号 shown on their 我的 (a
 * wrong 编号 is refused under the field), who then follows it with the contacts. Screenshots: test-results/screenshots/library-*.png.
 *
 * SME 发榜: 深圳精测 writes a demand (track sme; the form is the demand walk's, so its body comes through the API) and
 * submits it on its phone from 我的发榜 (the province is its only channel); 深圳's authority forwards and the ministry
 * publishes it (API); 华南理工大学 finds it under 中小企业发榜 and applies (the application through the API, as the
 * selection walk does: the form is the application walk's), and the demand then says 查看申请; 宁波新材, another SME,
 * taps 我要揭榜 and is told why it may not (and the server says so too: 422 NOT_ELIGIBLE_APPLICANT).
 *
 * Against a stack that is already running: E2E_API_URL=… E2E_WEB_URL=… (the achievement is new on every run).
 */
import { describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { e2eWalk, openSignedIn } from '../support/e2e-session';
import { api } from '../support/e2e-api';
import { applyViaApi } from '../support/e2e-applications';
import { demandInput } from '../support/fixtures';
import { poll } from '../support/poll';
import { shoot } from './browser';

let apiUrl: string;
let webUrl: string;
let page: Page;

const TAG = Date.now().toString(36).slice(-5).toUpperCase();
const TITLE = `声学超材料主轴降噪技术${TAG}`;

const { login, ok } = api(() => apiUrl);

/** Sign in as `openid` on this phone (the session the API issued, stored where the client keeps it), then open `hash`. */
async function signInAs(openid: string, hash: string) {
  await openSignedIn(page, webUrl, await login(openid), hash);
}

/** Photograph the phone screen once it is still. */
const shot = (name: string) => shoot(page, `library-${name}`);

const visible = (selector: string) => page.locator(selector).first().waitFor({ state: 'visible', timeout: 20_000 });
/** Confirm Taro's H5 modal (showModal). */
const confirmModal = async () => {
  const modal = page.locator('.taro-modal__content').filter({ visible: true }).last();
  await modal.waitFor({ state: 'visible', timeout: 20_000 });
  await modal.locator('.taro-model__confirm').click();
  await modal.waitFor({ state: 'hidden' });
};

e2eWalk('library', {
  opened: (w) => ({ apiUrl, webUrl, page } = w),
});

describe('科技成果赋智: from a university’s achievement to an SME’s interest', () => {
  it('submits, publishes, finds, sends an interest, accepts with contacts; recommendations carry reasons', async () => {
    // The university fills 登记科技成果 and submits it to its authority.
    await signInAs('uni-admin', '/subpackages/library/pages/form/index');
    await visible('.ach-title input');
    await page.locator('.ach-title input').fill(TITLE);
    await page.locator('.chip[data-value="machine_tools"]').click();
    await page
      .locator('.ach-summary textarea')
      .fill('以声学超材料结构吸收高速电主轴的啸叫噪声，主轴噪声降低 12 dB，已在加工中心样机验证。');
    await page.locator('.ach-trl .chip[data-value="6"]').click();
    await page.locator('.ach-modes .chip[data-value="license"]').click();
    await page.locator('.ach-contact input').fill('陈振华');
    await page.locator('.ach-phone input').fill('020-87110123');
    await shot('1-form');
    await page.locator('.ach-submit').click();
    await confirmModal();
    await visible('.achievement-status');
    expect(await page.locator('.achievement-status').innerText()).toContain('待审核');
    const id = new URL(page.url().replace('#', '')).searchParams.get('id')!;
    expect(id).toBeTruthy();

    // 广东省's authority publishes it from its queue.
    await signInAs('province-440000', '/subpackages/library/pages/review/index');
    await visible(`.achievement-card[data-id="${id}"]`);
    await shot('2-review-queue');
    await page.locator(`.achievement-card[data-id="${id}"]`).click();
    await page.locator('.review-publish').click();
    await page.locator('.achievement-status', { hasText: '已发布' }).waitFor({ timeout: 20_000 });

    // The SME finds it in the library by a word of its title and sends an interest.
    await signInAs('sme-admin', '/subpackages/library/pages/index/index');
    await visible('.library-search input');
    await page.locator('.library-search input').fill(`超材料主轴降噪技术${TAG}`);
    await visible(`.achievement-card[data-id="${id}"]`);
    await shot('3-library-search');
    await page.locator(`.achievement-card[data-id="${id}"]`).click();
    await visible('.interest-message textarea');
    expect(await page.locator('.achievement-detail').innerText()).not.toContain('020-87110123');
    await page.locator('.interest-message textarea').fill('我司主轴产品噪声偏高，希望洽谈技术许可。');
    await page.locator('.interest-send').click();
    await visible('.interest-sent');
    await shot('4-interest-sent');

    // On the catalogue, 为你推荐 shows matched demands with reasons.
    await page.goto(`${webUrl}#/pages/catalogue/index`);
    await visible('.recommendation');
    const reasons = await page.locator('.recommendation__reason').allInnerTexts();
    expect(reasons.some((r) => r.startsWith('领域相同') || r.startsWith('关键词'))).toBe(true);
    // Readable reasons: at most three an item, no word that tells nothing.
    for (const item of await page.locator('.recommendation').all())
      expect(await item.locator('.recommendation__reason').count()).toBeLessThanOrEqual(3);
    for (const r of reasons) expect(r).not.toMatch(/关键词：.*(在线|系统|设备|国产化)/);
    await page.locator('.recommendations').scrollIntoViewIfNeeded();
    await shot('5-recommendations');

    // The university accepts in 对接意向 and sees the SME's contact.
    await signInAs('uni-admin', '/subpackages/library/pages/interests/index');
    const card = page.locator('.interest-card', { hasText: TITLE });
    await card.waitFor({ state: 'visible', timeout: 20_000 });
    await card.locator('.interest-accept').click();
    await card.locator('.interest-contacts').waitFor({ state: 'visible', timeout: 20_000 });
    expect(await card.locator('.interest-contacts').innerText()).toContain('李明哲');
    await shot('6-accepted');

    // The admin attaches its own 技术经理人, who then sees that interest — and only the interests attached to them.
    const manager = await login('uni-tech-manager');
    const managerName = `成员 ${manager.user.id.slice(-6).toUpperCase()}`;
    await card.locator('.interest-manager-pick').click();
    await page.locator('.taro-actionsheet__cell', { hasText: managerName }).click();
    await card.locator('.interest-manager').waitFor({ state: 'visible', timeout: 20_000 });
    expect(await card.locator('.interest-manager').innerText()).toContain(managerName);
    await shot('6b-tech-manager-attached');
    await signInAs('uni-tech-manager', '/subpackages/library/pages/interests/index');
    await page.locator('.interest-card', { hasText: TITLE }).waitFor({ state: 'visible', timeout: 20_000 });
    for (const text of await page.locator('.interest-card').allInnerTexts()) expect(text).toContain(managerName);
    expect(await page.locator('.interest-card .interest-accept, .interest-card .interest-sign').count()).toBe(0);
    await shot('6c-tech-manager-view');

    // 宁波市技术转移服务中心's 技术经理人 (a 服务机构) reads their 编号 on 我的; the university's admin enters it on the
    // interest (a wrong one is refused under the field) and the outside manager then follows the interest instead.
    const outside = await login('tech-manager');
    await signInAs('tech-manager', '/pages/mine/index');
    await visible('.mine-org__manager-id');
    expect(await page.locator('.mine-org__manager-id').first().innerText()).toBe(outside.user.id);
    await shot('6d-manager-number');
    await signInAs('uni-admin', '/subpackages/library/pages/interests/index');
    const attached = page.locator('.interest-card', { hasText: TITLE });
    await attached.waitFor({ state: 'visible', timeout: 20_000 });
    await attached.locator('.interest-manager-pick').click();
    await page.locator('.taro-actionsheet__cell', { hasText: '输入其他机构技术经理人编号' }).click();
    const number = attached.locator('.interest-manager-number input');
    await number.fill('u_nobody_here');
    await attached.locator('.interest-manager-submit').click();
    await attached.locator('.field-error').waitFor({ state: 'visible', timeout: 20_000 });
    expect(await attached.locator('.field-error').innerText()).toContain('未找到该技术经理人编号');
    await shot('6e-manager-number-refused');
    await number.fill(outside.user.id);
    await attached.locator('.interest-manager-submit').click();
    await attached.locator('.interest-manager', { hasText: '宁波市技术转移服务中心' }).waitFor({ timeout: 20_000 });
    await shot('6f-outside-manager-attached');
    await signInAs('tech-manager', '/subpackages/library/pages/interests/index');
    const followed = page.locator('.interest-card', { hasText: TITLE });
    await followed.waitFor({ state: 'visible', timeout: 20_000 });
    expect(await followed.locator('.interest-contacts').innerText()).toContain('李明哲');
    expect(await page.locator('.interest-card .interest-accept, .interest-card .interest-sign').count()).toBe(0);
    await shot('6g-outside-manager-view');
  }, 180_000);

  it('an SME publishes a demand (track sme) that a university applies to; another SME may not', async () => {
    const title = `石墨烯导热膜量产工艺${TAG}`;
    const sme = await login('sme-admin');
    const { applicationDeadline: _d, ...form } = demandInput({
      title,
      field: 'new_materials',
      background: '手机散热需要高导热石墨烯膜，现有人工石墨膜已接近导热上限，希望与高校联合攻关。',
      difficulties: '氧化石墨烯浆料涂布均匀性；高温石墨化与压延工艺；膜厚与导热系数的平衡。',
      indicators: [
        { name: '面内导热系数', target: '≥ 1500 W/(m·K)' },
        { name: '膜厚', target: '≤ 50 μm' },
      ],
    });
    const demand = await ok<{ id: string; track?: string }>(sme.token, 'POST', '/v1/demands', form);
    expect(demand.track).toBe('sme');

    // 我的发榜 lists it; the SME submits it on its phone, to its province (its only channel).
    await signInAs('sme-admin', '/subpackages/issuer/pages/my-demands/index');
    await visible(`.my-demands__item[data-id="${demand.id}"]`);
    await shot('7-sme-my-demands');
    await page.locator(`.my-demands__item[data-id="${demand.id}"]`).click();
    await visible('.issuer-demand__submit');
    await page.locator('.issuer-demand__submit').click();
    await visible('.channel-sheet__option[data-channel="province"]');
    expect(await page.locator('.channel-sheet__option[data-channel="ministry"]').count()).toBe(0);
    await page.locator('.channel-sheet__option[data-channel="province"]').click();
    await shot('8-sme-submit-province');
    await page.locator('.channel-sheet__next').click();
    await page.locator('.submit-confirm .dialog__confirm').click();
    await poll(() => page.locator('.issuer-demand__status').getAttribute('data-status'), { timeout: 20_000 }).toBe(
      'submitted',
    );

    // 深圳's authority forwards it, the ministry publishes it.
    const shenzhen = await login('province-440300');
    await ok(shenzhen.token, 'POST', `/v1/review/demands/${demand.id}`, { decision: 'forward' });
    const ministry = await login('ministry');
    await ok(ministry.token, 'POST', `/v1/review/demands/${demand.id}`, { decision: 'publish' });

    // The university finds it under 中小企业发榜, where 我要揭榜 is open to it.
    await signInAs('uni-admin', '/pages/catalogue/index');
    await page.locator('.catalogue-tracks .nut-tabs-titles-item', { hasText: '中小企业发榜' }).click();
    const card = page.locator('.demand-card', { hasText: title });
    await card.waitFor({ state: 'visible', timeout: 20_000 });
    expect(await card.innerText()).toContain('中小企业发榜');
    await card.scrollIntoViewIfNeeded();
    await shot('9-catalogue-sme-track');
    await card.click();
    await visible('.detail__apply');
    expect(await page.locator('.detail__apply').innerText()).toContain('我要揭榜');
    expect(await page.locator('.detail__tag--track').innerText()).toBe('中小企业发榜');
    await shot('10-university-demand');
    // It applies (the application form is the application walk's); the demand then shows its application.
    const uni = await login('uni-admin');
    await applyViaApi(ok, uni, demand.id, '陈振华');
    await page.reload();
    await visible('.detail-my-application');
    await shot('11-university-applied');

    // Another SME taps 我要揭榜 and is told why not; the server refuses it too.
    await signInAs('sme-admin-2', `/pages/demand-detail/index?id=${encodeURIComponent(demand.id)}`);
    await visible('.detail__apply');
    await page.locator('.detail__apply').click();
    const modal = page.locator('.taro-modal__content').filter({ visible: true }).last();
    await modal.waitFor({ state: 'visible', timeout: 20_000 });
    expect(await modal.innerText()).toContain('贵单位不能揭榜该需求');
    await shot('12-other-sme-refused');
    await modal.locator('.taro-model__confirm').click();
    const other = await login('sme-admin-2');
    await expect(applyViaApi(ok, other, demand.id, '王工')).rejects.toThrow(/422.*NOT_ELIGIBLE_APPLICANT/);
  }, 240_000);
});
