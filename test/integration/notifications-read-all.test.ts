/**
 * 全部标为已读 (issue 18): `POST /v1/notifications/read-all` against DynamoDB Local — only the caller's principals
 * (the security matrix of every role), `upTo`, bounded work per call with `more`, idempotence, and calls at once.
 */
import { beforeAll, describe, expect, it } from '@jest/globals';
import { READ_ALL_BATCH } from '@jiebang/shared';
import { ulid } from 'ulid';
import { handler as listHandler } from '../../functions/src/handlers/notifications-list';
import { handler as readAllHandler } from '../../functions/src/handlers/notifications-read-all';
import { handler as unreadHandler } from '../../functions/src/handlers/notifications-unread-count';
import { invoke } from '../support/invoke';
import { fakeClock, inboxReaders, many, notify, userWith, type TestUser } from './notifications-support';

const START = new Date('2026-11-20T02:00:00.000Z');
const clock = fakeClock(START);

const readAll = (u: TestUser | undefined, body?: unknown) =>
  invoke(readAllHandler, { method: 'POST', token: u?.token, ...(body === undefined ? {} : { body }) });

async function unread(u: TestUser): Promise<number> {
  const res = await invoke(unreadHandler, { token: u.token });
  expect(res.status).toBe(200);
  return (res.body as { unread: number }).unread;
}

async function titles(u: TestUser, unreadOnly = false): Promise<string[]> {
  const res = await invoke(listHandler, {
    token: u.token,
    query: { limit: '50', ...(unreadOnly ? { unread: '1' } : {}) },
  });
  expect(res.status).toBe(200);
  return (res.body as { items: { title: string }[] }).items.map((i) => i.title);
}

describe('security matrix: POST /v1/notifications/read-all', () => {
  const orgId = ulid();
  const otherOrg = ulid();
  let people: Record<string, TestUser>;

  beforeAll(async () => {
    people = await inboxReaders(orgId, otherOrg);
  }, 60_000);

  it('401 without a session; 400 for an unknown field or a malformed upTo; nothing read', async () => {
    await notify({ to: `user:${people.noEnterprise!.user.id}`, title: '未读' }, START);
    expect((await readAll(undefined)).status).toBe(401);
    const extra = await readAll(people.noEnterprise, { all: true });
    expect(extra.status).toBe(400);
    const bad = await readAll(people.noEnterprise, { upTo: 'not-an-id' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.upTo).toBeTruthy();
    expect(await unread(people.noEnterprise!)).toBe(1);
  });

  it('each role marks exactly its own principals’ notifications, never another person’s, enterprise’s or authority’s', async () => {
    const p = people;
    // One unread notification in every inbox of the matrix, each named after its principal.
    const inboxes: Record<string, string> = {
      [`user:${p.orgAdmin!.user.id}`]: 'orgAdmin-own',
      [`user:${p.reviewer!.user.id}`]: 'reviewer-own',
      [`org:${orgId}`]: 'org',
      [`org:${otherOrg}`]: 'otherOrg',
      [`user:${p.otherEnterprise!.user.id}`]: 'otherEnterprise-own',
      'authority:440300': 'authority-440300',
      'authority:330200': 'authority-330200',
      [`user:${p.province!.user.id}`]: 'province-own',
      ministry: 'ministry',
      admin: 'admin',
    };
    for (const [to, title] of Object.entries(inboxes)) await notify({ to, title }, new Date(START.getTime() + 1000));
    // Who reads which (besides their own user inbox): the org's members share its inbox, authorities theirs.
    const order: [string, string[]][] = [
      ['reviewer', ['reviewer-own', 'org']],
      ['orgAdmin', ['orgAdmin-own']], // the org's one was read by the reviewer (shared to-do list)
      ['otherEnterprise', ['otherEnterprise-own', 'otherOrg']],
      ['province', ['province-own', 'authority-440300']],
      ['ministry', ['ministry']],
      ['platformAdmin', ['admin']],
      ['otherProvince', ['authority-330200']],
    ];
    const stillUnread = new Set(Object.values(inboxes));
    for (const [role, marks] of order) {
      const res = await readAll(p[role]);
      expect([role, res.status, res.body]).toEqual([role, 200, { marked: marks.length, more: false }]);
      marks.forEach((t) => stillUnread.delete(t));
      // Every inbox of the matrix: read exactly when a role that reads it has called.
      for (const [name, u] of Object.entries(p)) {
        if (name === 'noEnterprise') continue;
        const seen = await titles(u, true);
        for (const t of seen) expect([role, name, stillUnread.has(t)]).toEqual([role, name, true]);
      }
    }
    expect(stillUnread.size).toBe(0);
  });
});

describe('read-all', () => {
  it('marks up to upTo only: a notification that arrived after the list was shown stays unread; a repeat marks nothing', async () => {
    const u = await userWith([], null);
    const to = `user:${u.user.id}`;
    await notify({ to, title: '旧1' }, new Date(START.getTime() + 1000));
    await notify({ to, title: '旧2' }, new Date(START.getTime() + 2000));
    const shown = await invoke(listHandler, { token: u.token });
    const newest = (shown.body as { items: { id: string }[] }).items[0]!.id;
    await notify({ to, title: '新' }, new Date(START.getTime() + 3000));
    const res = await readAll(u, { upTo: newest });
    expect(res.body).toEqual({ marked: 2, more: false });
    expect(await titles(u, true)).toEqual(['新']);
    expect((await readAll(u, { upTo: newest })).body).toEqual({ marked: 0, more: false });
    expect((await readAll(u)).body).toEqual({ marked: 1, more: false });
    expect((await readAll(u)).body).toEqual({ marked: 0, more: false });
    expect(await unread(u)).toBe(0);
  });

  it(`does bounded work: at most ${READ_ALL_BATCH} a call, more while some remain, every one read in the end`, async () => {
    const u = await userWith([], null);
    const total = READ_ALL_BATCH + 30;
    await many(`user:${u.user.id}`, total, new Date(START.getTime() + 10_000));
    const first = await readAll(u);
    expect(first.body).toEqual({ marked: READ_ALL_BATCH, more: true });
    const second = await readAll(u);
    expect(second.body).toEqual({ marked: 30, more: false });
    expect(await unread(u)).toBe(0);
  }, 120_000);

  it('calls at once (two members of one enterprise, the same member twice) count each notification once', async () => {
    const orgId = ulid();
    const a = await userWith(['org_admin'], orgId);
    const b = await userWith(['org_member'], orgId);
    await many(`org:${orgId}`, 40, new Date(START.getTime() + 20_000));
    const answers = await Promise.all([readAll(a), readAll(b), readAll(a), readAll(b), readAll(a), readAll(b)]);
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
    const marked = answers.reduce((s, r) => s + (r.body as { marked: number }).marked, 0);
    expect(marked).toBe(40);
    expect(await unread(a)).toBe(0);
    expect(await unread(b)).toBe(0);
    clock.set(START);
  }, 120_000);
});
