import { describe, expect, it } from '@jest/globals';
import { expectWith } from '../support/expect-with';
import { errorBodySchema, orgCreatedSchema } from '@jiebang/shared';
import { handler as createOrg } from '../../functions/src/handlers/orgs-create';
import { handler as getOrg } from '../../functions/src/handlers/orgs-get';
import { handler as updateOrg } from '../../functions/src/handlers/orgs-update';
import { handler as classifyTool } from '../../functions/src/handlers/tools-classify';
import { handler as createInvite } from '../../functions/src/handlers/orgs-invites-create';
import { handler as acceptInvite } from '../../functions/src/handlers/invites-accept';
import { handler as putMember } from '../../functions/src/handlers/orgs-members-put';
import { handler as listMembers } from '../../functions/src/handlers/orgs-members-list';
import { handler as putAffiliates } from '../../functions/src/handlers/orgs-affiliates-put';
import { handler as getAffiliates } from '../../functions/src/handlers/orgs-affiliates-get';
import { handler as meHandler } from '../../functions/src/handlers/me';
import { creditCode, orgBody } from '../support/fixtures';
import { act, invoke } from '../support/invoke';
import { enterprise, repos, session } from './applications-support';

const body = (over: Record<string, unknown> = {}) =>
  orgBody({ qualifications: ['little_giant', 'high_tech'], ...over });

describe('POST /v1/orgs', () => {
  it('registers an SME, classifies it, makes the caller its admin in the same write, and returns a fresh session', async () => {
    const u = await session();
    const res = await invoke(createOrg, { method: 'POST', token: u.token, body: body() });
    expect(res.status).toBe(201);
    const created = orgCreatedSchema.parse(res.body);
    expect(created).toMatchObject({ size: 'small', authorityRegion: '440300', kind: 'sme' });
    expect(created.session.user).toEqual({ id: u.id, roles: ['org_admin'], orgId: created.id });
    const stored = await repos().users.get(u.id);
    expect(stored).toMatchObject({ roles: ['org_admin'], orgId: created.id });
    const me = await invoke(meHandler, { token: created.session.token });
    expect(me.body.org).toMatchObject({ id: created.id, size: 'small' });
    // A second registration by the same user is refused.
    const again = await invoke(createOrg, { method: 'POST', token: created.session.token, body: body() });
    expect(again.status).toBe(409);
  });

  it('warns — does not refuse — when the credit code was issued in another region, or its organisation code fails GB 11714', async () => {
    const u = await session();
    const res = await invoke(createOrg, {
      method: 'POST',
      token: u.token,
      body: body({ creditCode: creditCode('110105') }),
    });
    expect(res.status).toBe(201);
    const codes = res.body.warnings.map((w: { code: string }) => w.code);
    expect(codes).toContain('REGION_MISMATCH');
    const real = await invoke(createOrg, {
      method: 'POST',
      token: (await session()).token,
      body: body({ creditCode: '914403001922038216', region: '440307' }),
    });
    expect(real.status).toBe(201);
    expect(real.body.warnings).toEqual([]);
  });

  it('files 计划单列市 and 兵团 under their own authority', async () => {
    for (const [region, authority] of [
      ['330203', '330200'],
      ['660100', '660000'],
      ['330106', '330000'],
    ] as const) {
      const res = await invoke(createOrg, {
        method: 'POST',
        token: (await session()).token,
        body: body({ region, creditCode: creditCode(region) }),
      });
      expectWith(res.status, region).toBe(201);
      expect(res.body.authorityRegion).toBe(authority);
    }
  });

  it('refuses an SME the 300号 table classifies as large (422 NOT_SME), at the boundary', async () => {
    // 工业: SME when employees < 1000 OR revenue < 40000 — 1000 and 40000 are large, 999 is not.
    const large = await invoke(createOrg, {
      method: 'POST',
      token: (await session()).token,
      body: body({ employees: 1000, revenue: 40000 }),
    });
    expect(large.status).toBe(422);
    expect(large.body.error.code).toBe('NOT_SME');
    const medium = await invoke(createOrg, {
      method: 'POST',
      token: (await session()).token,
      body: body({ employees: 999, revenue: 40000 }),
    });
    expect(medium.status).toBe(201);
    expect(medium.body.size).toBe('medium');
  });

  it('refuses missing figures, a bad check character and a region outside every authority with 400 and field messages', async () => {
    const u = await session();
    const good = creditCode('440300');
    const cases: [Record<string, unknown>, string][] = [
      [body({ revenue: undefined }), 'revenue'],
      [body({ creditCode: good.slice(0, 17) + (good[17] === '0' ? '1' : '0') }), 'creditCode'],
      [body({ region: '710000', creditCode: creditCode('710000') }), 'region'],
      [body({ extra: 1 }), 'extra'],
    ];
    for (const [b, field] of cases) {
      const res = await invoke(createOrg, { method: 'POST', token: u.token, body: b });
      expectWith(res.status, field).toBe(400);
      expectWith(errorBodySchema.parse(res.body).error.fields?.[field], field).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect((await repos().users.get(u.id))?.orgId ?? null).toBeNull();
  });

  it('makes exactly one enterprise of 50 parallel registrations of one credit code', async () => {
    const code = creditCode('440300');
    const users = await Promise.all(Array.from({ length: 50 }, () => session()));
    const answers = await Promise.all(
      users.map((u) => invoke(createOrg, { method: 'POST', token: u.token, body: body({ creditCode: code }) })),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    for (const a of answers.filter((x) => x.status === 409)) expect(a.body.error.code).toBe('DUPLICATE_CREDIT_CODE');
    const joined = await Promise.all(users.map((u) => repos().users.get(u.id)));
    expect(joined.filter((u) => u?.orgId)).toHaveLength(1);
  });

  it('refuses every kind of authority account, to register and to join (a department too)', async () => {
    const { org, admin } = await enterprise();
    for (const roles of [['ministry'], ['admin'], ['province:440000'], ['department:equipment_1']]) {
      const u = await session(roles);
      const made = await invoke(createOrg, { method: 'POST', token: u.token, body: body() });
      expectWith(made.status, roles.join()).toBe(403);
      const code = (await invoke(createInvite, { method: 'POST', token: admin.token, params: { id: org.id } })).body
        .code as string;
      const joined = await invoke(acceptInvite, { method: 'POST', token: u.token, params: { code } });
      expectWith(joined.status, roles.join()).toBe(403);
      expect((await repos().users.get(u.id))?.orgId ?? null).toBeNull();
    }
    expect((await invoke(createOrg, { method: 'POST', body: body() })).status).toBe(401);
  });
});

describe('GET/PUT /v1/orgs/{id}', () => {
  it('lets the admin edit the form but never the credit code, with optimistic versions', async () => {
    const u = await session();
    const created = (await invoke(createOrg, { method: 'POST', token: u.token, body: body() })).body;
    const token = created.session.token;
    const {
      warnings: _w,
      session: _s,
      id,
      authorityRegion: _a,
      size: _z,
      createdAt: _c,
      updatedAt: _u,
      version,
      ...form
    } = created;
    const ok = await invoke(updateOrg, {
      method: 'PUT',
      token,
      params: { id },
      body: { ...form, employees: 400, revenue: 9000, version },
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ size: 'medium', version: version + 1 });
    const stale = await invoke(updateOrg, { method: 'PUT', token, params: { id }, body: { ...form, version } });
    expect(stale.status).toBe(409);
    const code = await invoke(updateOrg, {
      method: 'PUT',
      token,
      params: { id },
      body: { ...form, creditCode: creditCode('440300') },
    });
    expect(code.status).toBe(400);
    expect(code.body.error.code).toBe('CREDIT_CODE_IMMUTABLE');
    const got = await invoke(getOrg, { token, params: { id } });
    expect(got.body.creditCode).toBe(created.creditCode);
    expect(got.body.employees).toBe(400);
  });

  it('shows an enterprise only to its members, its authority and the ministry', async () => {
    const { org, admin } = await enterprise();
    const expectations: [string[], string | null, number][] = [
      [[], null, 404],
      [['org_admin'], (await enterprise()).org.id, 404],
      [['province:440000'], null, 404],
      [['province:440300'], null, 200],
      [['ministry'], null, 200],
    ];
    expect((await invoke(getOrg, { token: admin.token, params: { id: org.id } })).status).toBe(200);
    for (const [roles, orgId, status] of expectations) {
      const u = await session(roles, orgId);
      const res = await invoke(getOrg, { token: u.token, params: { id: org.id } });
      expectWith(res.status, roles.join()).toBe(status);
      if (status === 404) expect(res.text).not.toContain(org.creditCode);
    }
  });
});

describe('invites and member roles', () => {
  it('admits exactly one user per code, and lets the admin make the member a reviewer', async () => {
    const { org, admin } = await enterprise({ kind: 'large', size: 'large', employees: 5000, revenue: 900000 });
    const invite = await act(createInvite, admin.token, org.id);
    expect(invite.status).toBe(201);
    const code = invite.body.code as string;
    const candidates = await Promise.all(Array.from({ length: 5 }, () => session()));
    const answers = await Promise.all(
      candidates.map((c) => invoke(acceptInvite, { method: 'POST', token: c.token, params: { code } })),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 404, 404, 404, 404]);
    const joined = candidates[answers.findIndex((a) => a.status === 200)]!;
    const member = answers.find((a) => a.status === 200)!.body;
    expect(member.session.user).toEqual({ id: joined.id, roles: ['org_member'], orgId: org.id });

    const list = await invoke(listMembers, { token: admin.token, params: { id: org.id } });
    expect(list.body.items.map((m: { id: string }) => m.id)).toContain(joined.id);

    const promote = await invoke(putMember, {
      method: 'PUT',
      token: admin.token,
      params: { id: org.id, userId: joined.id },
      body: { roles: ['org_member', 'reviewer'] },
    });
    expect(promote.status).toBe(200);
    expect((await repos().users.get(joined.id))?.roles).toEqual(['org_member', 'reviewer']);
    // Only the admin may, never for itself, and only for its own members.
    expect(
      (
        await invoke(putMember, {
          method: 'PUT',
          token: member.session.token,
          params: { id: org.id, userId: joined.id },
          body: { roles: ['org_admin'] },
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await invoke(putMember, {
          method: 'PUT',
          token: admin.token,
          params: { id: org.id, userId: admin.id },
          body: { roles: ['org_member'] },
        })
      ).status,
    ).toBe(422);
    const stranger = await session();
    expect(
      (
        await invoke(putMember, {
          method: 'PUT',
          token: admin.token,
          params: { id: org.id, userId: stranger.id },
          body: { roles: ['reviewer', 'org_member'] },
        })
      ).status,
    ).toBe(404);
  });

  it('refuses an expired code', async () => {
    const { org, admin } = await enterprise();
    await repos().orgs.createInvite({
      code: 'ABCDEFGH2345',
      orgId: org.id,
      createdBy: admin.id,
      createdAt: '2020-01-01T00:00:00Z',
      expiresAt: '2020-01-08T00:00:00Z',
    });
    const res = await invoke(acceptInvite, {
      method: 'POST',
      token: (await session()).token,
      params: { code: 'ABCDEFGH2345' },
    });
    expect(res.status).toBe(404);
  });
});

describe('PUT /v1/orgs/{id}/affiliates', () => {
  it('stores the list as key-addressable markers, replaces by difference, issuers only (large, or an SME that 发榜)', async () => {
    const { org, admin } = await enterprise({ kind: 'large', size: 'large', employees: 5000, revenue: 900000 });
    const a = [creditCode('110105'), creditCode('110105'), creditCode('310115')];
    const first = await invoke(putAffiliates, {
      method: 'PUT',
      token: admin.token,
      params: { id: org.id },
      body: {
        affiliates: [
          { creditCode: a[0], relation: 'subsidiary' },
          { creditCode: a[1], relation: 'supplier', name: '某供应商' },
        ],
      },
    });
    expect(first.status).toBe(200);
    const second = await invoke(putAffiliates, {
      method: 'PUT',
      token: admin.token,
      params: { id: org.id },
      body: {
        affiliates: [
          { creditCode: a[1], relation: 'supplier', name: '某供应商' },
          { creditCode: a[2], relation: 'holding' },
        ],
      },
    });
    expect(second.status).toBe(200);
    const got = await invoke(getAffiliates, { token: admin.token, params: { id: org.id } });
    expect(got.body.affiliates.map((x: { creditCode: string }) => x.creditCode).sort()).toEqual([a[1], a[2]].sort());
    // SME 发榜 (issue 15): an SME may issue demands, so it declares its affiliates too; an institution does not issue.
    const sme = await enterprise();
    const put = (who: { admin: { token: string }; org: { id: string } }) =>
      invoke(putAffiliates, {
        method: 'PUT',
        token: who.admin.token,
        params: { id: who.org.id },
        body: { affiliates: [] },
      });
    expect((await put(sme)).status).toBe(200);
    expect((await put(await enterprise({ kind: 'university', size: undefined }))).status).toBe(403);
    expect(
      (
        await invoke(putAffiliates, {
          method: 'PUT',
          token: sme.admin.token,
          params: { id: org.id },
          body: { affiliates: [] },
        })
      ).status,
    ).toBe(404);
  });
});

describe('POST /v1/tools/classify', () => {
  it('classifies without login and asks for the figures the industry needs', async () => {
    const ok = await invoke(classifyTool, {
      method: 'POST',
      body: { industry: 'software_it', employees: 50, revenue: 500 },
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ size: 'small', isSme: true });
    expect(ok.body.rule).toMatch(/软件和信息技术服务业/);
    const missing = await invoke(classifyTool, { method: 'POST', body: { industry: 'construction', revenue: 100 } });
    expect(missing.status).toBe(400);
    expect(missing.body.error.fields.assets).toMatch(/资产总额/);
  });
});
