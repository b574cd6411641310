import { describe, expect, it } from '@jest/globals';
import { handler as createApp } from '../../functions/src/handlers/applications-create';
import { handler as getApp } from '../../functions/src/handlers/applications-get';
import { handler as updateApp } from '../../functions/src/handlers/applications-update';
import { handler as submitApp } from '../../functions/src/handlers/applications-submit';
import { handler as queue } from '../../functions/src/handlers/review-applications-list';
import { handler as decide } from '../../functions/src/handlers/review-applications-decide';
import { creditCode } from '../support/fixtures';
import { act, invoke } from '../support/invoke';
import { applicationInput, attachment, enterprise, publishedDemand, session } from './applications-support';

const LARGE = { kind: 'large' as const, size: 'large' as const, employees: 20000, revenue: 5_000_000 };

async function submitted(region = '330203', authority = '330200', anonymous = true) {
  const issuer = await enterprise({ ...LARGE, name: '隐名重工集团有限公司' });
  const demand = await publishedDemand(issuer.org, { anonymous });
  const sme = await enterprise({ region, authorityRegion: authority, creditCode: creditCode(region) });
  const att = await attachment(sme.org.id);
  const app = await act(createApp, sme.admin.token, demand.id, applicationInput({ attachments: [att] }));
  const res = await act(submitApp, sme.admin.token, app.body.id);
  expect(res.status).toBe(200);
  return { issuer, demand, sme, id: app.body.id as string, att };
}

const ids = (res: { body: { items: { id: string }[] } }) => res.body.items.map((i) => i.id);

describe('pre-review of applications', () => {
  it('goes province (计划单列市 has its own) → ministry → issuer, queues entered and left with the status', async () => {
    const { issuer, sme, id } = await submitted();
    const ningbo = await session(['province:330200']);
    const zhejiang = await session(['province:330000']);
    const ministry = await session(['ministry']);
    expect(ids(await invoke(queue, { token: ningbo.token }))).toContain(id);
    expect(ids(await invoke(queue, { token: zhejiang.token }))).not.toContain(id);
    // Another province cannot act on it, nor can the ministry before forwarding, nor the issuer see it.
    expect(
      (await invoke(decide, { method: 'POST', token: zhejiang.token, params: { id }, body: { decision: 'forward' } }))
        .status,
    ).toBe(404);
    expect(
      (await invoke(decide, { method: 'POST', token: ministry.token, params: { id }, body: { decision: 'release' } }))
        .status,
    ).toBe(404);
    expect((await invoke(getApp, { token: issuer.admin.token, params: { id } })).status).toBe(404);
    expect(
      (await invoke(decide, { method: 'POST', token: ningbo.token, params: { id }, body: { decision: 'release' } }))
        .status,
    ).toBe(403);

    const fwd = await invoke(decide, {
      method: 'POST',
      token: ningbo.token,
      params: { id },
      body: { decision: 'forward', comment: '材料齐全' },
    });
    expect(fwd.status).toBe(200);
    expect(fwd.body.status).toBe('forwarded');
    expect(ids(await invoke(queue, { token: ningbo.token }))).not.toContain(id);
    expect(ids(await invoke(queue, { token: ministry.token }))).toContain(id);
    expect(
      (await invoke(decide, { method: 'POST', token: ningbo.token, params: { id }, body: { decision: 'forward' } }))
        .status,
    ).toBe(409);

    const rel = await invoke(decide, {
      method: 'POST',
      token: ministry.token,
      params: { id },
      body: { decision: 'release' },
    });
    expect(rel.status).toBe(200);
    expect(ids(await invoke(queue, { token: ministry.token }))).not.toContain(id);
    const seen = await invoke(getApp, { token: issuer.admin.token, params: { id } });
    expect(seen.status).toBe(200);
    expect(seen.body.orgId).toBe(sme.org.id);
    // The queue is forbidden to non-authorities.
    expect((await invoke(queue, { token: sme.admin.token })).status).toBe(403);
    expect((await invoke(queue, {})).status).toBe(401);
  });

  it('returns with a reason; the SME fixes and resubmits while the demand is open', async () => {
    const { sme, id, att } = await submitted('440305', '440300');
    const sz = await session(['province:440300']);
    expect(
      (await invoke(decide, { method: 'POST', token: sz.token, params: { id }, body: { decision: 'return' } })).status,
    ).toBe(400);
    const ret = await invoke(decide, {
      method: 'POST',
      token: sz.token,
      params: { id },
      body: { decision: 'return', comment: '请补充研发投入证明' },
    });
    expect(ret.status).toBe(200);
    expect(ret.body).toMatchObject({ status: 'returned', returnReason: '请补充研发投入证明' });
    expect(ids(await invoke(queue, { token: sz.token }))).not.toContain(id);
    const fixed = await invoke(updateApp, {
      method: 'PUT',
      token: sme.admin.token,
      params: { id },
      body: { ...applicationInput({ attachments: [att] }), version: ret.body.version },
    });
    expect(fixed.status).toBe(200);
    const again = await invoke(submitApp, { method: 'POST', token: sme.admin.token, params: { id } });
    expect(again.status).toBe(200);
    expect(again.body).not.toHaveProperty('returnReason');
    expect(ids(await invoke(queue, { token: sz.token }))).toContain(id);
  });
});
