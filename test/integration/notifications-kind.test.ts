/**
 * The inbox's tabs by kind (issue 18): `GET /v1/notifications?kind=` against DynamoDB Local — the refusal of an
 * unknown kind, the security matrix (every role sees its own principals' messages of that kind, nobody else's),
 * and paging at its boundaries: a page is full while older matching messages exist, never empty before the end,
 * across principals without loss or repeat, also with `unread=1`.
 */
import { beforeAll, describe, expect, it } from '@jest/globals';
import { ulid } from 'ulid';
import { handler as listHandler } from '../../functions/src/handlers/notifications-list';
import { invoke } from '../support/invoke';
import { fakeClock, inboxReaders, many, notify, userWith, type TestUser } from './notifications-support';

const START = new Date('2026-11-21T02:00:00.000Z');
fakeClock(START);
const at = (s: number) => new Date(START.getTime() + s * 1000);

interface Page {
  items: { id: string; title: string; kind: string; to: string }[];
  nextCursor: string | null;
}

async function page(u: TestUser | undefined, query: Record<string, string>) {
  return invoke(listHandler, { token: u?.token, query });
}

/** Every page of a tab, its titles in order, and the number of each page's items. */
async function walk(u: TestUser, query: Record<string, string>) {
  const titles: string[] = [];
  const sizes: number[] = [];
  let cursor: string | null = null;
  do {
    const res = await page(u, { ...query, ...(cursor ? { cursor } : {}) });
    expect(res.status).toBe(200);
    const body = res.body as Page;
    titles.push(...body.items.map((i) => i.title));
    sizes.push(body.items.length);
    cursor = body.nextCursor;
  } while (cursor && sizes.length < 100);
  return { titles, sizes };
}

describe('GET /v1/notifications?kind=', () => {
  it('401 without a session; 400 with the reason in Chinese for an unknown kind', async () => {
    const u = await userWith([], null);
    expect((await page(undefined, { kind: 'todo' })).status).toBe(401);
    for (const kind of ['nope', 'TODO', '', 'all']) {
      const res = await page(u, { kind });
      expect([kind, res.status]).toEqual([kind, 400]);
      expect(res.body.error.fields.kind).toContain('消息分类只能为');
    }
  });

  describe('security matrix: each role, its own principals’ messages of the kind only', () => {
    const orgId = ulid();
    const otherOrg = ulid();
    let people: Record<string, TestUser>;

    beforeAll(async () => {
      people = await inboxReaders(orgId, otherOrg, { department: true });
    }, 60_000);

    it('待办 and 活动 of every inbox go to exactly the roles that read that inbox', async () => {
      const p = people;
      const inboxes: Record<string, string> = {
        [`user:${p.noEnterprise!.user.id}`]: 'none-own',
        [`user:${p.orgAdmin!.user.id}`]: 'orgAdmin-own',
        [`user:${p.reviewer!.user.id}`]: 'reviewer-own',
        [`org:${orgId}`]: 'org',
        [`org:${otherOrg}`]: 'otherOrg',
        'authority:440300': 'authority-440300',
        'authority:330200': 'authority-330200',
        ministry: 'ministry',
        'department:equipment_1': 'department',
        admin: 'admin',
      };
      let s = 0;
      for (const [to, name] of Object.entries(inboxes)) {
        const authority = to === 'ministry' || to.startsWith('authority:');
        // A to-do, an event's message and one of neither tab, to each inbox.
        await notify(
          { to, title: `K-todo-${name}`, kind: authority ? 'application_submitted' : 'demand_returned' },
          at(++s),
        );
        await notify(
          { to, title: `K-event-${name}`, kind: 'event_registration_approved', objectType: 'event', objectId: ulid() },
          at(++s),
        );
        await notify({ to, title: `K-other-${name}`, kind: 'campaign_changed' }, at(++s));
      }
      const reads: Record<string, string[]> = {
        noEnterprise: ['none-own'],
        orgAdmin: ['orgAdmin-own', 'org'],
        reviewer: ['reviewer-own', 'org'],
        otherEnterprise: ['otherOrg'],
        province: ['authority-440300'],
        otherProvince: ['authority-330200'],
        ministry: ['ministry'],
        department: ['department'],
        platformAdmin: ['admin'],
      };
      for (const [role, names] of Object.entries(reads)) {
        for (const [kind, tag] of [
          ['todo', 'todo'],
          ['events', 'event'],
        ] as const) {
          const res = await page(p[role], { kind, limit: '50' });
          expect([role, kind, res.status]).toEqual([role, kind, 200]);
          const titles = (res.body as Page).items.map((i) => i.title).filter((t) => t.startsWith('K-'));
          // Newest first: the inboxes' order (their writing order) reversed.
          const want = Object.values(inboxes)
            .filter((n) => names.includes(n))
            .map((n) => `K-${tag}-${n}`)
            .reverse();
          expect([role, kind, titles]).toEqual([role, kind, want]);
        }
      }
    });
  });

  it('a rare kind far down the inbox: the first page finds it (not an empty page with a cursor)', async () => {
    const u = await userWith([], null);
    const to = `user:${u.user.id}`;
    await notify({ to, title: '活动报名通过', kind: 'event_registration_approved', objectType: 'event' }, at(100));
    await many(to, 450, at(200)); // newer, none of them an event's
    const res = await page(u, { kind: 'events', limit: '5' });
    expect(res.status).toBe(200);
    expect((res.body as Page).items.map((i) => i.title)).toEqual(['活动报名通过']);
    expect((res.body as Page).nextCursor).toBeNull();
    // A tab with nothing in it: one empty page, no cursor.
    expect(await walk(u, { kind: 'publicity', limit: '5' })).toEqual({ titles: [], sizes: [0] });
  }, 120_000);

  it('pages are full until the last, across an enterprise member’s principals, without loss or repeat (also unread only)', async () => {
    const org = ulid();
    const u = await userWith(['org_admin'], org);
    const mine = `user:${u.user.id}`;
    const ours = `org:${org}`;
    const want: string[] = [];
    // To-dos (every 5th and 7th message) among others, alternating between the user's and the enterprise's inbox.
    for (let i = 0; i < 83; i++) {
      const todo = i % 7 === 0 || i % 5 === 0;
      const title = `${todo ? 'T' : 'x'}${i}`;
      await notify(
        { to: i % 2 ? mine : ours, title, kind: todo ? 'application_returned' : 'campaign_changed' },
        at(1000 + i),
      );
      if (todo) want.unshift(title);
    }
    const all = await walk(u, { kind: 'todo', limit: '4' });
    expect(all.titles).toEqual(want);
    // Every page full but the last (which is not empty).
    expect(all.sizes.slice(0, -1).every((n) => n === 4)).toBe(true);
    expect(all.sizes.at(-1)).toBeGreaterThan(0);
    const unread = await walk(u, { kind: 'todo', unread: '1', limit: '3' });
    expect(unread.titles).toEqual(want);
    expect(unread.sizes.slice(0, -1).every((n) => n === 3)).toBe(true);
  }, 120_000);
});
