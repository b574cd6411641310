/** Builders for the notifications tests: users with openids, notifications as other areas write them, stand-in access. */
import type { Notification, SessionUser } from '@jiebang/shared';
import { ulid } from 'ulid';
import { wechatUrl as readWechatUrl } from '../support/endpoints';
import { deps, overrideDeps } from '../../functions/src/deps';
import { repositories } from '../../functions/src/store';
import { notificationPut } from '../../functions/src/store/events';
import { transact } from '../../functions/src/store/transact';

export const wechatUrl = readWechatUrl();

/** A fake clock the handlers and the scheduler read. */
export function fakeClock(start: Date) {
  let now = start;
  overrideDeps({ clock: { now: () => now } });
  return {
    now: () => now,
    set: (d: Date | string) => {
      now = new Date(d);
    },
    advance: (ms: number) => {
      now = new Date(now.getTime() + ms);
    },
  };
}

export interface TestUser {
  user: SessionUser;
  token: string;
  openid: string;
}

/** A stored user with a unique openid (the stand-in is shared by every test file). */
export async function userWith(roles: string[] = [], orgId: string | null = null): Promise<TestUser> {
  const id = `u_${ulid()}`;
  const openid = `o-notif-${ulid()}`;
  await repositories(deps().store).users.createIfAbsent({
    id,
    openid,
    roles,
    orgId,
    createdAt: new Date().toISOString(),
  });
  const user: SessionUser = { id, roles, orgId };
  // Tokens are checked against the (fake) clock: issue them far from any expiry trouble.
  const { token } = await deps().tokens.issue(user, deps().clock.now());
  return { user, token, openid };
}

/** Write a notification the way other areas do (inside their transaction). */
export async function notify(n: Partial<Omit<Notification, 'id'>> & { to: string }, at: Date): Promise<void> {
  await transact(deps().store, [
    notificationPut(deps().store.table, {
      kind: 'application_returned',
      title: '揭榜申请已退回',
      body: '请根据意见修改后重新提交。',
      createdAt: at.toISOString(),
      ...n,
    }),
  ]);
}

export interface StandInRecord {
  kind: string;
  body?: { touser?: string; template_id?: string; page?: string; data?: Record<string, { value: string }> };
  response: { errcode?: number } | string;
  status: number;
}

export async function standInSends(openids: string[]): Promise<StandInRecord[]> {
  const res = await fetch(`${wechatUrl}/__stand-in/records?kind=subscribe_send`);
  const all = (await res.json()) as StandInRecord[];
  const set = new Set(openids);
  return all.filter((r) => r.body?.touser && set.has(r.body.touser));
}

export const succeeded = (r: StandInRecord) => typeof r.response === 'object' && r.response.errcode === 0;

export async function setFaults(f: Record<string, unknown>): Promise<void> {
  await fetch(`${wechatUrl}/__stand-in/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(f),
  });
}

export async function clearFaults(): Promise<void> {
  await fetch(`${wechatUrl}/__stand-in/faults`, { method: 'DELETE' });
}

/** `n` notifications to one principal, a second apart (titles `批量<i>`), 100 to a transaction. */
export async function many(
  to: string,
  n: number,
  from: Date,
  fields: Partial<Pick<Notification, 'kind' | 'objectType' | 'objectId'>> = {},
) {
  for (let i = 0; i < n; i += 100) {
    const batch = Array.from({ length: Math.min(100, n - i) }, (_, k) =>
      notificationPut(deps().store.table, {
        to,
        kind: 'application_returned',
        title: `批量${i + k}`,
        body: '请根据意见修改后重新提交。',
        createdAt: new Date(from.getTime() + (i + k) * 1000).toISOString(),
        ...fields,
      }),
    );
    await transact(deps().store, batch);
  }
}

/**
 * One reader of each inbox the security matrices cover: no enterprise, an enterprise's admin and reviewer, another
 * enterprise, two provinces, the ministry, the platform admin, and — where `department` — a ministry department.
 */
export async function inboxReaders(
  orgId: string,
  otherOrg: string,
  { department = false }: { department?: boolean } = {},
): Promise<Record<string, TestUser>> {
  return {
    noEnterprise: await userWith([], null),
    orgAdmin: await userWith(['org_admin'], orgId),
    reviewer: await userWith(['org_member', 'reviewer'], orgId),
    otherEnterprise: await userWith(['org_admin'], otherOrg),
    province: await userWith(['province:440300'], null),
    otherProvince: await userWith(['province:330200'], null),
    ministry: await userWith(['ministry'], null),
    ...(department ? { department: await userWith(['department:equipment_1'], null) } : {}),
    platformAdmin: await userWith(['admin'], null),
  };
}
