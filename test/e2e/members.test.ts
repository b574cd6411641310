/**
 * End to end: 企业成员 in a phone-sized Chromium on the H5 build, against the whole local stack (issue 12,
 * finding 3). The demo issuer admin (`issuer-admin`, the only admin of 华夏重工) opens 企业成员 from 我的, creates
 * an invitation code that a new colleague (A) uses at once; another colleague (B) has joined beforehand through
 * the API. The admin makes A a 评审专家, removes B after the confirmation that says the rights go at once (B's
 * old token is refused by the API right after), and, trying to leave the enterprise, is refused as its last admin
 * with the LAST_ADMIN wording. Then (issue 16, item 7) the admin opens 关联企业名单 and imports the supplier list
 * from .xlsx: a file with a wrong check character and a repeated code is refused with those rows' numbers and
 * the list unchanged; the whole file of 300 replaces it after the confirmation. First the admin downloads the
 * import template (read back: the header row and the example); after the import the list comes 30 at a time (more
 * on tapping), and the search finds a supplier by part of its name and by its credit code, or says none matches.
 * Screenshots: test-results/screenshots/members-*.png.
 *
 * Against a stack that is already running: E2E_API_URL=… E2E_WEB_URL=… (the colleagues are new on every run).
 */
import { describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { e2eWalk, storeSession, type Phone } from '../support/e2e-session';
import { poll } from '../support/poll';
import { downloadedXlsx, phoneContext, shoot } from './browser';
import { api, type Session } from '../support/e2e-api';
import ExcelJS from 'exceljs';
import { creditCode } from '../support/fixtures';

let apiUrl: string;

// The API beside the browser (setup, checks): test/support/e2e-api.ts.
const { call, ok, login } = api(() => apiUrl);
let webUrl: string;
let main: Phone | undefined;
let page: Page;

const TAG = Date.now().toString(36).slice(-5);

/** Photograph the phone screen once it is still. */
const shot = (name: string) => shoot(page, `members-${name}`);

const member = (id: string) => page.locator(`.member[data-id="${id}"]`);

/**
 * Colleague A, signed in on a phone of its own (the session the API issued, stored where the client keeps it:
 * Taro's H5 storage wraps values as `{ data }`), finds 凭邀请码加入企业 on 我的, is told a malformed code's
 * shape, then joins with the admin's code.
 */
async function joinWithCode(s: Session, code: string) {
  const phone = await phoneContext(main!.browser);
  const p = await phone.newPage();
  try {
    await p.goto(`${webUrl}#/pages/mine/index`);
    await storeSession(p, s);
    await p.locator('.mine-entry--join').click();
    const input = p.locator('.join__code input');
    await input.waitFor({ state: 'visible', timeout: 20_000 });
    await input.fill('ABC');
    await p.locator('.join__submit').click();
    expect(await p.locator('.field-error').innerText()).toContain('12 位字母或数字');
    await input.fill(code.toLowerCase());
    await p.locator('.join__submit').click();
    await p.locator('.join__done').waitFor({ state: 'visible', timeout: 20_000 });
    expect(await p.locator('.join__done').innerText()).toContain('华夏重工');
    await shoot(p, 'members-1b-joined');
  } finally {
    await phone.close();
  }
}

e2eWalk('members', {
  opened: (w) => ({ apiUrl, webUrl, page, phone: main } = w),
});

describe('企业成员: the issuer admin manages its members', () => {
  it('invites, promotes a reviewer, removes a member after the confirmation, and cannot leave as the last admin', async () => {
    const admin = await login('issuer-admin');
    const orgId = admin.user.orgId!;
    // Colleague B joins beforehand, through the API.
    const b = await login(`e2e-member-b-${TAG}`);
    const inviteB = await ok<{ code: string }>(admin.token, 'POST', `/v1/orgs/${orgId}/invites`);
    await ok(b.token, 'POST', `/v1/invites/${inviteB.code}/accept`);

    // The admin signs in with the demo picker and opens 企业成员 from 我的.
    await page.goto(`${webUrl}#/pages/mine/index`);
    await page.locator('.demo-login[data-openid="issuer-admin"]').click();
    await page.locator('.mine-entry--members').click();
    await member(admin.user.id).waitFor({ state: 'visible', timeout: 20_000 });
    await member(b.user.id).waitFor({ state: 'visible' });
    expect(await member(admin.user.id).getAttribute('data-self')).toBe('1');
    expect(await member(admin.user.id).locator('.member__action').count()).toBe(0);

    // An invitation code, used at once by colleague A; the list read again shows A.
    await page.locator('.members__invite-create').click();
    const code = (await page.locator('.members__invite-code').innerText()).trim();
    expect(code).toMatch(/^[0-9A-Z]{12}$/);
    await shot('1-invite');
    const a = await login(`e2e-member-a-${TAG}`);
    await joinWithCode(a, code);
    await page.reload();
    await member(a.user.id).waitFor({ state: 'visible', timeout: 20_000 });
    expect(await member(a.user.id).getAttribute('data-roles')).toBe('org_member');

    // A becomes 评审专家: the server's answer, then the list read again.
    await member(a.user.id).locator('.member__action--reviewer').click();
    await poll(() => member(a.user.id).getAttribute('data-roles'), { timeout: 10_000 }).toBe('org_member,reviewer');
    await page.locator('.members__notice[data-kind="ok"]').waitFor({ state: 'visible' });
    expect(await member(a.user.id).locator('.member__role--reviewer').innerText()).toBe('评审专家');
    await shot('2-reviewer');
    // A's rights follow at once: its token (issued before the change) now reads the reviewer's list.
    expect((await call(a.token, 'GET', '/v1/me')).text).toContain('reviewer');

    // B is removed after the confirmation that tells what happens.
    await member(b.user.id).locator('.member__action--remove').click();
    const dialog = page.locator('.members-dialog--remove');
    await dialog.waitFor({ state: 'visible' });
    expect(await dialog.innerText()).toContain('移除后该成员将立即失去本企业的全部权限');
    await shot('3-remove-confirm');
    await dialog.locator('.dialog__confirm').click();
    await member(b.user.id).waitFor({ state: 'detached', timeout: 10_000 });
    expect(await page.locator('.members__notice[data-kind="ok"]').innerText()).toContain('移出本企业');
    expect((await call(b.token, 'GET', `/v1/orgs/${orgId}`)).status).toBe(404);

    // The last admin tries to leave: refused with the LAST_ADMIN wording, and still a member.
    await page.locator('.members__leave').click();
    const leave = page.locator('.members-dialog--leave');
    await leave.waitFor({ state: 'visible' });
    await leave.locator('.dialog__confirm').click();
    const refusal = page.locator('.members__notice[data-code="LAST_ADMIN"]');
    await refusal.waitFor({ state: 'visible', timeout: 10_000 });
    expect(await refusal.innerText()).toContain('至少需要保留一名管理员');
    // The button was at the bottom of the list: the refusal above it is scrolled into view.
    await poll(async () => (await refusal.boundingBox())?.y ?? -1, { timeout: 5_000 }).toBeGreaterThanOrEqual(0);
    await member(admin.user.id).waitFor({ state: 'visible' });
    await shot('4-last-admin');
  }, 90_000);

  it('imports the supplier list from .xlsx: a file with bad rows is refused by row number, then 300 replace the list', async () => {
    const admin = await login('issuer-admin');
    const orgId = admin.user.orgId!;
    // What the list holds now stays in the file (other walks on a shared stack may rely on the seeded list).
    const before = { affiliates: await allAffiliates(admin.token, orgId) };
    const labels: Record<string, string> = { subsidiary: '子公司', holding: '控股', supplier: '供应商', other: '其他' };
    const kept = before.affiliates.map((a) => [a.creditCode, a.name ?? '关联企业', labels[a.relation]!] as const);
    const fresh = Array.from(
      { length: 300 - kept.length },
      (_, i) => [creditCode(), `华夏配套供应商${i + 1}号有限公司`, '供应商'] as const,
    );
    const rows = [...kept, ...fresh];

    await page.goto(`${webUrl}#/pages/mine/index`);
    await page.locator('.mine-entry--affiliates').click();
    const count = page.locator('.affiliates__count');
    await count.waitFor({ state: 'visible', timeout: 20_000 });
    expect(await count.getAttribute('data-count')).toBe(String(kept.length));
    await shot('5-affiliates');

    // The template: the header row the importer expects and one example row (the 说明 sheet is checked in the
    // integration test).
    const template = await downloadedXlsx(page, '.affiliates__template');
    expect([template.name, template.rows]).toEqual(['关联企业名单导入模板.xlsx', 2]);
    expect(template.text).toContain('统一社会信用代码 企业名称 关联关系');
    expect(template.text).toContain('91440300000000000E 示例精密机械有限公司 供应商');

    // A file with a wrong check character (row 3) and a repeated code (row 5): nothing changes, the rows are listed.
    const good = fresh[1]![0];
    const bad = [...rows.slice(0, 5)].map((r) => [...r] as string[]);
    bad[1]![0] = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    bad[3]![0] = bad[0]![0]!;
    await chooseAndConfirm(await xlsx(bad), '供应商名单-有误.xlsx');
    const refused = page.locator('.affiliates__notice[data-code="IMPORT_ROWS_INVALID"]');
    await refused.waitFor({ state: 'visible', timeout: 30_000 });
    expect(await refused.innerText()).toContain('名单未作任何更改');
    expect(
      await page.locator('.affiliates__refused-row').evaluateAll((els) => els.map((e) => e.getAttribute('data-row'))),
    ).toEqual(['3', '5']);
    expect(await page.locator('.affiliates__refused-row[data-row="3"]').innerText()).toContain('校验位不正确');
    expect(await page.locator('.affiliates__refused-row[data-row="5"]').innerText()).toContain(
      '与第 2 行的统一社会信用代码重复',
    );
    expect(await count.getAttribute('data-count')).toBe(String(kept.length));
    await shot('6-import-refused');

    // The whole file: confirmed, uploaded with progress, the new count shown.
    await chooseAndConfirm(await xlsx(rows.map((r) => [...r])), '供应商名单.xlsx');
    const done = page.locator('.affiliates__notice[data-kind="ok"]');
    await done.waitFor({ state: 'visible', timeout: 60_000 });
    expect(await done.innerText()).toBe(`已导入 300 家，替换原有 ${kept.length} 家`);
    await poll(() => count.getAttribute('data-count'), { timeout: 10_000 }).toBe('300');
    expect(await page.locator('.affiliate').count()).toBe(30);
    expect(await allAffiliates(admin.token, orgId)).toHaveLength(300);
    await shot('8-imported');
    const more = page.locator('.affiliates__more');
    await more.click();
    await poll(() => page.locator('.affiliate').count(), { timeout: 10_000 }).toBe(60);
    expect(await more.innerText()).toContain('已显示 60 / 300 家');

    // The search: part of a name, a whole credit code, then nothing found.
    const search = page.locator('.affiliates-search__input input');
    const found = async (q: string, n: number) => {
      await search.fill(q);
      await poll(async () => [await count.getAttribute('data-q'), await count.getAttribute('data-count')], {
        timeout: 10_000,
      }).toEqual([q, String(n)]);
    };
    await found('供应商12号', 1);
    expect(await page.locator('.affiliate__name').innerText()).toBe('华夏配套供应商12号有限公司');
    await shot('9-search-name');
    await found(fresh[40]![0], 1);
    expect(await page.locator('.affiliate').getAttribute('data-code')).toBe(fresh[40]![0]);
    await found('没有这家企业', 0);
    expect(await page.locator('.affiliates-empty').innerText()).toContain('没有找到“没有这家企业”');
    await shot('10-search-empty');
    await page.locator('.affiliates-search__clear').click();
    await poll(() => count.getAttribute('data-count'), { timeout: 10_000 }).toBe('300');
  }, 150_000);
});

/** Every entry of the list in force, through its pages. */
async function allAffiliates(token: string, orgId: string) {
  type Page = { affiliates: { creditCode: string; name?: string; relation: string }[]; nextCursor: string | null };
  const all: Page['affiliates'] = [];
  let cursor: string | null = null;
  do {
    const q: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
    const page: Page = await ok<Page>(token, 'GET', `/v1/orgs/${orgId}/affiliates?limit=50${q}`);
    all.push(...page.affiliates);
    cursor = page.nextCursor;
  } while (cursor);
  return all;
}

/** An .xlsx as an issuer fills it: the header row, then one enterprise a row. */
async function xlsx(rows: string[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('供应商名单');
  ws.addRow(['统一社会信用代码', '企业名称', '关联关系']);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** 导入供应商名单: choose the file, read the confirmation, confirm. */
async function chooseAndConfirm(buffer: Buffer, name: string) {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.locator('.affiliates__import').click()]);
  await chooser.setFiles({
    name,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer,
  });
  const dialog = page.locator('.affiliates-dialog');
  await dialog.waitFor({ state: 'visible' });
  expect(await dialog.innerText()).toContain(`将以《${name}》替换现有的`);
  if (name === '供应商名单.xlsx') await shot('7-import-confirm');
  await dialog.locator('.dialog__confirm').click();
}
