/**
 * Personal data (PIPL, issue 17 item 4): GET /v1/me/data returns what is held about the caller; DELETE /v1/me
 * erases the account — the enterprise and its application stay, the contact the person entered becomes
 * "已注销用户", the session stops at once — and no answer the others still get carries the person's name, phone
 * or email. The last admin and authority accounts are refused.
 */
import { beforeAll, describe, expect, it } from '@jest/globals';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { ERASED_USER_LABEL, orgCreatedSchema, PRIVACY_NOTICE_VERSION } from '@jiebang/shared';
import { handler as createOrg } from '../../functions/src/handlers/orgs-create';
import { handler as getOrg } from '../../functions/src/handlers/orgs-get';
import { handler as listMembers } from '../../functions/src/handlers/orgs-members-list';
import { handler as createApp } from '../../functions/src/handlers/applications-create';
import { handler as getApp } from '../../functions/src/handlers/applications-get';
import { handler as notificationsList } from '../../functions/src/handlers/notifications-list';
import { handler as meHandler } from '../../functions/src/handlers/me';
import { handler as meData } from '../../functions/src/handlers/me-data';
import { handler as meErase } from '../../functions/src/handlers/me-erase';
import { handler as mePrivacy } from '../../functions/src/handlers/me-privacy';
import { deps } from '../../functions/src/deps';
import { DynamoNotificationRepository } from '../../functions/src/store/dynamo-notifications';
import { keys } from '../../functions/src/store/keys';
import { orgBody } from '../support/fixtures';
import { invoke } from '../support/invoke';
import { inboxOf } from '../support/inspect';
import { applicationInput, attachment, enterprise, publishedDemand, repos, session } from './applications-support';

const erase = (token: string) => invoke(meErase, { method: 'DELETE', token });
const PERSON = { name: '注销测试人', phone: '13912345678', email: 'erase.me@example.com' };
const secretsIn = (text: string) => [PERSON.name, PERSON.phone, PERSON.email].filter((s) => text.includes(s));

/** A notification in the user's own inbox and a subscribe consent (what erasure must delete). */
async function personalItems(userId: string) {
  const { store } = deps();
  const at = new Date().toISOString();
  await store.doc.send(
    new PutCommand({
      TableName: store.table,
      Item: {
        ...keys.inbox(`user:${userId}`, '01JPIPL0000000000000000000'),
        id: '01JPIPL0000000000000000000',
        to: `user:${userId}`,
        title: `您好，${PERSON.name}`,
        body: `联系电话 ${PERSON.phone}`,
        createdAt: at,
      },
    }),
  );
  await new DynamoNotificationRepository(store).addConsent(
    { id: 'c1', userId, openid: `o-${userId}`, templateKey: 'review_result', status: 'unused', createdAt: at } as never,
    null,
  );
}

describe('personal data', () => {
  let person: { id: string; token: string };
  let orgId: string;
  let otherAdmin: { id: string; token: string };
  let applicationId: string;

  beforeAll(async () => {
    // The person registers an enterprise and enters itself as its contact, then applies to a demand.
    const u = await session();
    const created = await invoke(createOrg, {
      method: 'POST',
      token: u.token,
      body: orgBody({ name: '个人信息测试科技有限公司', contact: PERSON }),
    });
    expect(created.status).toBe(201);
    const org = orgCreatedSchema.parse(created.body);
    orgId = org.id;
    person = { id: u.id, token: org.session.token };
    otherAdmin = await session(['org_admin'], orgId);
    const issuer = await enterprise({ kind: 'large', name: '发榜集团有限公司' });
    const demand = await publishedDemand(issuer.org);
    const app = await invoke(createApp, {
      method: 'POST',
      token: person.token,
      params: { id: demand.id },
      body: applicationInput({ attachments: [await attachment(orgId)] }),
    });
    expect(app.status).toBe(201);
    applicationId = app.body.id;
    await personalItems(person.id);
  }, 60_000);

  it('the privacy notice: GET /v1/me says the current version and none accepted; only the current one is kept', async () => {
    const u = await session();
    const before = await invoke(meHandler, { token: u.token });
    expect(before.body.privacy).toEqual({ current: PRIVACY_NOTICE_VERSION, accepted: null });
    const stale = await invoke(mePrivacy, { method: 'POST', token: u.token, body: { version: '2020-01-01' } });
    expect(stale.status).toBe(422);
    expect(stale.body.error.code).toBe('PRIVACY_VERSION_STALE');
    const ok = await invoke(mePrivacy, { method: 'POST', token: u.token, body: { version: PRIVACY_NOTICE_VERSION } });
    expect(ok.status).toBe(200);
    expect(ok.body.accepted).toEqual({ version: PRIVACY_NOTICE_VERSION, acceptedAt: expect.any(String) });
    expect((await invoke(meHandler, { token: u.token })).body.privacy.accepted.version).toBe(PRIVACY_NOTICE_VERSION);
    // It is among what 我的数据 returns, and erasure removes it.
    expect((await invoke(meData, { token: u.token })).body.user.privacyVersion).toBe(PRIVACY_NOTICE_VERSION);
    expect((await invoke(mePrivacy, { method: 'POST', body: { version: PRIVACY_NOTICE_VERSION } })).status).toBe(401);
  });

  it('GET /v1/me/data: the profile, the enterprise and roles, the inbox, the consents, the retention periods', async () => {
    const res = await invoke(meData, { token: person.token });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ id: person.id, orgId });
    expect(res.body.user.PK).toBeUndefined();
    expect(res.body.org).toEqual({ id: orgId, name: '个人信息测试科技有限公司', roles: ['org_admin'] });
    expect(res.body.notifications).toHaveLength(1);
    expect(res.body.consents).toEqual([expect.objectContaining({ id: 'c1', templateKey: 'review_result' })]);
    expect(res.body.retention.length).toBeGreaterThan(0);
    expect((await invoke(meData, {})).status).toBe(401);
  });

  it('contact phones: whole to the enterprise and its authority, masked to the ministry and the platform admin', async () => {
    const province = await session(['province:440300'], null);
    const ministry = await session(['ministry'], null);
    const admin = await session(['admin'], null);
    for (const who of [otherAdmin, province]) {
      const res = await invoke(getOrg, { token: who.token, params: { id: orgId } });
      expect(res.body.contact).toEqual(PERSON);
    }
    for (const who of [ministry, admin]) {
      const res = await invoke(getOrg, { token: who.token, params: { id: orgId } });
      expect(res.body.contact).toEqual({ name: PERSON.name, phone: '139****5678', email: 'e***@example.com' });
    }
  });

  it('DELETE /v1/me: the account goes, the programme records stay without the person', async () => {
    const res = await erase(person.token);
    expect(res.status).toBe(200);
    expect(res.body.removed).toContain('微信标识（openid）');

    // The session stops at once, on every route.
    for (const h of [meHandler, meData]) expect((await invoke(h, { token: person.token })).status).toBe(401);
    expect((await invoke(getOrg, { token: person.token, params: { id: orgId } })).status).toBe(401);
    expect((await erase(person.token)).status).toBe(401);

    // The profile keeps only its pseudonymous id and the tombstone; its own items are gone.
    const { store } = deps();
    const held = await repos().users.get(person.id);
    expect(held).toBeNull();
    const raw = await store.doc.send(
      new GetCommand({
        TableName: store.table,
        Key: keys.user(person.id),
      }),
    );
    expect(raw.Item).toMatchObject({ id: person.id, orgId: null, roles: [] });
    expect(raw.Item!.openid).toBeUndefined();
    expect(raw.Item!.erasedAt).toEqual(expect.any(String));

    // The enterprise and the application remain; the contact the person entered reads "已注销用户".
    const org = await invoke(getOrg, { token: otherAdmin.token, params: { id: orgId } });
    expect(org.status).toBe(200);
    expect(org.body.contact).toEqual({ name: ERASED_USER_LABEL, phone: '' });
    expect(org.body.contactUserId).toBeUndefined();
    expect((await invoke(getApp, { token: otherAdmin.token, params: { id: applicationId } })).status).toBe(200);
    const members = await invoke(listMembers, { token: otherAdmin.token, params: { id: orgId } });
    expect(members.body.items.map((m: { id: string }) => m.id)).toEqual([otherAdmin.id]);

    // Scan: nothing the others still read carries the person's name, phone or email.
    const province = await session(['province:440300'], null);
    const ministry = await session(['ministry'], null);
    const answers = [
      org,
      members,
      await invoke(getApp, { token: otherAdmin.token, params: { id: applicationId } }),
      await invoke(getOrg, { token: province.token, params: { id: orgId } }),
      await invoke(getOrg, { token: ministry.token, params: { id: orgId } }),
      await invoke(notificationsList, { token: otherAdmin.token }),
    ];
    for (const a of answers) {
      expect(a.status).toBe(200);
      expect(secretsIn(a.text)).toEqual([]);
    }
    expect(await inboxOf(`user:${person.id}`)).toEqual([]);
  });

  it('signing in again after erasure opens a new, empty account', async () => {
    const u = await session();
    expect((await erase(u.token)).status).toBe(200);
    const again = await repos().users.recordLogin(u.id, `o-again-${u.id}`, new Date());
    expect(again).toMatchObject({ id: u.id, roles: [], orgId: null });
    expect((await repos().users.get(u.id))?.id).toBe(u.id);
  });

  it('refuses the last admin (422 LAST_ADMIN, nothing erased) and authority accounts (422)', async () => {
    const last = await erase(otherAdmin.token);
    expect(last.status).toBe(422);
    expect(last.body.error.code).toBe('LAST_ADMIN');
    expect(last.body.error.message).toMatch(/管理员/);
    expect((await invoke(meHandler, { token: otherAdmin.token })).status).toBe(200);

    for (const roles of [['ministry'], ['admin'], ['province:440300']]) {
      const a = await session(roles, null);
      const res = await erase(a.token);
      expect(res.status).toBe(422);
      expect(res.body.error.code).toBe('AUTHORITY_ACCOUNT');
    }
    expect((await invoke(meErase, { method: 'DELETE' })).status).toBe(401);
  });

  it('two erasures at once: one 200, the other 401', async () => {
    const u = await session();
    const both = await Promise.all([erase(u.token), erase(u.token)]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 401]);
  });
});
