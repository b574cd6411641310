/**
 * End to end: 揭榜 in a phone-sized Chromium on the H5 build, against the whole local stack (DynamoDB Local in
 * memory, seed, WeChat stand-in, local attachment server, API on serverless-offline).
 *
 * A new user (`visitor`) registers an SME — live credit-code check, region warning, 300号 refusal and preview —,
 * opens a published demand, fills the seven-step application (leaving and coming back keeps the draft), uploads
 * the stamped PDF, submits and sees the status, downloads the printed 申请书 (PDF, its text read back); the 深圳 authority (`province-440300`) forwards it; the
 * applicant sees it forwarded. At 1280 wide 揭榜申请审核 shows the list and the application side by side (issue 18).
 *
 * To iterate against a stack that is already running: E2E_API_URL=http://localhost:3600
 * E2E_WEB_URL=http://localhost:10600 (the visitor must not have registered there yet).
 */
import { describe, expect, it } from '@jest/globals';
import { poll } from '../support/poll';
import type { Locator, Page } from 'playwright-core';
import { creditCodeCheckChar, organisationCodeValid } from '@jiebang/shared';
import { e2eWalk } from '../support/e2e-session';
import { confirmModal, expectReadable, shoot, signInAs, waitStill } from './browser';
import { readFile } from 'node:fs/promises';
import { pdfText } from '../support/pdf-text';

let apiUrl: string;
let webUrl: string;
let page: Page;

const ORG_NAME = '深圳揭榜通测试科技有限公司';

/** A valid credit code registered in 440305 (深圳市南山区) whose organisation code also passes GB 11714. */
function creditCode(): string {
  for (const check of '0123456789X') {
    const first17 = `91440305MA5H1234${check}`;
    const code = first17 + creditCodeCheckChar(first17);
    if (organisationCodeValid(code)) return code;
  }
  throw new Error('no organisation check character fits');
}
const CODE = creditCode();

/** A tiny but real PDF (the server checks the `%PDF-` signature). */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);

e2eWalk('apply', {
  opened: (w) => ({ apiUrl, webUrl, page } = w),
});

/** Fill the native input or textarea inside a Taro component wrapper (class on the wrapper). */
async function fill(selector: string, value: string, scope: Page | Locator = page) {
  const field = scope.locator(`${selector} input, ${selector} textarea`).first();
  await field.fill(value);
}

const inputValue = (selector: string) => page.locator(`${selector} input, ${selector} textarea`).first().inputValue();

/** Sign in with the demo picker on 我的 (signing out whoever is in). */
const signIn = (openid: string) => signInAs(page, webUrl, openid);

/** The first open, published demand of the catalogue. */
async function openDemand(): Promise<{ id: string; title: string }> {
  // A large enterprise's demand: an SME may not 揭榜 another SME's own (track sme, issue 15), which the seed has too.
  const res = await fetch(`${apiUrl}/v1/catalogue?open=1&track=large&limit=20`);
  const { items } = (await res.json()) as { items: { id: string; title: string; open: boolean }[] };
  // The oldest open one on the page: a seeded demand, not one another walk on the shared stack has just published.
  const d = items.filter((i) => i.open).at(-1);
  if (!d) throw new Error('the seed has no open demand');
  return d;
}

describe('揭榜: registration, application, pre-review', () => {
  let demand: { id: string; title: string };

  it('a new user registers an SME with live checks and the 300号 classification', async () => {
    await signIn('visitor');
    const entry = page.locator('.mine-entry--register');
    await entry.waitFor({ state: 'visible' });
    await shoot(page, 'apply-01-mine-visitor', { fullPage: true });
    await entry.click();
    await page.locator('.register-form').waitFor({ state: 'visible' });

    await fill('.org-name-input', ORG_NAME);
    // Lower case becomes upper case; the check runs as the user types.
    await fill('.credit-code-input', CODE.slice(0, 12).toLowerCase());
    expect(await inputValue('.credit-code-input')).toBe(CODE.slice(0, 12));
    await poll(() => page.locator('.credit-code-status').innerText()).toContain('12/18');
    const wrong = CODE.slice(0, 17) + (CODE[17] === '0' ? '1' : '0');
    await fill('.credit-code-input', wrong);
    await poll(() => page.locator('.form-field.is-invalid .field-error').first().innerText()).toContain('校验位');
    await fill('.credit-code-input', CODE);
    await page.locator('.credit-code-status.is-ok').waitFor({ state: 'visible' });

    // Region: the authority from a searchable list, then a district code; a mismatch with the code warns.
    await page.locator('.region-select').click();
    await fill('.option-sheet__search', '深圳');
    await page.locator('.region-sheet .option-sheet__item[data-value="440300"]').click();
    expect(await inputValue('.region-code-input')).toBe('440300');
    await fill('.region-code-input', '440106');
    await page.locator('.region-warning').waitFor({ state: 'visible' });
    await page.locator('.region-warning').scrollIntoViewIfNeeded();
    await shoot(page, 'apply-02-register-code-region');
    await page.locator('.region-use-code').click();
    expect(await inputValue('.region-code-input')).toBe('440305');
    await poll(() => page.locator('.region-warning').count()).toBe(0);

    // Industry decides which figures are asked for; a large enterprise is refused as an SME.
    await page.locator('.industry-select').click();
    await page.locator('.industry-sheet .option-sheet__item[data-value="software_it"]').click();
    await poll(() => page.locator('.metric-input').count()).toBe(2);
    expect(await page.locator('.metric-input--assets').count()).toBe(0);
    await fill('.metric-input--employees', '500');
    await fill('.metric-input--revenue', '20000');
    await page.locator('.classification-refusal').waitFor({ state: 'visible' });
    expect(await page.locator('.classification-preview').innerText()).toContain('大型企业');
    await page.locator('.classification-preview').scrollIntoViewIfNeeded();
    await shoot(page, 'apply-03-register-large-refused');
    await fill('.metric-input--revenue', '800');
    await poll(() => page.locator('.classification-preview').innerText()).toContain(
      '按《中小企业划型标准规定》，贵企业为小型企业',
    );
    expect(await page.locator('.classification-refusal').count()).toBe(0);

    await page.locator('.qualification-options .chip[data-value="innovative_sme"]').click();
    await fill('.contact-name-input', '李揭榜');
    await fill('.contact-title-input', '总经理');
    await fill('.contact-phone-input', '13800138000');
    await page.locator('.classification-preview').scrollIntoViewIfNeeded();
    await shoot(page, 'apply-03-register-small');

    await page.locator('.register-submit').click();
    const text = await confirmModal(page);
    expect(text).toContain('登记成功');
    // The fresh session makes the user the enterprise's admin at once.
    await page.locator('.mine-entry--applications').waitFor({ state: 'visible', timeout: 20_000 });
    expect(await page.locator('.mine-org__name').innerText()).toBe(ORG_NAME);
    expect(await page.locator('.mine-user__roles').innerText()).toContain('企业管理员');
    await shoot(page, 'apply-04-mine-sme', { fullPage: true });
  });

  it('opens a demand and fills the application step by step; the draft survives leaving', async () => {
    demand = await openDemand();
    // Straight to its detail: a seeded demand may sit below the catalogue's first page (the catalogue walk taps cards).
    await page.goto(`${webUrl}#/pages/demand-detail/index?id=${encodeURIComponent(demand.id)}`);
    await page.locator('.detail__apply').waitFor({ state: 'visible', timeout: 30_000 });
    await page.locator('.detail__apply').click();
    // Step 1, or a dialog saying why not: fail with its words rather than a bare timeout.
    const refusal = page.locator('.taro-modal__content').filter({ visible: true });
    await poll(async () => (await page.locator('.apply-progress').isVisible()) || (await refusal.isVisible()), {
      timeout: 20_000,
    }).toBe(true);
    if (await refusal.isVisible())
      throw new Error(`我要揭榜 on “${demand.title}” was refused: ${await refusal.innerText()}`);
    expect(await page.locator('.apply-progress__text').innerText()).toContain('步骤 1/7');

    // Nothing filled: the step does not advance and says why, in Chinese, under each field.
    await page.locator('.apply-next').click();
    await poll(() => page.locator('.field-error').count()).toBeGreaterThanOrEqual(4);
    expect(await page.locator('.field-error').first().innerText()).toMatch(/请填写/);
    expect(await page.locator('.apply-progress__text').innerText()).toContain('步骤 1/7');
    await shoot(page, 'apply-05-step-errors', { fullPage: true });

    await fill('.apply-leader-name', '王攻关');
    await fill('.apply-leader-title', '研发总监 / 高级工程师');
    await fill('.apply-member-count', '25');
    await fill('.apply-rnd-count', '12');
    await page.locator('.apply-add-member').click();
    await fill('.apply-key-member__name', '赵算法');
    await fill('.apply-key-member__title', '高级工程师');
    await fill('.apply-key-member__role', '控制算法');
    await page.locator('.apply-next').click();
    await poll(() => page.locator('.apply-progress__text').innerText()).toContain('步骤 2/7');

    await fill('.apply-rnd-ratio', '8.5');
    await fill('.apply-patents', '6');
    await fill('.apply-platforms', '深圳市工程技术研究中心');
    await page.locator('.apply-next').click();
    await poll(() => page.locator('.apply-progress__text').innerText()).toContain('步骤 3/7');

    await fill('.apply-route', '采用多传感器融合与自适应控制相结合的技术路线，分三个阶段完成样机研制与验证。');
    await fill('.apply-innovations', '自研高精度编码器与误差补偿算法。');
    await page.locator('.apply-milestone__month input').first().pressSequentially('202506');
    expect(await inputValue('.apply-milestone__month')).toBe('2025-06');
    await fill('.apply-milestone__deliverable', '完成原理样机');
    await fill('.apply-expected', '样机 1 台，发明专利 2 项。');
    await shoot(page, 'apply-06-step-plan', { fullPage: true });

    // Leave the form (back to the demand) and come back through 我要揭榜: everything is there.
    await page.waitForTimeout(800); // the device copy is written within half a second
    await page.goBack();
    await page.locator('.detail__apply').waitFor({ state: 'visible' });
    await page.locator('.detail__apply').click();
    await page.locator('.apply-progress').waitFor({ state: 'visible', timeout: 20_000 });
    expect(await page.locator('.apply-progress__text').innerText()).toContain('步骤 3/7');
    expect(await inputValue('.apply-route')).toContain('多传感器融合');
    expect(await inputValue('.apply-milestone__month')).toBe('2025-06');
    // Even a reload of the whole app keeps it.
    await page.reload();
    await page.locator('.apply-progress').waitFor({ state: 'visible', timeout: 20_000 });
    expect(await inputValue('.apply-innovations')).toContain('误差补偿');
    await page.locator('.apply-progress__step[data-step="1"]').click();
    expect(await inputValue('.apply-leader-name')).toBe('王攻关');
    expect(await inputValue('.apply-key-member__role')).toBe('控制算法');
    await page.locator('.apply-progress__step[data-step="3"]').click();

    await page.locator('.apply-next').click();
    await poll(() => page.locator('.apply-progress__text').innerText()).toContain('步骤 4/7');
    await fill('.apply-match', '方案逐项满足需求的主要技术指标，进度与需求期望完成时间一致。');
    await page.locator('.apply-next').click();
    await poll(() => page.locator('.apply-progress__text').innerText()).toContain('步骤 5/7');
    await fill('.apply-budget-amount', '300');
    await fill('.apply-budget-note', '企业自筹 60%');
    await page.locator('.apply-next').click();
    await poll(() => page.locator('.apply-progress__text').innerText()).toContain('步骤 6/7');
    await page.locator('.apply-next').click();
    await poll(() => page.locator('.field-error').innerText()).toContain('非关联声明');
    await page.locator('.apply-declaration').click();
    await shoot(page, 'apply-07-declaration', { fullPage: true });
    await page.locator('.apply-next').click();
    await poll(() => page.locator('.apply-progress__text').innerText()).toContain('步骤 7/7');
    // The whole form is valid now: leaving the declaration step saved it on the server as a draft. Patient: the
    // draft's first save is the walk's first call of that function (serverless-offline loads it then), which took
    // more than 20 s on a loaded CI machine (2026-12-03) while the page rightly showed 已保存在本机 meanwhile.
    await poll(() => page.locator('.apply-save-status').innerText(), { timeout: 60_000 }).toContain('已保存草稿');
  });

  it('uploads the stamped PDF and submits', async () => {
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.locator('.apply-upload').click()]);
    await chooser.setFiles({ name: '揭榜申请书（盖章）.pdf', mimeType: 'application/pdf', buffer: PDF });
    await page.locator('.apply-attachment').waitFor({ state: 'visible', timeout: 20_000 });
    expect(await page.locator('.apply-attachment__name').innerText()).toContain('揭榜申请书');
    expect(await page.locator('.apply-checklist__row.is-todo').count()).toBe(0);
    await shoot(page, 'apply-08-attachment', { fullPage: true });

    await page.locator('.apply-submit').click();
    const text = await confirmModal(page);
    expect(text).toContain('深圳市中小企业主管部门初审');
    await page.locator('.application-submitted').waitFor({ state: 'visible', timeout: 20_000 });
    expect(await page.locator('.application-status .app-status-badge').getAttribute('data-status')).toBe('submitted');
    expect(await page.locator('.application-next').innerText()).toContain('等待深圳市中小企业主管部门初审');
    await shoot(page, 'apply-09-submitted', { fullPage: true });

    // 221号 on paper (issue 16, item 6): the printed 申请书 downloads as a PDF whose text holds the form's title,
    // the enterprise and the demand (read back with pdf.js, as a reader's search would find them).
    const paper = page.locator('.paper-button', { hasText: '下载打印《揭榜申请书》' });
    await paper.scrollIntoViewIfNeeded();
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), paper.click()]);
    expect(download.suggestedFilename()).toMatch(/^揭榜申请书-[0-9A-Z]{26}\.pdf$/);
    const pdf = await readFile((await download.path())!);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const words = await pdfText(pdf);
    for (const want of ['申请书', ORG_NAME, CODE, demand.title.replace(/\s+/g, '')]) expect(words).toContain(want);
    await shoot(page, 'apply-09b-paper', { fullPage: true });

    await page.goto(`${webUrl}#/subpackages/sme/pages/applications/index`);
    const mine = page.locator('.my-application', { hasText: demand.title });
    await mine.waitFor({ state: 'visible', timeout: 20_000 });
    expect(await mine.getAttribute('data-status')).toBe('submitted');
    expect(await mine.locator('.app-status-badge').innerText()).toBe('待初审');
    await shoot(page, 'apply-10-my-applications', { fullPage: true });
  });

  it('揭榜申请审核 on a wide screen: the list and the application side by side, decided in place', async () => {
    await signIn('province-440300');
    await page.setViewportSize({ width: 1280, height: 800 });
    try {
      await page.goto(`${webUrl}#/subpackages/authority/pages/application-queue/index`);
      const item = page.locator('.review-app', { hasText: ORG_NAME });
      await item.waitFor({ state: 'visible', timeout: 20_000 });
      await page.locator('.review-apps-pick').waitFor({ state: 'visible' });
      await waitStill(page);
      await shoot(page, 'apply-11w-review-queue-wide');
      await expectReadable(page, '揭榜申请审核, 1280 wide');
      await item.click();
      await poll(() => item.getAttribute('class')).toContain('is-selected');
      const pane = page.locator('.review-apps__pane .review-app-detail--pane');
      await pane.locator('.review-app__forward').waitFor({ state: 'visible', timeout: 20_000 });
      expect(await pane.locator('.review-app-detail__org').innerText()).toContain(CODE);
      // The demand's field (and its channel, where it has one): what the queue's filters select by.
      expect(await pane.locator('.review-app-detail__demand-meta').innerText()).toMatch(
        /^[^·\s]+( · 需求(省级转报|企业直接报送))?$/,
      );
      expect(page.url()).toContain('application-queue');
      await waitStill(page);
      await shoot(page, 'apply-11x-review-queue-wide-detail');
      await expectReadable(page, '揭榜申请审核 with the application, 1280 wide');
      // The decision's dialog opens in place; cancelled here (the phone-sized forward follows).
      await pane.locator('.review-app__forward').click();
      const dialog = page.locator('.review-dialog--forward');
      await dialog.waitFor({ state: 'visible' });
      await shoot(page, 'apply-11y-review-queue-wide-dialog');
      await dialog.locator('.dialog__cancel').click();
      await dialog.waitFor({ state: 'hidden' });
    } finally {
      await page.setViewportSize({ width: 375, height: 812 });
    }
  });

  it('the 深圳 authority forwards it after a confirmation', async () => {
    await signIn('province-440300');
    await page.locator('.mine-entry--review-apps').click();
    const item = page.locator('.review-app', { hasText: ORG_NAME });
    await item.waitFor({ state: 'visible', timeout: 20_000 });
    expect(await page.locator('.review-apps__count').innerText()).toMatch(/^[1-9]/);
    await shoot(page, 'apply-11-review-queue', { fullPage: true });
    await item.click();
    await page.locator('.review-app__forward').waitFor({ state: 'visible', timeout: 20_000 });
    expect(await page.locator('.review-app-detail__org').innerText()).toContain(CODE);
    await page.locator('.review-app__forward').click();
    const dialog = page.locator('.review-dialog--forward');
    await dialog.waitFor({ state: 'visible' });
    await dialog.locator('.dialog__input textarea').fill('材料齐全，同意转报。');
    await shoot(page, 'apply-12-forward-dialog');
    await dialog.locator('.dialog__confirm').click();
    await page.locator('.review-app__done').waitFor({ state: 'visible', timeout: 20_000 });
    expect(await page.locator('.review-app-detail .app-status-badge').first().getAttribute('data-status')).toBe(
      'forwarded',
    );
    expect(await page.locator('.review-app__forward').count()).toBe(0);
    await shoot(page, 'apply-13-forwarded', { fullPage: true });
  });

  it('the applicant sees it forwarded, with its timeline', async () => {
    await signIn('visitor');
    await page.locator('.mine-entry--applications').click();
    const mine = page.locator('.my-application', { hasText: demand.title });
    await mine.waitFor({ state: 'visible', timeout: 20_000 });
    expect(await mine.getAttribute('data-status')).toBe('forwarded');
    await mine.click();
    await page.locator('.app-status-timeline').waitFor({ state: 'visible', timeout: 20_000 });
    expect(await page.locator('.app-status-timeline__item.is-done').count()).toBeGreaterThanOrEqual(3);
    expect(await page.locator('.app-status-timeline').innerText()).toContain('初审通过并转报');
    await shoot(page, 'apply-14-applicant-forwarded', { fullPage: true });
  });

  it('the applicant withdraws it after a confirmation', async () => {
    await page.locator('.application-withdraw').click();
    const dialog = page.locator('.withdraw-dialog');
    await dialog.waitFor({ state: 'visible' });
    await shoot(page, 'apply-15-withdraw-dialog');
    await dialog.locator('.dialog__cancel').click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await page.locator('.application-status .app-status-badge').getAttribute('data-status')).toBe('forwarded');
    await page.locator('.application-withdraw').click();
    await dialog.locator('.dialog__input textarea').fill('企业调整研发计划');
    await dialog.locator('.dialog__confirm').click();
    await poll(() => page.locator('.application-status .app-status-badge').getAttribute('data-status'), {
      timeout: 20_000,
    }).toBe('withdrawn');
    expect(await page.locator('.application-withdraw').count()).toBe(0);
    expect(await page.locator('.app-status-timeline').innerText()).toContain('企业调整研发计划');
    await shoot(page, 'apply-16-withdrawn');
  });
});
