/**
 * End to end: an SME taps 提醒我 on a demand in a phone-sized Chromium (H5: the consent is recorded without
 * WeChat's dialog); the local stack's scheduler, on a fake clock moved to 3 days before the deadline, sends the
 * reminder: exactly one subscribe message reaches the WeChat stand-in, its fields within WeChat's limits, and
 * the inbox shows it.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { poll } from '../support/poll';
import type { Page } from 'playwright-core';
import { startLocalStack, type LocalStack } from '../../infra/local/stack';
import { closeAll, openPhone, type Phone } from '../support/e2e-session';
import { shoot } from './browser';

const OPENID = 'sme-admin-2';
let now = new Date();
let stack: LocalStack;
let phone: Phone | undefined;
let page: Page;

beforeAll(async () => {
  // A stack of its own for the controlled clock; the H5 build is the run's (npm test builds it before the walks).
  stack = await startLocalStack({
    web: true,
    build: 'if-missing',
    scheduler: { clock: { now: () => now }, intervalMs: 3_600_000 },
  });
  phone = await openPhone();
  page = phone.page;
}, 300_000);

afterAll(() => closeAll(phone, stack), 300_000);

interface Card {
  id: string;
  title: string;
  applicationDeadline: string;
  issuer: { name: string } | null;
}

describe('提醒我 → deadline reminder', () => {
  let target: Card;

  it('the SME signs in and taps 提醒我 on an open demand', async () => {
    const res = await fetch(`${stack.apiUrl}/v1/catalogue?open=1&limit=50`);
    const cards = ((await res.json()) as { items: Card[] }).items;
    // The longest title, so that the message shows the truncation; its deadline at least 3 days ahead.
    target = cards
      .filter((c) => Date.parse(c.applicationDeadline) - Date.now() > 3 * 86_400_000 + 3_600_000)
      .sort((a, b) => [...b.title].length - [...a.title].length)[0]!;
    expect(target).toBeDefined();

    await page.goto(`${stack.webUrl}#/pages/mine/index`);
    const login = page.locator(`.demo-login[data-openid="${OPENID}"]`);
    await login.waitFor({ state: 'visible', timeout: 60_000 }); // a loaded machine may take a while
    await login.click();
    await page.locator('.mine-user').waitFor({ state: 'visible', timeout: 30_000 });

    await page.goto(`${stack.webUrl}#/pages/demand-detail/index?id=${target.id}`);
    const button = page.locator('.remind-me');
    await button.waitFor({ state: 'visible' });
    await button.click();
    await poll(() => button.innerText()).toBe('已设提醒');
    await shoot(page, 'remind-me');
  });

  it('3 days before the deadline the scheduler sends exactly one subscribe message, and the inbox shows it', async () => {
    now = new Date(Date.parse(target.applicationDeadline) - 3 * 86_400_000 + 60_000);
    await stack.scheduler!.tick();
    await stack.scheduler!.tick(); // a second run changes nothing

    const sends = stack.wechat.subscribeMessages().filter((r) => (r.body as { touser?: string }).touser === OPENID);
    expect(sends).toHaveLength(1);
    const body = sends[0]!.body as { template_id: string; data: Record<string, { value: string }> };
    expect((sends[0]!.response as { errcode: number }).errcode).toBe(0);
    expect(body.template_id).toBe('local-deadline-reminder');
    const chars = [...target.title];
    expect(body.data.thing1!.value).toBe(chars.length > 20 ? `${chars.slice(0, 19).join('')}…` : target.title);
    expect([...body.data.thing1!.value].length).toBeLessThanOrEqual(20);
    if (target.issuer === null) expect(JSON.stringify(body)).not.toContain('集团');

    await page.goto(`${stack.webUrl}#/pages/inbox/index`);
    const item = page.locator('.inbox-item', { hasText: '揭榜截止提醒' }).first();
    await item.waitFor({ state: 'visible', timeout: 20_000 });
    expect(await item.innerText()).toContain(target.title);
    await shoot(page, 'inbox', { fullPage: true });
  });
});
