/**
 * A 技术经理人 attached to an interest (科技成果赋智, issue 15; programmes.md §3): the owner's admin attaches a member
 * of its own organisation with role tech_manager (PUT /v1/interests/{id}/tech-manager), audited, conditional on the
 * interest's version and on the member's role; the manager sees only the interests attached to them, follows them
 * (contacts once accepted) and decides nothing; detaching takes the interest from them.
 */
import { describe, expect, it } from '@jest/globals';
import { handler as interestsCreate } from '../../functions/src/handlers/interests-create';
import { handler as interestsDecide } from '../../functions/src/handlers/interests-decide';
import { handler as interestsGet } from '../../functions/src/handlers/interests-get';
import { handler as interestsList } from '../../functions/src/handlers/interests-list';
import { handler as interestsTechManager } from '../../functions/src/handlers/interests-tech-manager';
import { handler as notificationsList } from '../../functions/src/handlers/notifications-list';
import { partition } from '../support/inspect';
import { invoke, act } from '../support/invoke';
import { enterprise, session } from './applications-support';
import { published, university } from './library-support';

const attach = (token: string, id: string, userId: string | null) =>
  invoke(interestsTechManager, { method: 'PUT', token, params: { id }, body: { userId } });
const ids = (res: { body: { items: { id: string }[] } }) => res.body.items.map((i) => i.id);

async function setting() {
  const uni = await university();
  const manager = await session(['org_member', 'tech_manager'], uni.org.id);
  const colleague = await session(['tech_manager'], uni.org.id);
  const member = await session(['org_member'], uni.org.id);
  const a = await published(uni.token);
  const b = await published(uni.token, { title: '另一项成果：精密轴承预紧力在线监测' });
  const sme = await enterprise();
  const sme2 = await enterprise({ name: '乙方精密制造有限公司' });
  const first = (await act(interestsCreate, sme.admin.token, a.id, { message: '希望洽谈电主轴技术许可' })).body;
  const second = (await act(interestsCreate, sme2.admin.token, b.id, { message: '希望了解轴承预紧技术' })).body;
  return { uni, manager, colleague, member, sme, first, second };
}

describe('a 技术经理人 attached to an interest', () => {
  it('the admin attaches its own tech manager; the manager sees only that interest, with contacts once accepted', async () => {
    const { uni, manager, colleague, member, sme, first, second } = await setting();
    // Before: a manager who is not the admin sees no interest of its organisation, and none by id.
    expect(ids(await invoke(interestsList, { token: manager.token, query: { box: 'received' } }))).toEqual([]);
    expect((await invoke(interestsGet, { token: manager.token, params: { id: first.id } })).status).toBe(404);

    const done = await attach(uni.token, first.id, manager.id);
    expect(done.status).toBe(200);
    expect(done.body.techManager).toEqual({ id: manager.id, name: `成员 ${manager.id.slice(-6).toUpperCase()}` });
    expect(done.body.version).toBe(first.version + 1);
    // The same again changes nothing.
    expect((await attach(uni.token, first.id, manager.id)).body.version).toBe(first.version + 1);

    const list = await invoke(interestsList, { token: manager.token, query: { box: 'received' } });
    expect(ids(list)).toEqual([first.id]);
    expect(ids(await invoke(interestsList, { token: manager.token, query: { box: 'sent' } }))).toEqual([]);
    expect((await invoke(interestsGet, { token: manager.token, params: { id: second.id } })).status).toBe(404);
    const seen = await invoke(interestsGet, { token: manager.token, params: { id: first.id } });
    expect(seen.status).toBe(200);
    expect(seen.body.allowedDecisions).toEqual([]);
    expect(seen.body.contacts).toBeUndefined();
    // Another tech manager of the same organisation sees none of it; an ordinary member sees both.
    expect(ids(await invoke(interestsList, { token: colleague.token, query: { box: 'received' } }))).toEqual([]);
    expect(ids(await invoke(interestsList, { token: member.token, query: { box: 'received' } })).sort()).toEqual(
      [first.id, second.id].sort(),
    );
    // The manager follows, the organisation decides.
    const byManager = await act(interestsDecide, manager.token, first.id, { decision: 'accept' });
    expect(byManager.status).toBe(403);
    expect(byManager.body.error.message).toMatch(/技术经理人/);
    expect((await act(interestsDecide, uni.token, first.id, { decision: 'accept' })).status).toBe(200);
    const after = await invoke(interestsGet, { token: manager.token, params: { id: first.id } });
    expect(after.body.contacts.sender.phone).toBeDefined();
    // Both sides see who follows the interest.
    const bySender = await invoke(interestsGet, { token: sme.admin.token, params: { id: first.id } });
    expect(bySender.body.techManager).toEqual({ id: manager.id, name: `成员 ${manager.id.slice(-6).toUpperCase()}` });

    // Told in the same transaction; audited.
    const inbox = await invoke(notificationsList, { token: manager.token });
    expect(inbox.body.items.map((n: { title: string }) => n.title)).toContain('您被指派为对接意向的技术经理人');
    const trail = (await partition(`INTEREST#${first.id}`)).filter((i) => String(i.SK).startsWith('AUDIT#'));
    expect(trail.map((e) => e.action)).toContain('attach_tech_manager');

    // Moving the interest to a colleague takes it from the first manager; detaching from both.
    expect((await attach(uni.token, first.id, colleague.id)).body.techManager.id).toBe(colleague.id);
    expect(ids(await invoke(interestsList, { token: manager.token, query: { box: 'received' } }))).toEqual([]);
    expect((await invoke(interestsGet, { token: manager.token, params: { id: first.id } })).status).toBe(404);
    expect(ids(await invoke(interestsList, { token: colleague.token, query: { box: 'received' } }))).toEqual([
      first.id,
    ]);
    const detached = await attach(uni.token, first.id, null);
    expect(detached.status).toBe(200);
    expect(detached.body.techManager).toBeUndefined();
    expect(ids(await invoke(interestsList, { token: colleague.token, query: { box: 'received' } }))).toEqual([]);
  });

  it('refuses who is not the owner’s admin, a member who is not its tech manager, and an ended interest', async () => {
    const { uni, manager, member, sme, first } = await setting();
    const outsider = await session(['tech_manager'], (await enterprise()).org.id);
    for (const t of [member.token, manager.token]) {
      const res = await attach(t, first.id, manager.id);
      // The manager does not see it yet (404); a member sees it but may not attach (403).
      expect(res.status).toBe(t === member.token ? 403 : 404);
    }
    expect((await attach(sme.admin.token, first.id, manager.id)).status).toBe(403);
    const other = await session(['org_admin'], (await enterprise()).org.id);
    expect((await attach(other.token, first.id, manager.id)).status).toBe(404);
    expect(
      (await invoke(interestsTechManager, { method: 'PUT', params: { id: first.id }, body: { userId: null } })).status,
    ).toBe(401);

    // A member without the role, an enterprise's tech manager, an unknown 编号, the sender's own tech manager.
    const senderManager = await session(['tech_manager'], sme.org.id);
    const refusals: [string, string, RegExp][] = [
      [member.id, 'NOT_TECH_MANAGER', /不是本单位的技术经理人/],
      [outsider.id, 'TECH_MANAGER_ORG_KIND', /服务机构、科研院所/],
      ['u_nobody', 'UNKNOWN_TECH_MANAGER', /未找到该技术经理人编号/],
      [senderManager.id, 'TECH_MANAGER_OF_SENDER', /意向方单位/],
    ];
    for (const [userId, code, message] of refusals) {
      const res = await attach(uni.token, first.id, userId);
      expect(res.status).toBe(422);
      expect(res.body.error.code).toBe(code);
      expect(res.body.error.message).toMatch(message);
      expect(res.body.error.fields.userId).toBeTruthy();
    }
    expect((await invoke(interestsGet, { token: uni.token, params: { id: first.id } })).body.version).toBe(
      first.version,
    );
    const malformed = await attach(uni.token, first.id, '不是编号');
    expect(malformed.status).toBe(400);

    await act(interestsDecide, uni.token, first.id, { decision: 'decline' });
    const ended = await attach(uni.token, first.id, manager.id);
    expect(ended.status).toBe(409);
    expect(ended.body.error.code).toBe('INVALID_TRANSITION');
  });

  it('two admins attaching at once: the interest names one manager, and only that one sees it', async () => {
    const { uni, manager, colleague, first } = await setting();
    const admin2 = await session(['org_admin'], uni.org.id);
    const answers = await Promise.all([
      attach(uni.token, first.id, manager.id),
      attach(admin2.token, first.id, colleague.id),
    ]);
    // Both read the same version: one 200, one 409 VERSION_CONFLICT; under load one may finish before the other
    // reads, and then both are 200, one after the other. Either way the interest and the lists agree.
    expect(answers.some((r) => r.status === 200)).toBe(true);
    for (const r of answers.filter((r) => r.status !== 200)) {
      expect([r.status, r.body.error.code]).toEqual([409, 'VERSION_CONFLICT']);
    }
    const final = (await invoke(interestsGet, { token: uni.token, params: { id: first.id } })).body;
    expect(final.version).toBe(first.version + answers.filter((r) => r.status === 200).length);
    const lists = await Promise.all(
      [manager, colleague].map((m) => invoke(interestsList, { token: m.token, query: { box: 'received' } })),
    );
    expect(lists.map((l) => l.body.items.length)).toEqual(final.techManager.id === manager.id ? [1, 0] : [0, 1]);
  });
});

describe('a 技术经理人 of another organisation (a 服务机构 or 科研院所)', () => {
  async function outside(kind: 'service' | 'institute' | 'sme', name: string) {
    const { org, admin } = await enterprise({ kind, name });
    const manager = await session(['org_member', 'tech_manager'], org.id);
    return { org, admin, manager };
  }

  it('a service body’s manager is attached, sees only that interest (list and get, contacts once accepted), decides nothing', async () => {
    const { uni, sme, first, second } = await setting();
    const service = await outside('service', '宁波市技术转移服务中心');
    const res = await attach(uni.token, first.id, service.manager.id);
    expect(res.status).toBe(200);
    expect(res.body.techManager).toEqual({
      id: service.manager.id,
      name: `成员 ${service.manager.id.slice(-6).toUpperCase()}`,
      orgId: service.org.id,
      orgName: '宁波市技术转移服务中心',
    });
    const list = await invoke(interestsList, { token: service.manager.token, query: { box: 'received' } });
    expect(ids(list)).toEqual([first.id]);
    expect(list.body.items[0].allowedDecisions).toEqual([]);
    expect(list.body.items[0].side).toBe('owner');
    expect(ids(await invoke(interestsList, { token: service.manager.token, query: { box: 'sent' } }))).toEqual([]);
    expect((await invoke(interestsGet, { token: service.manager.token, params: { id: second.id } })).status).toBe(404);
    // The service body's other members see nothing of it.
    expect((await invoke(interestsGet, { token: service.admin.token, params: { id: first.id } })).status).toBe(404);
    expect(ids(await invoke(interestsList, { token: service.admin.token, query: { box: 'received' } }))).toEqual([]);

    const seen = await invoke(interestsGet, { token: service.manager.token, params: { id: first.id } });
    expect(seen.status).toBe(200);
    expect(seen.body.contacts).toBeUndefined();
    for (const decision of ['accept', 'decline', 'close']) {
      const refused = await act(interestsDecide, service.manager.token, first.id, { decision });
      expect(refused.status).toBe(403);
      expect(refused.body.error.message).toMatch(/技术经理人/);
    }
    expect((await act(interestsDecide, uni.token, first.id, { decision: 'accept' })).status).toBe(200);
    const after = await invoke(interestsGet, { token: service.manager.token, params: { id: first.id } });
    expect(after.body.contacts.sender.phone).toBeDefined();
    expect(after.body.allowedDecisions).toEqual([]);
    expect((await act(interestsDecide, service.manager.token, first.id, { decision: 'sign' })).status).toBe(403);
    // The sender sees who follows it, and from which organisation.
    const bySender = await invoke(interestsGet, { token: sme.admin.token, params: { id: first.id } });
    expect(bySender.body.techManager.orgName).toBe('宁波市技术转移服务中心');
    const inbox = await invoke(notificationsList, { token: service.manager.token });
    expect(inbox.body.items.map((n: { title: string }) => n.title)).toContain('您被指派为对接意向的技术经理人');
  });

  it('an institute’s manager too; detach removes access, re-attach moves it', async () => {
    const { uni, first } = await setting();
    const institute = await outside('institute', '广东省智能制造研究所');
    const service = await outside('service', '深圳市知识产权服务中心');
    const list = (token: string) => invoke(interestsList, { token, query: { box: 'received' } });
    const get = (token: string) => invoke(interestsGet, { token, params: { id: first.id } });

    expect((await attach(uni.token, first.id, institute.manager.id)).status).toBe(200);
    expect(ids(await list(institute.manager.token))).toEqual([first.id]);
    expect((await attach(uni.token, first.id, null)).body.techManager).toBeUndefined();
    expect(ids(await list(institute.manager.token))).toEqual([]);
    expect((await get(institute.manager.token)).status).toBe(404);

    expect((await attach(uni.token, first.id, institute.manager.id)).status).toBe(200);
    const moved = await attach(uni.token, first.id, service.manager.id);
    expect(moved.body.techManager.orgId).toBe(service.org.id);
    expect(ids(await list(institute.manager.token))).toEqual([]);
    expect((await get(institute.manager.token)).status).toBe(404);
    expect(ids(await list(service.manager.token))).toEqual([first.id]);
    const markers = async (userId: string) => (await partition(`USER#${userId}#MANAGED_INTERESTS`)).length;
    expect([await markers(institute.manager.id), await markers(service.manager.id)]).toEqual([0, 1]);
  });

  it('concurrent attaches of two outside managers: the interest names one, who alone holds a marker', async () => {
    const { uni, first } = await setting();
    const admin2 = await session(['org_admin'], uni.org.id);
    const a = await outside('service', '甲技术转移中心');
    const b = await outside('institute', '乙研究院');
    const answers = await Promise.all([
      attach(uni.token, first.id, a.manager.id),
      attach(admin2.token, first.id, b.manager.id),
    ]);
    // Both read the same version: one 200, one 409 VERSION_CONFLICT (under load one may finish before the other
    // reads: then both are 200, one after the other). Either way the interest and the markers agree.
    expect(answers.some((r) => r.status === 200)).toBe(true);
    for (const r of answers.filter((r) => r.status !== 200)) {
      expect(r.status).toBe(409);
      expect(r.body.error.code).toBe('VERSION_CONFLICT');
    }
    const final = (await invoke(interestsGet, { token: uni.token, params: { id: first.id } })).body;
    expect(final.version).toBe(first.version + answers.filter((r) => r.status === 200).length);
    const counts = await Promise.all(
      [a, b].map(async (o) => (await partition(`USER#${o.manager.id}#MANAGED_INTERESTS`)).length),
    );
    expect(counts).toEqual(final.techManager.id === a.manager.id ? [1, 0] : [0, 1]);
  });
});
