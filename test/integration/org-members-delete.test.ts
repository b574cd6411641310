/**
 * DELETE /v1/orgs/{id}/members/{userId} through its handler (issue 12, finding 3): an admin removes a member, a
 * member leaves on its own, the last admin is refused (422 LAST_ADMIN), and neither a plain member nor another
 * enterprise's admin can remove anyone — with answers that name no one.
 */
import { describe, expect, it } from '@jest/globals';
import { handler as membersDelete } from '../../functions/src/handlers/orgs-members-delete';
import { handler as membersList } from '../../functions/src/handlers/orgs-members-list';
import { handler as membersPut } from '../../functions/src/handlers/orgs-members-put';
import { handler as orgsGet } from '../../functions/src/handlers/orgs-get';
import { invoke } from '../support/invoke';
import { enterprise, repos, session } from './applications-support';

const remove = (token: string | undefined, orgId: string, userId: string) =>
  invoke(membersDelete, { method: 'DELETE', token, params: { id: orgId, userId } });
const memberIds = async (token: string, orgId: string) =>
  (await invoke(membersList, { token, params: { id: orgId } })).body.items.map((m: { id: string }) => m.id).sort();

describe('DELETE /v1/orgs/{id}/members/{userId}', () => {
  it('an admin removes a member: 200 { id }, the member is gone from the list and its token stops at once', async () => {
    const { org, admin } = await enterprise();
    const m = await session(['org_member', 'reviewer'], org.id);
    const res = await remove(admin.token, org.id, m.id);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ id: m.id });
    expect(await memberIds(admin.token, org.id)).toEqual([admin.id]);
    expect(await repos().users.get(m.id)).toMatchObject({ orgId: null, roles: [] });
    expect((await invoke(orgsGet, { token: m.token, params: { id: org.id } })).status).toBe(404);
    // Removing again: the user is no longer a member.
    expect((await remove(admin.token, org.id, m.id)).status).toBe(404);
  });

  it('a member leaves by itself', async () => {
    const { org, admin } = await enterprise();
    const m = await session(['org_member'], org.id);
    expect((await remove(m.token, org.id, m.id)).status).toBe(200);
    expect(await memberIds(admin.token, org.id)).toEqual([admin.id]);
  });

  it('the last admin cannot leave: 422 LAST_ADMIN; with a second admin it may', async () => {
    const { org, admin } = await enterprise();
    const refused = await remove(admin.token, org.id, admin.id);
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('LAST_ADMIN');
    expect(refused.body.error.message).toMatch(/管理员/);
    expect(await memberIds(admin.token, org.id)).toEqual([admin.id]);

    const b = await session(['org_member'], org.id);
    expect(
      (
        await invoke(membersPut, {
          method: 'PUT',
          token: admin.token,
          params: { id: org.id, userId: b.id },
          body: { roles: ['org_admin'] },
        })
      ).status,
    ).toBe(200);
    expect((await remove(admin.token, org.id, admin.id)).status).toBe(200);
    const last = await remove(b.token, org.id, b.id);
    expect(last.status).toBe(422);
    expect(last.body.error.code).toBe('LAST_ADMIN');
  });

  it('refuses a plain member (403), another enterprise’s admin and a stranger (404), no token (401)', async () => {
    const { org, admin } = await enterprise();
    const m = await session(['org_member'], org.id);
    const reviewer = await session(['org_member', 'reviewer'], org.id);
    const other = await enterprise();
    const stranger = await session([]);

    const byMember = await remove(m.token, org.id, admin.id);
    expect(byMember.status).toBe(403);
    expect((await remove(reviewer.token, org.id, m.id)).status).toBe(403);
    for (const res of [await remove(other.admin.token, org.id, m.id), await remove(stranger.token, org.id, m.id)]) {
      expect(res.status).toBe(404);
      expect(res.text).not.toContain(m.id);
      expect(res.text).not.toContain(admin.id);
      expect(res.text).not.toContain(org.name);
    }
    // An admin cannot reach into another enterprise through its own path either.
    expect((await remove(admin.token, org.id, other.admin.id)).status).toBe(404);
    expect((await remove(undefined, org.id, m.id)).status).toBe(401);
    expect(await memberIds(admin.token, org.id)).toEqual([admin.id, m.id, reviewer.id].sort());
    expect(await memberIds(other.admin.token, other.org.id)).toEqual([other.admin.id]);
  });
});
