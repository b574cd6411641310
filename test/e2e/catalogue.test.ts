/**
 * End to end: the whole local stack (DynamoDB Local, seed, WeChat stand-in, API on serverless-offline, H5
 * build served statically) and a phone-sized Chromium: browse the seeded catalogue, open a detail, sign in.
 */
import { describe, expect, it } from '@jest/globals';
import { poll } from '../support/poll';
import type { Page } from 'playwright-core';
import { seedData } from '../../infra/seed/seed';
import { e2eWalk } from '../support/e2e-session';
import { shoot } from './browser';

let apiUrl: string;
let webUrl: string;
let page: Page;
/** Every API response body the browser received, to scan for leaks. */
const apiBodies: string[] = [];

e2eWalk('catalogue', {
  opened: (w) => {
    ({ apiUrl, webUrl, page } = w);
    page.on('response', async (res) => {
      if (res.url().startsWith(apiUrl)) apiBodies.push(await res.text().catch(() => ''));
    });
  },
});

/** The seeded anonymous demand, read from the API as the public sees the catalogue. */
async function catalogue(): Promise<{ id: string; title: string; issuer: { name: string } | null }[]> {
  const res = await fetch(`${apiUrl}/v1/catalogue?limit=50`);
  return ((await res.json()) as { items: { id: string; title: string; issuer: { name: string } | null }[] }).items;
}

describe('catalogue in a phone browser', () => {
  it('shows the seeded demands with real data, an anonymous one as 匿名发榜企业', async () => {
    const started = Date.now();
    await page.goto(webUrl);
    await page.locator('.demand-card').first().waitFor({ state: 'visible', timeout: 20_000 });
    const firstScreenMs = Date.now() - started;
    console.log(`[e2e] first screen with real data: ${firstScreenMs} ms`);

    const items = await catalogue();
    expect(items.length).toBeGreaterThanOrEqual(12);
    await poll(() => page.locator('.demand-card').count()).toBeGreaterThanOrEqual(Math.min(items.length, 20));
    const titles = await page.locator('.demand-card__title').allInnerTexts();
    expect(titles[0]).toBe(items[0]!.title);

    const anonymous = items.find((i) => i.issuer === null)!;
    expect(anonymous).toBeDefined();
    const anonCard = page.locator('.demand-card', { hasText: anonymous.title });
    await poll(() => anonCard.locator('.demand-card__issuer').innerText()).toContain('匿名发榜企业');
    await shoot(page, 'catalogue');
  });

  it('opens a demand detail from its card', async () => {
    const card = page.locator('.demand-card').nth(1);
    const title = await card.locator('.demand-card__title').innerText();
    await card.click();
    await page.locator('.demand-detail__title').waitFor({ state: 'visible' });
    expect(await page.locator('.demand-detail__title').innerText()).toBe(title);
    expect(page.url()).toContain('pages/demand-detail/index');
    await poll(() => page.locator('body').innerText()).toContain('主要技术指标');
    await shoot(page, 'detail', { fullPage: true });
  });

  it('shows an anonymous demand without its issuer', async () => {
    const anonymous = (await catalogue()).find((i) => i.issuer === null)!;
    await page.goto(`${webUrl}#/pages/demand-detail/index?id=${anonymous.id}`);
    await page.locator('.demand-detail__issuer').waitFor({ state: 'visible' });
    expect(await page.locator('.demand-detail__issuer').innerText()).toContain('匿名发榜企业');
    await shoot(page, 'detail-anonymous', { fullPage: true });
  });

  it('signs in with a demo identity on 我的', async () => {
    await page.goto(`${webUrl}#/pages/mine/index`);
    const login = page.locator('.demo-login[data-openid="sme-admin"]');
    await login.waitFor({ state: 'visible' });
    await shoot(page, 'mine-signed-out', { fullPage: true });
    await login.click();
    await page.locator('.mine-user').waitFor({ state: 'visible' });
    await poll(() => page.locator('.mine-user').innerText()).toContain('深圳精测科技');
    await shoot(page, 'mine-signed-in', { fullPage: true });
  });

  it('never sent the anonymous issuer to the browser', async () => {
    const anonymous = seedData().demands.filter((d) => d.anonymous);
    expect(anonymous.length).toBeGreaterThan(0);
    const secrets = anonymous.flatMap((d) => [d.issuerName, d.issuerCreditCode, d.issuerOrgId, d.contact.phone]);
    expect(apiBodies.length).toBeGreaterThan(3);
    for (const body of apiBodies) for (const s of secrets) expect(body).not.toContain(s);
  });
});
