/**
 * End to end, 发榜: a large enterprise fills the 需求表 on a phone (validation, autosave and restore), submits it
 * to its provincial authority; 北京市 forwards it, the ministry publishes it (a reject without a reason is
 * refused on the way), and a signed-out visitor finds it in the catalogue with a keyword. The whole local stack
 * (DynamoDB Local in memory, seed, WeChat stand-in, API) on free ports, Chromium at 375×812.
 *
 * The H5 client is served from a private snapshot of client/dist/h5: other work in the same tree may rebuild
 * that folder while this test runs, and a page would then fail to load its lazily loaded chunks.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { poll } from '../support/poll';
import type { Locator, Page } from 'playwright-core';
import { startLocalStack, type LocalStack } from '../../infra/local/stack';
import { buildClient, h5BuildExists } from '../../infra/local/client-build';
import { H5_DIST_DIR } from '../../infra/local/paths';
import { startStaticServer, type StaticServer } from '../../infra/local/static-server';
import { closeAll, openPhone, type Phone } from '../support/e2e-session';
import { expectReadable, shoot, waitStill } from './browser';

let stack: LocalStack;
let web: StaticServer;
let webUrl: string;
let snapshotDir: string;
let phone: Phone | undefined;
let page: Page;

/** Copy a finished H5 build (one whose index.html stayed put while copying). */
async function snapshotH5Build(apiUrl: string): Promise<string> {
  for (let attempt = 0; attempt < 30; attempt++) {
    if (!h5BuildExists()) {
      if (attempt === 0) await buildClient(apiUrl, 'if-missing').catch(() => undefined);
      await new Promise((r) => setTimeout(r, 5_000));
      continue;
    }
    const before = statSync(join(H5_DIST_DIR, 'index.html')).mtimeMs;
    const dir = mkdtempSync(join(tmpdir(), 'jiebang-h5-'));
    try {
      cpSync(H5_DIST_DIR, dir, { recursive: true });
      const same = h5BuildExists() && statSync(join(H5_DIST_DIR, 'index.html')).mtimeMs === before;
      if (same && existsSync(join(dir, 'index.html')) && readdirSync(join(dir, 'js')).length > 0) return dir;
    } catch {
      // The build was being replaced while we copied: try again.
    }
    rmSync(dir, { recursive: true, force: true });
    await new Promise((r) => setTimeout(r, 5_000));
  }
  throw new Error('no complete H5 build in client/dist/h5 (run `npm run build:h5`)');
}

/** A title nobody else has, with a keyword a visitor would type. */
const stamp = Date.now().toString(36).slice(-5).toUpperCase();
const TITLE = `谐波减速器柔轮疲劳寿命提升技术攻关 ${stamp}`;
const KEYWORD = '柔轮疲劳';
let demandId = '';

beforeAll(async () => {
  stack = await startLocalStack({ web: false });
  snapshotDir = await snapshotH5Build(stack.apiUrl);
  web = await startStaticServer({
    root: snapshotDir,
    generated: {
      '/runtime-config.js': {
        contentType: 'text/javascript; charset=utf-8',
        body: () => `window.__JIEBANG_CONFIG__ = ${JSON.stringify({ apiBase: stack.apiUrl })};\n`,
      },
    },
  });
  webUrl = web.url.replace(/\/?$/, '/');
  phone = await openPhone();
  page = phone.page;
}, 600_000);

afterAll(async () => {
  await closeAll(phone, web, stack);
  if (snapshotDir) rmSync(snapshotDir, { recursive: true, force: true });
}, 300_000);

/** Taro's H5 router keeps earlier pages of the stack in the DOM (hidden): only what is on screen counts. */
const $ = (selector: string): Locator => page.locator(selector).filter({ visible: true });

const shot = (name: string, fullPage = false) => shoot(page, `demand-flow-${name}`, { fullPage });

/** Open 我的 in a freshly loaded app (no pages left over from earlier steps). */
async function gotoMine(): Promise<void> {
  await page.goto('about:blank');
  await page.goto(`${webUrl}#/pages/mine/index`);
  await $('.mine-user, .demo-login').first().waitFor({ state: 'visible', timeout: 20_000 });
}

async function signOut(): Promise<void> {
  await gotoMine();
  if (await $('.mine__logout').isVisible()) {
    await $('.mine__logout').click();
    await $('.taro-model__confirm').click();
    await $('.demo-login').first().waitFor({ state: 'visible' });
  }
}

async function signIn(openid: string): Promise<void> {
  await signOut();
  await $(`.demo-login[data-openid="${openid}"]`).click();
  await $('.mine-user').waitFor({ state: 'visible' });
}

/** Pick `label` in one of the queue's selector pickers (a tap on a row selects it, 确定 applies it; the row must be
 * among the three shown either side of the current one). */
async function pickIn(trigger: string, label: string): Promise<void> {
  await $(trigger).click();
  // The picker's own mask lies over its rows and passes a tap on to the column, which selects by position: tap
  // the row's place once the sheet has slid in.
  const row = page.locator('.weui-picker__item', { hasText: label }).filter({ visible: true }).first();
  const inView = async () => {
    const box = await row.boundingBox();
    return box !== null && box.y > 0 && box.y + box.height < (page.viewportSize()?.height ?? 0);
  };
  await poll(inView).toBe(true);
  await page.waitForTimeout(400);
  const box = (await row.boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  const confirm = page.locator('.weui-picker__action', { hasText: '确定' }).filter({ visible: true });
  await confirm.first().click();
  await confirm.first().waitFor({ state: 'hidden' });
}

/** Every queue card on screen has `text` in its title (after a filter settles). */
const titlesAll = async (selector: string, test: (t: string) => boolean) =>
  (await $(selector).allInnerTexts()).every(test);

/** Open a Taro date/time picker and accept the value it offers (the form preselects a sensible one). */
async function acceptPicker(trigger: string): Promise<void> {
  await $(trigger).click();
  const confirm = page.locator('.weui-picker__action', { hasText: '确定' }).filter({ visible: true });
  await confirm.first().waitFor({ state: 'visible' });
  await confirm.first().click();
  await confirm.first().waitFor({ state: 'hidden' });
}

describe('发榜: demand intake, two-channel review, published catalogue', () => {
  it('an issuer finds 我的发榜 on 我的 and opens an empty 需求表', async () => {
    await signIn('issuer-admin');
    const entry = $('.mine-work__entry--my-demands');
    await entry.waitFor({ state: 'visible' });
    // An issuer is no authority: no 审核工作台.
    expect(await $('.mine-work__entry--review').count()).toBe(0);
    await shot('mine-issuer', true);
    await entry.click();
    await $('.my-demands__item, .my-demands-empty').first().waitFor({ state: 'visible', timeout: 15_000 });
    await shot('my-demands');
    await $('.my-demands__new').click();
    await $('.demand-form').waitFor({ state: 'visible' });
    // Default application deadline: the campaign's (seeded 2027-06-30 17:00 Beijing time).
    await poll(() => $('.demand-form__deadline-date').innerText()).toContain('2027-06-30');
    expect(await $('.demand-form__deadline-time').innerText()).toContain('17:00');
  });

  it('refuses an incomplete form with messages under the inputs', async () => {
    await $('.demand-form__title input').fill('短');
    await $('.demand-form__submit').click();
    await poll(() => $('.field-error').count()).toBeGreaterThan(5);
    const titleError = $('.form-item[data-field="title"] .field-error');
    expect(await titleError.innerText()).toContain('至少 5 个字');
    expect(await $('.form-item[data-field="contact.phone"] .field-error').innerText()).toContain('联系电话');
    expect(await $('.form-item[data-field="outcomeForms"] .field-error').innerText()).toContain('成果形式');
    await shot('form-errors');
  });

  it('fills every part of the 需求表, and keeps it on this device across a reload', async () => {
    await $('.demand-form__title input').fill(TITLE);
    await $('.demand-form__field-option[data-value="high_end_equipment"]').click();
    await $('.demand-form__type[data-value="innovation"]').click();
    await $('.demand-form__category input').fill('核心基础零部件（元器件）');
    await page
      .locator('.demand-form__background textarea')
      .fill('工业机器人关节用谐波减速器长期依赖进口，国产柔轮在高负载下疲劳寿命不足。');
    await page
      .locator('.demand-form__difficulties textarea')
      .fill('柔轮材料与热处理工艺；齿形修形设计；柔轮疲劳寿命评价方法。');
    await $('.demand-form__indicator-name input').first().fill('额定寿命');
    await $('.demand-form__indicator-target input').first().fill('≥ 10000 小时');
    await $('.demand-form__indicator-add').click();
    await $('.demand-form__indicator-name input').nth(1).fill('传动精度');
    await $('.demand-form__indicator-target input').nth(1).fill('≤ 1 弧分');
    await $('.demand-form__outcome[data-value="prototype"]').click();
    await $('.demand-form__outcome[data-value="process"]').click();
    await $('.demand-form__mode[data-value="joint_research"]').click();
    await $('.demand-form__budget input').fill('300');
    await acceptPicker('.demand-form__completion');
    await $('.demand-form__contact-name input').fill('王工');
    await $('.demand-form__contact-title input').fill('研究院副院长');
    await $('.demand-form__contact-phone input').fill('010-68001234');
    await $('.demand-form__contact-email input').fill('wang@huaxia-heavy.example.cn');
    // 自定义评审权重: four inputs, the live 合计 and the schema's message while they miss 100, then a valid split
    // (submitted with the demand).
    await $('.demand-form__weights-toggle').click();
    const weight = (key: string) => $(`.weights-edit__item[data-key="${key}"] .demand-form__weight input`);
    for (const [key, value] of [
      ['team', '40'],
      ['capability', '30'],
      ['plan', '20'],
      ['match', '20'],
    ] as const) {
      await weight(key).fill(value);
    }
    await poll(() => $('.demand-form__weight-sum').innerText()).toBe('合计 110 / 100');
    await poll(() => $('.form-item[data-field="weights"] > .field-error').innerText()).toContain(
      '四项权重之和应为 100',
    );
    await $('.demand-form__weight-sum').scrollIntoViewIfNeeded();
    await shot('form-weights');
    await weight('match').fill('10');
    await poll(() => $('.demand-form__weight-sum').getAttribute('class')).toContain('is-ok');
    // Live re-validation after the first attempt: every message has gone.
    await poll(() => $('.field-error').count()).toBe(0);
    await poll(() => $('.demand-form__autosave').innerText()).toContain('已自动保存到本机');
    await shot('form-filled', true);
    // The parts drawn beside the shared form kit (indicator rows; the budget with its 面议 switch) on the same bars.
    await $('.demand-form__indicator-add').scrollIntoViewIfNeeded();
    await shot('form-indicators');
    await $('.demand-form__deadline-date').scrollIntoViewIfNeeded();
    await shot('form-budget');

    await page.reload();
    await $('.demand-form__restored').waitFor({ state: 'visible', timeout: 15_000 });
    expect(await $('.demand-form__title input').inputValue()).toBe(TITLE);
    expect(await $('.demand-form__indicator-target input').nth(1).inputValue()).toBe('≤ 1 弧分');
    expect(await $('.demand-form__completion').innerText()).toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(await $('.demand-form__weight-sum').innerText()).toBe('合计 100 / 100');
    await shot('form-restored');
  });

  it('submits through the province channel after a confirmation', async () => {
    await $('.demand-form__submit').click();
    await $('.channel-sheet').waitFor({ state: 'visible', timeout: 15_000 });
    expect(await $('.channel-sheet__option[data-channel="province"]').innerText()).toContain('北京市');
    await $('.channel-sheet__option[data-channel="province"]').click();
    await shot('channel-sheet');
    await $('.channel-sheet__next').click();
    await $('.submit-confirm').waitFor({ state: 'visible' });
    await shot('submit-confirm');
    await $('.submit-confirm .dialog__confirm').click();

    await $('.issuer-demand').waitFor({ state: 'visible', timeout: 15_000 });
    await poll(() => $('.issuer-demand__status').getAttribute('data-status')).toBe('submitted');
    expect(await $('.issuer-demand__title').innerText()).toBe(TITLE);
    expect(await $('.demand-timeline__item[data-action="submit"]').count()).toBe(1);
    demandId = decodeURIComponent(/[?&]id=([^&]+)/.exec(page.url())?.[1] ?? '');
    expect(demandId).not.toBe('');
    await shot('issuer-submitted', true);
  });

  it('北京市 sees it in its queue with the issuer, and forwards it to the ministry', async () => {
    await signIn('province-110000');
    await $('.mine-work__entry--review').click();
    const item = $(`.review-queue__item[data-id="${demandId}"]`);
    await item.waitFor({ state: 'visible', timeout: 15_000 });
    expect(Number(await $('.review-queue__count').innerText())).toBeGreaterThanOrEqual(1);
    expect(await item.locator('.review-queue__issuer').innerText()).toContain('华夏重工');
    await shot('province-queue');
    await item.click();
    await $('.review-demand').waitFor({ state: 'visible' });
    expect(await $('.review-demand__issuer').innerText()).toContain('华夏重工');
    expect(await $('.demand-full__contact').innerText()).toContain('010-68001234');
    // A province may forward or return, never publish.
    expect(await $('.review-decision__publish').count()).toBe(0);
    await shot('province-review', true);
    await $('.review-decision__forward').click();
    await $('.review-dialog--forward .dialog__input textarea').fill('材料齐全，同意转报。');
    await $('.review-dialog--forward .dialog__confirm').click();
    await $('.review-demand__done').waitFor({ state: 'visible', timeout: 15_000 });
    expect(await $('.review-decision__forward').count()).toBe(0);
    await shot('province-forwarded');
  });

  it('the ministry cannot reject without a reason, and publishes after confirming', async () => {
    await signIn('ministry');
    await $('.mine-work__entry--review').click();
    const item = $(`.review-queue__item[data-id="${demandId}"]`);
    await item.waitFor({ state: 'visible', timeout: 15_000 });
    expect(await item.getAttribute('data-status')).toBe('forwarded');
    await waitStill(page);
    await shot('ministry-queue');
    await expectReadable(page, 'ministry queue');

    // At scale: 待审 with its count, a search of the title, the province and the field, 清除筛选.
    expect(await $('.queue-tabs .nut-tabs-titles-item-active').innerText()).toContain('待审');
    await $('.queue-search__input input').fill(stamp);
    await poll(() => titlesAll('.review-queue__title', (t) => t.includes(stamp))).toBe(true);
    await item.waitFor({ state: 'visible' });
    expect(await $('.review-queue__count').innerText()).toBe('1');
    await shot('ministry-queue-search');
    await pickIn('.queue-region', '北京市');
    expect(await $('.queue-region').innerText()).toContain('北京市');
    await item.waitFor({ state: 'visible' });
    // The ministry's own filters: how it came (省级转报 / 企业直接报送) and since when (today, the picker's default).
    await pickIn('.queue-channel', '省级转报');
    await item.waitFor({ state: 'visible', timeout: 15_000 });
    await acceptPicker('.queue-since');
    expect(await $('.queue-since').innerText()).toContain('日起');
    await item.waitFor({ state: 'visible', timeout: 15_000 });
    await waitStill(page);
    await shot('ministry-queue-channel-since');
    await pickIn('.queue-channel', '企业直接报送');
    await $('.review-queue-empty').waitFor({ state: 'visible', timeout: 15_000 });
    await pickIn('.queue-channel', '全部渠道');
    await item.waitFor({ state: 'visible', timeout: 15_000 });
    await pickIn('.queue-field', '工业母机');
    await $('.review-queue-empty').waitFor({ state: 'visible', timeout: 15_000 });
    expect(await $('.review-queue-empty').innerText()).toContain('没有符合条件的需求');
    await waitStill(page);
    await shot('ministry-queue-filtered-empty');
    await expectReadable(page, 'ministry queue, filtered');
    await $('.queue-filters__clear').click();
    await item.waitFor({ state: 'visible', timeout: 15_000 });
    expect(await $('.queue-search__input input').inputValue()).toBe('');
    expect(await $('.queue-filters__clear').count()).toBe(0);

    await item.click();
    await $('.review-decision__publish').waitFor({ state: 'visible' });

    await $('.review-decision__reject').click();
    await $('.review-dialog--reject .dialog__confirm').click();
    await $('.review-dialog--reject .dialog__error').waitFor({ state: 'visible' });
    await shot('ministry-reject-needs-reason');
    await $('.review-dialog--reject .dialog__cancel').click();

    await $('.review-decision__publish').click();
    await $('.review-dialog--publish').waitFor({ state: 'visible' });
    await shot('ministry-publish-confirm');
    await $('.review-dialog--publish .dialog__confirm').click();
    await $('.review-demand__done').waitFor({ state: 'visible', timeout: 15_000 });
    await poll(() => $('.review-demand .status-badge').first().getAttribute('data-status')).toBe('published');
    await shot('ministry-published', true);
  });

  it('the ministry finds its decision under 已审, and the queue and the title bar hold on a wide screen', async () => {
    // The H5 title bar: the page's title, a back button below the first page.
    expect(await $('.taro-navigation-bar-title').innerText()).toContain('审核');
    await $('.taro-navigation-bar-back').click();
    await $('.review-queue').waitFor({ state: 'visible' });
    expect(await $('.taro-navigation-bar-title').innerText()).toContain('审核');
    await $('.queue-tabs .nut-tabs-titles-item').filter({ hasText: '已审' }).click();
    const decided = $(`.review-queue__item[data-id="${demandId}"]`);
    await decided.waitFor({ state: 'visible', timeout: 15_000 });
    expect(await decided.locator('.review-queue__route').innerText()).toContain('已发布');
    await waitStill(page);
    await shot('ministry-queue-done');
    await expectReadable(page, 'ministry queue, 已审');

    await page.setViewportSize({ width: 1280, height: 800 });
    try {
      // 已审 (待审 is empty now that the demand is published): its demands open in the pane as well.
      await $('.review-queue__item').first().waitFor({ state: 'visible', timeout: 15_000 });
      await waitStill(page);
      // List and detail side by side: a tap shows the demand in the right pane, the queue stays.
      await $('.review-queue-pick').waitFor({ state: 'visible' });
      await shot('ministry-queue-wide');
      await expectReadable(page, 'ministry queue, 1280 wide');
      const first = $('.review-queue__item').first();
      const title = await first.locator('.review-queue__title').innerText();
      await first.click();
      await poll(() => first.getAttribute('class')).toContain('is-selected');
      const pane = $('.review-queue__pane .review-demand--pane');
      await pane.locator('.review-demand__title').waitFor({ state: 'visible', timeout: 15_000 });
      expect(await pane.locator('.review-demand__title').innerText()).toBe(title);
      expect(page.url()).toContain('review-queue');
      await waitStill(page);
      await shot('ministry-queue-wide-detail');
      await expectReadable(page, 'ministry queue with the demand, 1280 wide');
      if (await pane.locator('.review-decision__reject').isVisible()) {
        await pane.locator('.review-decision__reject').click();
        await $('.review-dialog--reject').waitFor({ state: 'visible' });
        await shot('ministry-queue-wide-dialog');
        await $('.review-dialog--reject .dialog__cancel').click();
        await $('.review-dialog--reject').waitFor({ state: 'hidden' });
      }
      // One column of cards on the left, the pane to its right.
      const card = (await first.boundingBox())!;
      expect((await $('.review-queue__pane').boundingBox())!.x).toBeGreaterThanOrEqual(card.x + card.width);
    } finally {
      await page.setViewportSize({ width: 375, height: 812 });
    }
  });

  it('a signed-out visitor finds it in the catalogue by keyword', async () => {
    // The postings are written by the scheduled indexer (every minute), not by the publishing request: run it now.
    await stack.scheduler?.tick();
    await signOut();
    await page.goto(`${webUrl}#/pages/catalogue/index`);
    await $('.demand-card').first().waitFor({ state: 'visible', timeout: 20_000 });
    await $('.catalogue-search__input input').fill(KEYWORD);
    const card = $('.demand-card').filter({ hasText: TITLE });
    await card.waitFor({ state: 'visible', timeout: 15_000 });
    // Only matches are left.
    await poll(async () => (await $('.demand-card__title').allInnerTexts()).every((t) => t.includes(KEYWORD))).toBe(
      true,
    );
    expect(await card.locator('.demand-card__issuer').innerText()).toContain('华夏重工');
    await shot('catalogue-search');

    await $('.field-chip[data-value="biomedicine"]').click();
    await $('.catalogue-empty--filtered').waitFor({ state: 'visible', timeout: 15_000 });
    expect(await $('.catalogue-empty--filtered').innerText()).toContain('没有符合条件的需求');
    await shot('catalogue-empty-filter');
    await $('.field-chip[data-value="high_end_equipment"]').click();
    await card.waitFor({ state: 'visible', timeout: 15_000 });

    await card.click();
    await $('.demand-detail__title').waitFor({ state: 'visible' });
    expect(await $('.demand-detail__title').innerText()).toBe(TITLE);
  });

  it('the issuer reads the decisions on its timeline', async () => {
    await signIn('issuer-admin');
    await page.goto(`${webUrl}#/subpackages/issuer/pages/demand/index?id=${encodeURIComponent(demandId)}`);
    await $('.issuer-demand').waitFor({ state: 'visible', timeout: 15_000 });
    await poll(() => $('.issuer-demand__status').getAttribute('data-status')).toBe('published');
    const forward = $('.demand-timeline__item[data-action="forward"]');
    expect(await forward.innerText()).toContain('北京市');
    expect(await forward.locator('.demand-timeline__comment').innerText()).toContain('同意转报');
    expect(await $('.demand-timeline__item[data-action="publish"]').innerText()).toContain('工业和信息化部');
    await shot('issuer-timeline');
  });
});
