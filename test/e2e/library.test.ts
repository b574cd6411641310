/**
 * End to end: 科技成果赋智 in a phone-sized Chromium on the H5 build, against the whole local stack (issue 15).
 * 华南理工大学's admin (`uni-admin`) fills 登记科技成果 and submits it; 广东省's authority (`province-440000`) opens
 * it from 科技成果审核 and publishes it; 深圳精测 (`sme-admin`) finds it in the 科技成果库 by a word of its title,
 * sends an interest, and on the catalogue sees 为你推荐 with its reasons; the university accepts the interest in
 * 对接意向 and sees the SME's contact. Screenshots: test-results/screenshots/library-*.png.
 *
 * Against a stack that is already running: E2E_API_URL=… E2E_WEB_URL=… (the achievement is new on every run).
 */
import { describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { e2eWalk, openSignedIn } from '../support/e2e-session';
import { api } from '../support/e2e-api';
import { shoot } from './browser';

let apiUrl: string;
let webUrl: string;
let page: Page;

const TAG = Date.now().toString(36).slice(-5).toUpperCase();
const TITLE = `声学超材料主轴降噪技术${TAG}`;

const { login } = api(() => apiUrl);

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
  }, 180_000);
});
