/**
 * Notifications against DynamoDB Local and the WeChat stand-in: inbox security, consents, the outbox dispatcher
 * (retries, permanent failure, refusal, crash and restart) and the deadline reminders with a fake clock.
 *
 * All the tests that send subscribe messages live in this one file, run in order: the stand-in's faults are
 * global, and another file sending at the same time would eat them.
 */
import { afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { ulid } from 'ulid';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { deps } from '../../functions/src/deps';
import { repositories } from '../../functions/src/store';
import { handler as listHandler } from '../../functions/src/handlers/notifications-list';
import { handler as unreadHandler } from '../../functions/src/handlers/notifications-unread-count';
import { handler as readHandler } from '../../functions/src/handlers/notifications-read';
import { handler as failedHandler } from '../../functions/src/handlers/notifications-failed';
import { handler as subscribeHandler } from '../../functions/src/handlers/subscriptions-create';
import { handler as templatesHandler } from '../../functions/src/handlers/subscriptions-templates';
import { handler as createApplicationHandler } from '../../functions/src/handlers/applications-create';
import { runDispatcherNow, runDue, startScheduler } from '../../functions/src/scheduler';
import { keys } from '../../functions/src/store/keys';
import { CAMPAIGN } from '../support/actors';
import { demand, org } from '../support/fixtures';
import { invoke } from '../support/invoke';
import { inboxOf } from '../support/inspect';
import {
  clearFaults,
  fakeClock,
  notify,
  setFaults,
  standInSends,
  succeeded,
  userWith,
  type TestUser,
} from './notifications-support';

const START = new Date('2026-11-20T02:00:00.000Z');
const clock = fakeClock(START);
const MIN = 60_000;
const DAY = 86_400_000;

async function consent(u: TestUser, templateKey = 'status_update', demandId?: string) {
  const res = await invoke(subscribeHandler, {
    method: 'POST',
    token: u.token,
    body: { templateKey, ...(demandId ? { demandId } : {}) },
  });
  expect(res.status).toBe(201);
  return res.body as { id: string };
}

async function inbox(u: TestUser, query: Record<string, string> = {}) {
  const res = await invoke(listHandler, { token: u.token, query });
  expect(res.status).toBe(200);
  return res.body as {
    items: { id: string; to: string; read: boolean; title: string; body: string; kind: string }[];
    nextCursor: string | null;
  };
}

/** An item as stored (read strongly consistent), storage attributes included. */
async function stored(key: { PK: string; SK: string }) {
  const out = await deps().store.doc.send(
    new GetCommand({ TableName: deps().store.table, Key: key, ConsistentRead: true }),
  );
  return out.Item!;
}

const storedNotification = (to: string, id: string) => stored(keys.inbox(to, id));

/** The status of a subscribe consent as stored (unused, used, refused…). */
const consentStatus = async (u: TestUser, c: { id: string }) =>
  (await stored(keys.consent(u.user.id, 'status_update', c.id))).status;

/** Run the dispatcher until nothing is due at the current fake time. */
async function drain() {
  for (let i = 0; i < 10; i++) {
    const r = await runDispatcherNow(clock.now());
    if (r.examined === 0) return;
  }
}

afterEach(async () => {
  await clearFaults();
}, 60_000);

describe('inbox', () => {
  let orgId: string;
  let a: TestUser;
  let a2: TestUser;
  let b: TestUser;
  let province: TestUser;

  beforeAll(async () => {
    clock.set(START);
    orgId = ulid();
    a = await userWith(['org_admin'], orgId);
    a2 = await userWith(['org_member'], orgId);
    b = await userWith(['org_admin'], ulid());
    province = await userWith(['province:440300'], null);
    // Seven notifications over three principals, one second apart.
    const base = START.getTime() - 60 * MIN;
    await notify({ to: `user:${a.user.id}`, title: 'A1' }, new Date(base + 1000));
    await notify({ to: `org:${orgId}`, title: 'O1' }, new Date(base + 2000));
    await notify({ to: `user:${a.user.id}`, title: 'A2' }, new Date(base + 3000));
    await notify({ to: `org:${orgId}`, title: 'O2' }, new Date(base + 4000));
    await notify({ to: `user:${a2.user.id}`, title: 'A2-own' }, new Date(base + 5000));
    await notify({ to: 'authority:440300', title: 'P1', kind: 'application_to_review' }, new Date(base + 6000));
    await notify({ to: `user:${a.user.id}`, title: 'A3' }, new Date(base + 7000));
  }, 60_000);

  it('lists the caller’s notifications over its principals, newest first, across pages without loss or repeat', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await inbox(a, { limit: '2', ...(cursor ? { cursor } : {}) });
      seen.push(...page.items.map((i) => i.title));
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(seen).toEqual(['A3', 'O2', 'A2', 'O1', 'A1']);
  });

  it('keeps requests minimal: one Query per principal for a page', async () => {
    const { spyOnStore } = await import('../support/store-spy');
    const spy = spyOnStore();
    try {
      await inbox(a, { limit: '20' });
      // The member's current roles and enterprise (auth/membership.ts), then one Query per principal.
      expect(spy.commands()).toEqual(['GetCommand', 'QueryCommand', 'QueryCommand']);
    } finally {
      spy.restore();
    }
  });

  it('counts unread, and read state of an enterprise’s notification is shared by its members', async () => {
    const count = async (u: TestUser) =>
      (await invoke(unreadHandler, { token: u.token })).body as { unread: number; capped: boolean };
    expect(await count(a)).toEqual({ unread: 5, capped: false });
    expect(await count(a2)).toEqual({ unread: 3, capped: false }); // O1, O2, A2-own

    const o2 = (await inbox(a)).items.find((i) => i.title === 'O2')!;
    const res = await invoke(readHandler, { method: 'POST', token: a.token, params: { id: o2.id } });
    expect(res.status).toBe(200);
    expect(res.body.read).toBe(true);
    // Reading again is harmless and keeps the first read time.
    const again = await invoke(readHandler, { method: 'POST', token: a2.token, params: { id: o2.id } });
    expect(again.status).toBe(200);
    expect(again.body.readAt).toBe(res.body.readAt);

    expect(await count(a)).toEqual({ unread: 4, capped: false });
    expect(await count(a2)).toEqual({ unread: 2, capped: false });
    expect((await inbox(a2)).items.find((i) => i.title === 'O2')!.read).toBe(true);
    expect((await inbox(a, { unread: '1' })).items.map((i) => i.title)).toEqual(['A3', 'A2', 'O1', 'A1']);
  });

  it('another user, another enterprise or an authority cannot read or mark someone else’s notifications', async () => {
    const mine = (await inbox(a)).items;
    const own = mine.find((i) => i.title === 'A3')!;
    const orgs = mine.find((i) => i.title === 'O1')!;
    for (const intruder of [b, province, a2]) {
      const titles = (await inbox(intruder)).items.map((i) => i.title);
      expect(titles).not.toContain('A3');
      if (intruder !== a2) expect(titles).not.toContain('O1');
      const res = await invoke(readHandler, { method: 'POST', token: intruder.token, params: { id: own.id } });
      expect(res.status).toBe(404);
      expect(res.text).not.toContain('A3');
    }
    for (const intruder of [b, province]) {
      const res = await invoke(readHandler, { method: 'POST', token: intruder.token, params: { id: orgs.id } });
      expect(res.status).toBe(404);
    }
    expect((await storedNotification(`user:${a.user.id}`, own.id)).readAt).toBeUndefined();
    expect((await inbox(province)).items.map((i) => i.title)).toEqual(['P1']);
    expect((await invoke(listHandler, {})).status).toBe(401);
    expect((await invoke(readHandler, { method: 'POST', params: { id: own.id } })).status).toBe(401);
    expect((await invoke(listHandler, { token: a.token, query: { cursor: 'not-a-cursor' } })).status).toBe(400);
  });
});

describe('subscriptions', () => {
  it('records one consent per call; refuses unknown templates, unknown demands and anonymous callers', async () => {
    const u = await userWith([], null);
    expect((await invoke(subscribeHandler, { method: 'POST', body: { templateKey: 'status_update' } })).status).toBe(
      401,
    );
    const bad = await invoke(subscribeHandler, { method: 'POST', token: u.token, body: { templateKey: 'nope' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.templateKey).toBeTruthy();
    const extra = await invoke(subscribeHandler, {
      method: 'POST',
      token: u.token,
      body: { templateKey: 'status_update', x: 1 },
    });
    expect(extra.status).toBe(400);
    const missing = await invoke(subscribeHandler, {
      method: 'POST',
      token: u.token,
      body: { templateKey: 'deadline_reminder', demandId: ulid() },
    });
    expect(missing.status).toBe(404);
    const one = await consent(u);
    const two = await consent(u);
    expect(one.id).not.toBe(two.id);
    // A status consent given on a demand's page is not scoped to it (status messages are about applications).
    const onPage = await invoke(subscribeHandler, {
      method: 'POST',
      token: u.token,
      body: { templateKey: 'status_update', demandId: ulid() },
    });
    expect(onPage.status).toBe(201);
    expect(onPage.body).toMatchObject({ templateKey: 'status_update', watching: false });
    expect(onPage.body.demandId).toBeUndefined();
    const templates = await invoke(templatesHandler, {});
    expect(templates.status).toBe(200);
    expect(templates.body.templates.map((t: { key: string }) => t.key).sort()).toEqual([
      'deadline_reminder',
      'review_todo',
      'status_update',
    ]);
  });
});

describe('dispatcher', () => {
  it('sends one subscribe message per consent, in-app only without one, and never twice', async () => {
    clock.set(START);
    const withConsent = await userWith();
    const without = await userWith();
    await consent(withConsent);
    await notify({ to: `user:${withConsent.user.id}`, title: '揭榜申请已退回' }, clock.now());
    await notify({ to: `user:${without.user.id}` }, clock.now());
    await notify({ to: `user:${withConsent.user.id}`, title: '第二条：已无授权' }, clock.now());
    await drain();
    clock.advance(10 * MIN);
    await drain();

    const sends = await standInSends([withConsent.openid, without.openid]);
    expect(sends).toHaveLength(1);
    expect(succeeded(sends[0]!)).toBe(true);
    expect(sends[0]!.body!.template_id).toBe('local-status-update');
    expect(sends[0]!.body!.page).toMatch(/^pages\/inbox\/index\?open=/);
    for (const n of [
      ...(await inboxOf(`user:${withConsent.user.id}`)),
      ...(await inboxOf(`user:${without.user.id}`)),
    ]) {
      expect(n.delivery).toBe('delivered');
      expect(n.GSI2PK).toBeUndefined();
    }
  });

  it('org notifications go to each member who consented, once', async () => {
    clock.set(START);
    const orgId = ulid();
    const m1 = await userWith(['org_admin'], orgId);
    const m2 = await userWith(['org_member'], orgId);
    const m3 = await userWith(['org_member'], orgId); // no consent
    await consent(m1);
    await consent(m2);
    await consent(m2); // two consents: still one message per notification
    await notify({ to: `org:${orgId}` }, clock.now());
    // Whom WeChat accepted a message for, one entry a message.
    const deliveredTo = async () =>
      (await standInSends([m1.openid, m2.openid, m3.openid]))
        .filter(succeeded)
        .map((s) => s.body!.touser)
        .sort();
    await drain();
    expect(await deliveredTo()).toEqual([m1.openid, m2.openid].sort());
    // m2's second consent serves the next one.
    await notify({ to: `org:${orgId}`, title: '又一条' }, clock.now());
    await drain();
    expect(await deliveredTo()).toEqual([m1.openid, m2.openid, m2.openid].sort());
  });

  it('with the first sends failing, every notification is delivered after retries — no loss, no duplicate', async () => {
    clock.set(START);
    const users = await Promise.all([0, 1, 2, 3].map(() => userWith()));
    for (const u of users) await consent(u);
    for (const u of users) await notify({ to: `user:${u.user.id}` }, clock.now());
    await setFaults({ failNextSends: 3, errcode: 45009 });
    await drain();
    await setFaults({ failNextSends: 1, errcode: 500 }); // HTTP 500 counts as not delivered too
    for (let i = 0; i < 6; i++) {
      clock.advance(5 * MIN);
      await drain();
    }
    const sends = await standInSends(users.map((u) => u.openid));
    const ok = sends.filter(succeeded);
    expect(ok.map((s) => s.body!.touser).sort()).toEqual(users.map((u) => u.openid).sort());
    expect(sends.length - ok.length).toBe(4);
    for (const u of users) {
      const [n] = await inboxOf(`user:${u.user.id}`);
      expect(n!.delivery).toBe('delivered');
      expect((n!.wechat as Record<string, { status: string }>)[u.user.id]!.status).toBe('sent');
    }
  });

  it('failing permanently: after the last retry the notification is failed and listed for the admin only', async () => {
    clock.set(START);
    const u = await userWith();
    const admin = await userWith(['admin']);
    const c = await consent(u);
    await notify({ to: `user:${u.user.id}`, title: '一直失败' }, clock.now());
    await setFaults({ failAllSends: true, errcode: -1 });
    const backoff: string[] = [];
    for (let i = 0; i < 8; i++) {
      await drain();
      const [n] = await inboxOf(`user:${u.user.id}`);
      if (n!.nextAttemptAt) backoff.push(n!.nextAttemptAt as string);
      clock.advance(10 * MIN);
    }
    const [n] = await inboxOf(`user:${u.user.id}`);
    expect(n!.delivery).toBe('failed');
    expect(n!.attempts).toBe(5);
    expect(n!.GSI2PK).toBe('OUTBOX#FAILED');
    // Exponential backoff: 30 s, 60 s, 120 s, 240 s after each failed attempt.
    const sends = await standInSends([u.openid]);
    expect(sends).toHaveLength(5);
    expect(sends.some(succeeded)).toBe(false);
    // The consent was never spent: WeChat refused every send.
    expect(await consentStatus(u, c)).toBe('unused');

    const list = await invoke(failedHandler, { token: admin.token });
    expect(list.status).toBe(200);
    const failed = list.body.items.find((i: { id: string }) => i.id === n!.id);
    expect(failed).toMatchObject({ title: '一直失败', attempts: 5 });
    expect(failed.lastError).toContain('-1');
    expect((await invoke(failedHandler, { token: u.token })).status).toBe(403);
    expect(backoff.length).toBeGreaterThanOrEqual(4);
  });

  it('43101 (refused / consent spent) marks the consent used and does not retry', async () => {
    clock.set(START);
    const u = await userWith();
    const c = await consent(u);
    await notify({ to: `user:${u.user.id}` }, clock.now());
    await setFaults({ failNextSends: 1, errcode: 43101 });
    await drain();
    clock.advance(30 * MIN);
    await drain();
    const sends = await standInSends([u.openid]);
    expect(sends).toHaveLength(1);
    const [n] = await inboxOf(`user:${u.user.id}`);
    expect(n!.delivery).toBe('delivered');
    expect((n!.wechat as Record<string, { status: string }>)[u.user.id]!.status).toBe('refused');
    expect(await consentStatus(u, c)).toBe('refused');
  });

  it('killed mid-batch and restarted: the rest is delivered, nothing twice', async () => {
    clock.set(START);
    const users = await Promise.all([0, 1, 2, 3, 4, 5].map(() => userWith()));
    for (const u of users) await consent(u);
    for (const u of users) await notify({ to: `user:${u.user.id}`, title: '批量' }, clock.now());

    // 1) A run that stops after two notifications (the Lambda timed out between items).
    const first = await runDispatcherNow(clock.now(), deps(), { maxItems: 2 });
    expect(first.delivered).toBe(2);

    // 2) A run that dies right after WeChat accepted the third message, before recording it.
    let sendsSeen = 0;
    await expect(
      runDispatcherNow(clock.now(), deps(), {
        hooks: {
          afterSend: () => {
            if (++sendsSeen === 1) throw new Error('killed');
          },
        },
      }),
    ).rejects.toThrow('killed');

    // 3) Restart at once: the others are delivered; the interrupted one waits for its lease.
    await drain();
    let sends = (await standInSends(users.map((u) => u.openid))).filter(succeeded);
    expect(sends).toHaveLength(6);

    // 4) After the lease, the interrupted one is settled as "unknown" and not sent again.
    clock.advance(5 * MIN);
    await drain();
    clock.advance(60 * MIN);
    await drain();
    sends = (await standInSends(users.map((u) => u.openid))).filter(succeeded);
    expect(sends.map((s) => s.body!.touser).sort()).toEqual(users.map((u) => u.openid).sort());
    const outcomes: string[] = [];
    for (const u of users) {
      const [n] = await inboxOf(`user:${u.user.id}`);
      expect(n!.delivery).toBe('delivered');
      outcomes.push((n!.wechat as Record<string, { status: string }>)[u.user.id]!.status);
    }
    expect(outcomes.sort()).toEqual(['sent', 'sent', 'sent', 'sent', 'sent', 'unknown']);
  });

  it('two dispatchers at once never send twice', async () => {
    clock.set(START);
    const users = await Promise.all([0, 1, 2, 3, 4, 5, 6, 7].map(() => userWith()));
    for (const u of users) {
      await consent(u);
      await consent(u);
    }
    for (const u of users) await notify({ to: `user:${u.user.id}` }, clock.now());
    await Promise.all([runDispatcherNow(clock.now()), runDispatcherNow(clock.now()), runDispatcherNow(clock.now())]);
    clock.advance(10 * MIN);
    await drain();
    const sends = (await standInSends(users.map((u) => u.openid))).filter(succeeded);
    expect(sends.map((s) => s.body!.touser).sort()).toEqual(users.map((u) => u.openid).sort());
  });
});

describe('deadline reminders (fake clock)', () => {
  it('sends exactly the reminders due, once each, and only the public title to SMEs', async () => {
    const r = repositories(deps().store);
    await r.campaigns.createIfAbsent(CAMPAIGN);
    const T = Date.parse('2027-03-31T17:00:00+08:00');
    clock.set(new Date(T - 10 * DAY));

    const issuer = org({
      kind: 'large',
      name: '绝密隐名装备集团有限公司',
      region: '440305',
      authorityRegion: '440300',
      size: 'large',
      employees: 5000,
      revenue: 900000,
    });
    const sme = org({ kind: 'sme', name: '深圳提醒测试精工有限公司' });
    await r.orgs.create(issuer);
    await r.orgs.create(sme);
    const longTitle = '面向高端数控机床的五轴联动数控系统国产化攻关与产业化应用示范项目';
    const d1 = demand({
      title: longTitle,
      anonymous: true,
      issuerOrgId: issuer.id,
      issuerName: issuer.name,
      issuerCreditCode: issuer.creditCode,
      applicationDeadline: new Date(T).toISOString(),
      campaignYear: CAMPAIGN.year,
    });
    await r.demands.createIfAbsent(d1);
    // Awaiting selection (deadline passed), for the issuer's reminder.
    const d2 = demand({
      status: 'evaluating',
      issuerOrgId: issuer.id,
      issuerName: issuer.name,
      applicationDeadline: new Date(T - 20 * DAY).toISOString(),
      campaignYear: CAMPAIGN.year,
    });
    await r.demands.createIfAbsent(d2);
    // Waiting in the 北京 authority's queue since a Tuesday 10:00.
    const queued = demand({
      status: 'submitted',
      region: '110000',
      channel: 'province',
      submittedAt: '2027-03-16T10:00:00+08:00',
    });
    delete (queued as Partial<typeof queued>).publishedAt;
    await r.demands.createIfAbsent(queued);

    // An SME member with a draft application; a watcher who tapped 提醒我 (its WeChat consent is for this demand).
    const smeUser = await userWith(['org_admin'], sme.id);
    const watcher = await userWith([], null);
    const draft = await invoke(createApplicationHandler, {
      method: 'POST',
      token: smeUser.token,
      params: { id: d1.id },
      body: {
        team: { leader: { name: '张工', title: '总工程师' }, memberCount: 12, rndStaffCount: 9, keyMembers: [] },
        capability: { rndSpendingRatio: 8.5, inventionPatents: 6 },
        plan: {
          route: '基于自主实时内核的五轴插补与误差补偿。',
          innovations: '自适应前瞻插补。',
          milestones: [{ month: '2027-06', deliverable: '原理样机' }],
          expectedResults: '样机一台。',
        },
        match: '团队长期从事数控系统研发。',
        declaration: { notAffiliated: true },
      },
    });
    expect(draft.status).toBe(201);
    await consent(watcher, 'deadline_reminder', d1.id);

    const run = async (at: number) => {
      clock.set(new Date(at));
      const report = await runDue(clock.now());
      return report.reminders;
    };

    expect(await run(T - 4 * DAY)).toMatchObject({ deadline: 0 });
    expect(await run(T - 3 * DAY + MIN)).toMatchObject({ deadline: 2 });
    expect(await run(T - 3 * DAY + 2 * MIN)).toMatchObject({ deadline: 0 });
    expect(await run(T - 2 * DAY)).toMatchObject({ deadline: 0 });
    expect(await run(T - DAY + MIN)).toMatchObject({ deadline: 2 });
    expect(await run(T - DAY + 30 * MIN)).toMatchObject({ deadline: 0 });
    expect(await run(T + 1000)).toMatchObject({ deadline: 0 });

    const orgInbox = await inboxOf(`org:${sme.id}`);
    const watcherInbox = await inboxOf(`user:${watcher.user.id}`);
    expect(orgInbox.map((n) => n.kind).sort()).toEqual(['reminder_deadline_1d_draft', 'reminder_deadline_3d_draft']);
    expect(watcherInbox.map((n) => n.kind).sort()).toEqual([
      'reminder_deadline_1d_watch',
      'reminder_deadline_3d_watch',
    ]);

    // The queue item: waited > 5 working days by Tuesday 2027-03-23 10:00; one reminder to 北京's authority.
    const authority = await inboxOf('authority:110000');
    expect(authority.filter((n) => n.objectId === queued.id).map((n) => n.kind)).toEqual(['reminder_queue_overdue']);

    // The selection deadline (2027-09-30 17:00 +08): 3 days and 1 day before, once each, to the issuer, for both
    // demands awaiting selection (d1 closed at its deadline, d2 is being evaluated); not for the queued one.
    const S = Date.parse(CAMPAIGN.selectionDeadline);
    expect(await run(S - 4 * DAY)).toMatchObject({ selection: 0 });
    expect(await run(S - 3 * DAY + MIN)).toMatchObject({ selection: 2 });
    expect(await run(S - 3 * DAY + 20 * MIN)).toMatchObject({ selection: 0 });
    expect(await run(S - DAY + MIN)).toMatchObject({ selection: 2 });
    expect(await run(S + MIN)).toMatchObject({ selection: 0 });
    const issuerInbox = await inboxOf(`org:${issuer.id}`);
    expect(issuerInbox.map((n) => `${n.kind}:${n.objectId}`).sort()).toEqual(
      [
        `reminder_selection_1d:${d1.id}`,
        `reminder_selection_1d:${d2.id}`,
        `reminder_selection_3d:${d1.id}`,
        `reminder_selection_3d:${d2.id}`,
      ].sort(),
    );

    // Anonymity: nothing the SMEs receive names the issuer.
    for (const n of [...orgInbox, ...watcherInbox]) expect(JSON.stringify(n)).not.toContain('绝密隐名');

    // WeChat: the watcher's one consent → exactly one subscribe message, fields within WeChat's limits.
    const sends = await standInSends([watcher.openid, smeUser.openid]);
    expect(sends).toHaveLength(1);
    expect(succeeded(sends[0]!)).toBe(true);
    const data = sends[0]!.body!.data!;
    expect(sends[0]!.body!.template_id).toBe('local-deadline-reminder');
    expect(data.thing1!.value).toBe(`${[...longTitle].slice(0, 19).join('')}…`);
    expect(data.time2!.value).toBe('2027-03-31 17:00');
    expect(JSON.stringify(sends[0])).not.toContain('绝密隐名');
  });
});

describe('local scheduler', () => {
  it('runs reminders then the dispatcher on tick, with its own environment and clock', async () => {
    const u = await userWith();
    await consent(u);
    const at = new Date('2030-01-07T02:00:00.000Z');
    await notify({ to: `user:${u.user.id}`, title: '定时投递' }, at);
    const reports: unknown[] = [];
    const scheduler = startScheduler({
      env: { ...process.env },
      clock: { now: () => at },
      intervalMs: 3_600_000,
      onReport: (r) => reports.push(r),
    });
    try {
      await scheduler.tick();
    } finally {
      scheduler.stop();
    }
    expect(reports).toHaveLength(1);
    const sends = (await standInSends([u.openid])).filter(succeeded);
    expect(sends).toHaveLength(1);
  });
});
