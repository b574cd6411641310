/**
 * Every new route against every role (anonymous, another SME, another province, the issuer before and after
 * release, the ministry): 401/403/404 where it must, no body leaks an anonymous issuer or another SME's data; and
 * fuzzed bodies on every write route never produce a 5xx, every 4xx carries the error body.
 */
import { describe, expect, it } from '@jest/globals';
import { expectWith } from '../support/expect-with';
import fc from 'fast-check';
import * as z from 'zod';
import { applicationInputSchema, errorBodySchema, orgInputSchema } from '@jiebang/shared';
import { handler as createApp } from '../../functions/src/handlers/applications-create';
import { handler as getApp } from '../../functions/src/handlers/applications-get';
import { handler as updateApp } from '../../functions/src/handlers/applications-update';
import { handler as submitApp } from '../../functions/src/handlers/applications-submit';
import { handler as withdrawApp } from '../../functions/src/handlers/applications-withdraw';
import { handler as decide } from '../../functions/src/handlers/review-applications-decide';
import { handler as createOrg } from '../../functions/src/handlers/orgs-create';
import { handler as updateOrg } from '../../functions/src/handlers/orgs-update';
import { handler as putAffiliates } from '../../functions/src/handlers/orgs-affiliates-put';
import { handler as putMember } from '../../functions/src/handlers/orgs-members-put';
import { handler as classifyTool } from '../../functions/src/handlers/tools-classify';
import { invoke } from '../support/invoke';
import { mutations } from '../support/mutations';
import { applicationInput, attachment, enterprise, publishedDemand, session } from './applications-support';

const LARGE = {
  kind: 'large' as const,
  size: 'large' as const,
  employees: 20000,
  revenue: 5_000_000,
  name: '绝密隐名集团有限公司',
};

describe('security matrix of application routes', () => {
  it('answers 401/403/404 to everyone who must not see or act, and leaks nothing', async () => {
    const issuer = await enterprise(LARGE);
    const demand = await publishedDemand(issuer.org, {
      anonymous: true,
      contact: { name: '隐名联系人', phone: '13912345678' },
    });
    const sme = await enterprise({ name: '甲方精密仪器有限公司' });
    const att = await attachment(sme.org.id);
    const created = await invoke(createApp, {
      method: 'POST',
      token: sme.admin.token,
      params: { id: demand.id },
      body: applicationInput({ attachments: [att], match: '独有的匹配度说明文本' }),
    });
    const id = created.body.id as string;
    expect((await invoke(submitApp, { method: 'POST', token: sme.admin.token, params: { id } })).status).toBe(200);

    const other = await enterprise({ name: '乙方同行有限公司' });
    const otherProvince = await session(['province:110000']);
    const ministry = await session(['ministry']);
    const secrets = [issuer.org.name, issuer.org.creditCode, issuer.org.id, '隐名联系人', '13912345678'];
    const reads = async (token: string | undefined) => invoke(getApp, { ...(token ? { token } : {}), params: { id } });

    expect((await reads(undefined)).status).toBe(401);
    for (const who of [other.admin.token, otherProvince.token, issuer.admin.token, ministry.token]) {
      const res = await reads(who);
      expect(res.status).toBe(404);
      expect(res.text).not.toContain('独有的匹配度说明文本');
    }
    const writes = [
      (t: string) =>
        invoke(updateApp, { method: 'PUT', token: t, params: { id }, body: { ...applicationInput(), version: 2 } }),
      (t: string) => invoke(submitApp, { method: 'POST', token: t, params: { id } }),
      (t: string) => invoke(withdrawApp, { method: 'POST', token: t, params: { id } }),
    ];
    for (const w of writes) {
      for (const who of [other.admin.token, otherProvince.token, issuer.admin.token, ministry.token]) {
        const res = await w(who);
        expect(res.status).toBe(404);
        expect(errorBodySchema.safeParse(res.body).success).toBe(true);
      }
    }
    for (const who of [other.admin.token, issuer.admin.token]) {
      expect(
        (await invoke(decide, { method: 'POST', token: who, params: { id }, body: { decision: 'forward' } })).status,
      ).toBe(403);
    }
    expect(
      (
        await invoke(decide, {
          method: 'POST',
          token: otherProvince.token,
          params: { id },
          body: { decision: 'forward' },
        })
      ).status,
    ).toBe(404);

    // Through province and ministry: the issuer sees it after release; the applicant's own view never names the issuer.
    const sz = await session(['province:440300']);
    expect(
      (await invoke(decide, { method: 'POST', token: sz.token, params: { id }, body: { decision: 'forward' } })).status,
    ).toBe(200);
    expect((await reads(ministry.token)).status).toBe(200);
    expect((await reads(issuer.admin.token)).status).toBe(404);
    expect(
      (await invoke(decide, { method: 'POST', token: ministry.token, params: { id }, body: { decision: 'release' } }))
        .status,
    ).toBe(200);
    expect((await reads(issuer.admin.token)).status).toBe(200);
    expect((await reads(other.admin.token)).status).toBe(404);
    const own = await reads(sme.admin.token);
    for (const s of secrets) expect(own.text).not.toContain(s);
  });
});

describe('fuzzed bodies on every write route', () => {
  it('never answer 5xx, and every 4xx carries the error body', async () => {
    const issuer = await enterprise(LARGE);
    const demand = await publishedDemand(issuer.org);
    const sme = await enterprise();
    const app = await invoke(createApp, {
      method: 'POST',
      token: sme.admin.token,
      params: { id: demand.id },
      body: applicationInput(),
    });
    const ministry = await session(['ministry']);
    const newcomer = await session();
    // The JSON Schemas the OpenAPI document publishes are the inputs' contract; mutations start from valid bodies.
    expect(z.toJSONSchema(applicationInputSchema, { io: 'input', unrepresentable: 'any' })).toHaveProperty(
      'properties',
    );
    expect(z.toJSONSchema(orgInputSchema, { io: 'input', unrepresentable: 'any' })).toHaveProperty('properties');
    const routes: [string, (b: unknown) => ReturnType<typeof invoke>, Record<string, unknown>][] = [
      [
        'create application',
        (b) => invoke(createApp, { method: 'POST', token: sme.admin.token, params: { id: demand.id }, body: b }),
        applicationInput() as never,
      ],
      [
        'update application',
        (b) => invoke(updateApp, { method: 'PUT', token: sme.admin.token, params: { id: app.body.id }, body: b }),
        { ...applicationInput(), version: 1 },
      ],
      [
        'withdraw',
        (b) => invoke(withdrawApp, { method: 'POST', token: sme.admin.token, params: { id: 'nonexistent' }, body: b }),
        { reason: '原因' },
      ],
      [
        'review',
        (b) => invoke(decide, { method: 'POST', token: ministry.token, params: { id: app.body.id }, body: b }),
        { decision: 'release', comment: '同意' },
      ],
      [
        'register',
        (b) => invoke(createOrg, { method: 'POST', token: newcomer.token, body: b }),
        {
          kind: 'sme',
          name: '某某科技有限公司',
          creditCode: '914403001922038216',
          region: '440305',
          industry: 'software_it',
          employees: 10,
          revenue: 100,
          contact: { name: '王', phone: '13800138000' },
        },
      ],
      [
        'update org',
        (b) => invoke(updateOrg, { method: 'PUT', token: sme.admin.token, params: { id: sme.org.id }, body: b }),
        {
          name: '某某科技有限公司',
          region: '440305',
          industry: 'software_it',
          employees: 10,
          revenue: 100,
          contact: { name: '王', phone: '13800138000' },
        },
      ],
      [
        'affiliates',
        (b) =>
          invoke(putAffiliates, { method: 'PUT', token: issuer.admin.token, params: { id: issuer.org.id }, body: b }),
        { affiliates: [{ creditCode: '914403001922038216', relation: 'supplier' }] },
      ],
      [
        'member roles',
        (b) =>
          invoke(putMember, {
            method: 'PUT',
            token: sme.admin.token,
            params: { id: sme.org.id, userId: 'u_someone' },
            body: b,
          }),
        { roles: ['org_member', 'reviewer'] },
      ],
      [
        'classify',
        (b) => invoke(classifyTool, { method: 'POST', body: b }),
        { industry: 'industry', employees: 10, revenue: 10 },
      ],
    ];
    for (const [name, call, valid] of routes) {
      await fc.assert(
        fc.asyncProperty(mutations(valid), async (b) => {
          const res = await call(b);
          expectWith(res.status, `${name}: ${res.text.slice(0, 200)}`).toBeLessThan(500);
          if (res.status >= 400) expectWith(errorBodySchema.safeParse(res.body).success, name).toBe(true);
        }),
        { numRuns: 40 },
      );
    }
  });
});
