/**
 * The security matrix of the 发榜 routes (every role against every object route: 401/403/404 where it must) and
 * the anonymity scan: nothing an SME, another enterprise, another province, the admin or the public receives —
 * bodies, errors, notifications — carries the anonymous issuer's name, credit code, org id or contact.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { expectWith } from '../support/expect-with';
import { handler as createH } from '../../functions/src/handlers/demands-create';
import { handler as getH } from '../../functions/src/handlers/demands-get';
import { handler as listH } from '../../functions/src/handlers/demands-list';
import { handler as updateH } from '../../functions/src/handlers/demands-update';
import { handler as submitH } from '../../functions/src/handlers/demands-submit';
import { handler as withdrawH } from '../../functions/src/handlers/demands-withdraw';
import { handler as queueH } from '../../functions/src/handlers/review-demands-list';
import { handler as decideH } from '../../functions/src/handlers/review-demands-decide';
import { handler as campaignsCreateH } from '../../functions/src/handlers/campaigns-create';
import { handler as campaignsCurrentH } from '../../functions/src/handlers/campaigns-current';
import { handler as catalogueH } from '../../functions/src/handlers/catalogue-list';
import { handler as catalogueGetH } from '../../functions/src/handlers/catalogue-get';
import { overrideDeps } from '../../functions/src/deps';
import { systemClock } from '../../functions/src/clock';
import { runIndexerNow } from '../../functions/src/scheduler';
import { NOW, makeWorld, type Person, type World } from '../support/actors';
import { demandForm } from '../support/fixtures';
import { invoke, type Answer } from '../support/invoke';
import { inboxOf } from '../support/inspect';

let w: World;
const ANON_CONTACT = {
  name: '隐秘联系人',
  title: '总工程师',
  phone: '13977778888',
  email: 'secret@hidden-issuer.example.cn',
};
const form = demandForm({
  anonymous: true,
  contact: ANON_CONTACT,
  title: '匿名发榜：超精密磨床主轴动平衡技术',
});
let submittedId = '';
let publishedId = '';

beforeAll(async () => {
  overrideDeps({ clock: { now: () => NOW } });
  w = await makeWorld();
  const a = w.people.issuerAdmin.token;
  const mk = async () => (await invoke(createH, { method: 'POST', token: a, body: form })).body.id as string;
  submittedId = await mk();
  expect(
    (await invoke(submitH, { method: 'POST', token: a, params: { id: submittedId }, body: { channel: 'province' } }))
      .status,
  ).toBe(200);
  publishedId = await mk();
  await invoke(submitH, { method: 'POST', token: a, params: { id: publishedId }, body: { channel: 'province' } });
  await invoke(decideH, {
    method: 'POST',
    token: w.people.issuerProvince.token,
    params: { id: publishedId },
    body: { decision: 'forward' },
  });
  expect(
    (
      await invoke(decideH, {
        method: 'POST',
        token: w.people.ministry.token,
        params: { id: publishedId },
        body: { decision: 'publish' },
      })
    ).status,
  ).toBe(200);
  // Its search postings: written by the scheduled indexer after publication.
  await runIndexerNow(NOW);
}, 60_000);
afterEach(() => overrideDeps({ clock: { now: () => NOW } }));
afterAll(() => overrideDeps({ clock: systemClock }));

type Role = Exclude<keyof World['people'], 'ministry2'> | 'public';
const ROLES: Role[] = [
  'public',
  'smeUser',
  'plainUser',
  'otherLargeMember',
  'issuerAdmin',
  'issuerMember',
  'issuerProvince',
  'otherProvince',
  'ministry',
  'admin',
  // 221号 to the letter (issue 16): departments see only direct submissions of enterprises they contacted.
  'department',
  'otherDepartment',
];
const tok = (r: Role) => (r === 'public' ? undefined : (w.people[r] as Person).token);

/** Every answer an outsider received, to scan for the issuer's secrets. */
const outsiderBodies: string[] = [];
const OUTSIDERS = new Set<Role>([
  'public',
  'smeUser',
  'plainUser',
  'otherLargeMember',
  'otherProvince',
  'admin',
  'department',
  'otherDepartment',
]);
function record(r: Role, a: Answer) {
  if (OUTSIDERS.has(r)) outsiderBodies.push(a.text);
  return a;
}

describe('security matrix', () => {
  it('GET /v1/demands/{id}: only the issuer members and its reviewing authorities see it; everyone else 404 (401 anonymous)', async () => {
    const expected: Record<Role, number> = {
      public: 401,
      smeUser: 404,
      plainUser: 404,
      otherLargeMember: 404,
      issuerAdmin: 200,
      issuerMember: 200,
      issuerProvince: 200,
      otherProvince: 404,
      ministry: 200,
      admin: 404,
      department: 404,
      otherDepartment: 404,
    };
    for (const r of ROLES) {
      for (const id of [submittedId, publishedId]) {
        const res = record(r, await invoke(getH, { token: tok(r), params: { id } }));
        expectWith(res.status, `${r} ${id}`).toBe(expected[r]);
      }
      // Unknown ids answer exactly like hidden ones.
      const unknown = record(r, await invoke(getH, { token: tok(r), params: { id: '01JUNKNOWNUNKNOWNUNKNOWN00' } }));
      expect(unknown.status).toBe(r === 'public' ? 401 : 404);
    }
  });

  it('PUT, submit and withdraw: 404 to everyone but the issuer (who gets the state answer)', async () => {
    for (const r of ROLES) {
      const put = record(
        r,
        await invoke(updateH, { method: 'PUT', token: tok(r), params: { id: submittedId }, body: form }),
      );
      const sub = record(
        r,
        await invoke(submitH, {
          method: 'POST',
          token: tok(r),
          params: { id: submittedId },
          body: { channel: 'ministry' },
        }),
      );
      const wd =
        r.startsWith('issuer') && r !== 'issuerProvince'
          ? null
          : record(
              r,
              await invoke(withdrawH, {
                method: 'POST',
                token: tok(r),
                params: { id: publishedId },
                body: { reason: '试图撤回他人需求' },
              }),
            );
      const want = r === 'public' ? 401 : r === 'issuerAdmin' || r === 'issuerMember' ? 409 : 404;
      expectWith(put.status, `PUT ${r}`).toBe(want);
      expectWith(sub.status, `submit ${r}`).toBe(want);
      if (wd) expectWith(wd.status, `withdraw ${r}`).toBe(r === 'public' ? 401 : 404);
    }
  });

  it('POST /v1/review/demands/{id}: only the right authority may act', async () => {
    const expected: Record<Role, number> = {
      public: 401,
      smeUser: 403,
      plainUser: 403,
      otherLargeMember: 403,
      issuerAdmin: 403,
      issuerMember: 403,
      issuerProvince: 0,
      otherProvince: 404,
      ministry: 409,
      admin: 403,
      department: 403,
      otherDepartment: 403,
    };
    for (const r of ROLES) {
      if (r === 'issuerProvince') continue; // its success is the lifecycle test's business
      const body = r === 'ministry' ? { decision: 'publish' } : { decision: 'forward' };
      const res = record(
        r,
        await invoke(decideH, { method: 'POST', token: tok(r), params: { id: submittedId }, body }),
      );
      expectWith(res.status, r).toBe(expected[r]);
    }
    const detail = await invoke(getH, { token: w.people.issuerAdmin.token, params: { id: submittedId } });
    expect(detail.body.status).toBe('submitted');
  });

  it('GET /v1/review/demands: authorities only; each sees its own queue', async () => {
    for (const r of ROLES) {
      const res = record(r, await invoke(queueH, { token: tok(r) }));
      const want = r === 'public' ? 401 : ['issuerProvince', 'otherProvince', 'ministry'].includes(r) ? 200 : 403;
      expectWith(res.status, r).toBe(want);
    }
    const mine = await invoke(queueH, { token: w.people.issuerProvince.token });
    expect(mine.body.items.map((i: { id: string }) => i.id)).toContain(submittedId);
  });

  it('GET /v1/demands?mine=1: enterprise members only, each their own', async () => {
    for (const r of ROLES) {
      const res = record(r, await invoke(listH, { token: tok(r), query: { mine: '1' } }));
      const want =
        r === 'public' ? 401 : ['smeUser', 'otherLargeMember', 'issuerAdmin', 'issuerMember'].includes(r) ? 200 : 403;
      expectWith(res.status, r).toBe(want);
      if (want === 200 && !r.startsWith('issuer')) expect(res.body.items).toEqual([]);
    }
  });

  it('POST /v1/demands: members of enterprises only (an SME’s is of track sme, SME 发榜)', async () => {
    for (const r of ROLES) {
      if (r === 'issuerAdmin' || r === 'issuerMember' || r === 'otherLargeMember') continue;
      const res = await invoke(createH, { method: 'POST', token: tok(r), body: form });
      // The SME's own new draft holds the form it sent (this test's contact): not an outsider's answer.
      if (r !== 'smeUser') record(r, res);
      expectWith(res.status, r).toBe(r === 'public' ? 401 : r === 'smeUser' ? 201 : 403);
      if (r === 'smeUser') expect(res.body.track).toBe('sme');
    }
  });

  it('POST /v1/campaigns: the ministry only; duplicates 409; GET current is public', async () => {
    const body = {
      year: 2031,
      title: '2031年度大企业发榜',
      demandIntakeDeadline: '2031-07-12T17:00:00+08:00',
      applicationDeadline: '2031-10-31T17:00:00+08:00',
      selectionDeadline: '2031-12-31T17:00:00+08:00',
    };
    for (const r of ROLES) {
      if (r === 'ministry') continue;
      const res = record(r, await invoke(campaignsCreateH, { method: 'POST', token: tok(r), body }));
      expectWith(res.status, r).toBe(r === 'public' ? 401 : 403);
    }
    expect((await invoke(campaignsCreateH, { method: 'POST', token: w.people.ministry.token, body })).status).toBe(201);
    expect((await invoke(campaignsCreateH, { method: 'POST', token: w.people.ministry.token, body })).status).toBe(409);
    const bad = await invoke(campaignsCreateH, {
      method: 'POST',
      token: w.people.ministry.token,
      body: { ...body, year: 2032, selectionDeadline: '2031-01-01T00:00:00+08:00' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.selectionDeadline).toMatch(/不能早于/);
    const current = record('public', await invoke(campaignsCurrentH, {}));
    expect(current.body).toMatchObject({ year: 2031 });
  });
});

describe('anonymity', () => {
  it('no outsider ever receives the anonymous issuer name, credit code, org id or contact (bodies, errors, catalogue, notifications)', async () => {
    for (const query of [
      {},
      { field: form.field },
      { region: '440300' },
      { field: form.field, region: '440300' },
      { open: '1' },
      { open: '0' },
      { q: '磨床主轴' },
      { q: '磨床主轴', region: '440300', open: '1' },
      // SME 发榜 (library area): the track filter's partitions carry the same anonymous cards.
      { track: 'large' },
      { track: 'large', field: form.field, region: '440300', open: '1' },
      { q: '磨床主轴', track: 'large' },
    ] as Record<string, string>[]) {
      const res = record('public', await invoke(catalogueH, { query: { limit: '50', ...query } }));
      expect(res.status).toBe(200);
    }
    const listed = JSON.parse(outsiderBodies.at(-5)!).items.map((i: { id: string }) => i.id);
    expect(listed).toContain(publishedId);
    const detail = record('public', await invoke(catalogueGetH, { params: { id: publishedId } }));
    expect(detail.body.issuer).toBeNull();
    record('public', await invoke(catalogueGetH, { params: { id: submittedId } }));
    // Notifications that reached anyone other than the issuer's own members.
    const inboxes = ['authority:440000', 'authority:440300', 'ministry', `org:${w.sme.id}`, `org:${w.otherLarge.id}`];
    for (const principal of inboxes) {
      outsiderBodies.push(JSON.stringify(await inboxOf(principal)));
    }
    const secrets = [
      w.issuer.name,
      w.issuer.creditCode,
      w.issuer.id,
      ANON_CONTACT.name,
      ANON_CONTACT.phone,
      ANON_CONTACT.email,
    ];
    expect(outsiderBodies.length).toBeGreaterThan(60);
    for (const body of outsiderBodies) for (const s of secrets) expect(body).not.toContain(s);
    // The issuer itself does read its own name in its notifications (the scan above would catch a leak otherwise).
    expect((await inboxOf(`org:${w.issuer.id}`)).length).toBeGreaterThan(0);
  });
});
