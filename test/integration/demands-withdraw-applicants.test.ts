/**
 * Withdrawing a published demand (security finding 6): after publication only the issuer's admin may withdraw;
 * every open application of the demand (draft, submitted, forwarded, released…) is closed with the reason and its
 * applicant told in its inbox — none stays `released` on a withdrawn demand.
 */
import { describe, expect, it } from '@jest/globals';
import { ulid } from 'ulid';
import { applicationSchema, type Demand } from '@jiebang/shared';
import { handler as withdrawH } from '../../functions/src/handlers/demands-withdraw';
import { handler as demandGetH } from '../../functions/src/handlers/demands-get';
import { handler as appGetH } from '../../functions/src/handlers/applications-get';
import { handler as appWithdrawH } from '../../functions/src/handlers/applications-withdraw';
import { invoke } from '../support/invoke';
import { demand as demandFixture } from '../support/fixtures';
import { applicationRecord } from './applications-support';
import { BEFORE, clockEachTestAt, evaluationWorld, inboxOf, makeOrg, repos, who, type Who } from './evaluation-support';

clockEachTestAt(BEFORE);

const withdraw = (p: Who, id: string, reason = '项目方向调整，需求取消') =>
  invoke(withdrawH, { method: 'POST', token: p.token, params: { id }, body: { reason } });

/** An application of a fresh SME in `status` (submitted ones hold the one-per-demand marker, as a submit leaves it). */
async function applicationIn(
  demand: Pick<Demand, 'id' | 'title' | 'issuerOrgId' | 'field' | 'channel'>,
  status: 'draft' | 'submitted',
) {
  const org = await makeOrg({ name: `揭榜测试${ulid().slice(-6)}科技有限公司` });
  const admin = await who(['org_admin'], org.id);
  const at = '2027-03-20T02:00:00.000Z';
  const app = applicationRecord(demand, org, status, at, status === 'submitted' ? { submittedAt: at } : {});
  const change = {
    audit: {
      objectType: 'application' as const,
      objectId: app.id,
      action: 'create',
      actor: { userId: 't', role: 't' },
      at,
    },
    notifications: [],
  };
  if (status === 'draft') await repos().applications.create(app, change);
  else {
    const draft = { ...app, status: 'draft' as const };
    const { submittedAt: _s, ...plain } = draft;
    await repos().applications.create(plain, change);
    await repos().applications.write(app, plain, change, [
      repos().applications.applicantMarkerPut(demand.id, org.id, app.id, at),
    ]);
  }
  return { org, admin, app };
}

describe('withdrawing a published demand with applications', () => {
  it('a plain member may not (403), the admin may: every open application is closed with the reason and its applicant told', async () => {
    const w = await evaluationWorld({ applicants: 2, anonymous: true });
    const submitted = await applicationIn(w.demand, 'submitted');
    const draft = await applicationIn(w.demand, 'draft');
    const all = [...w.applicants, submitted, draft];

    const asMember = await invoke(demandGetH, { token: w.member.token, params: { id: w.demand.id } });
    expect(asMember.body.allowedActions).not.toContain('withdraw'); // the client offers no button it would refuse
    const asAdmin = await invoke(demandGetH, { token: w.admin.token, params: { id: w.demand.id } });
    expect(asAdmin.body.allowedActions).toContain('withdraw');
    const byMember = await withdraw(w.member, w.demand.id);
    expect(byMember.status).toBe(403);
    expect((await repos().demands.get(w.demand.id))!.status).toBe('published');

    const res = await withdraw(w.admin, w.demand.id);
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('withdrawn');
    for (const a of all) {
      const got = await invoke(appGetH, { token: a.admin.token, params: { id: a.app.id } });
      expect(got.status).toBe(200);
      const view = applicationSchema.parse(got.body);
      expect(view.status).toBe('withdrawn');
      expect(view.withdrawReason).toContain('项目方向调整，需求取消');
      const inbox = await inboxOf(`org:${a.org.id}`);
      expect(inbox.map((n) => n.kind)).toContain('demand_withdrawn');
      for (const n of inbox) expect(JSON.stringify(n)).not.toContain(w.issuer.name);
    }
    // Nothing left for the issuer to evaluate, and the applicant has nothing left to withdraw.
    const entries = await repos().evaluation.allEntries(w.demand.id);
    expect(entries.map((e) => e.status)).toEqual(['withdrawn', 'withdrawn']);
    const again = await invoke(appWithdrawH, {
      method: 'POST',
      token: w.applicants[0]!.admin.token,
      params: { id: w.applicants[0]!.app.id },
      body: {},
    });
    expect(again.status).toBe(409);
  });

  it('before publication a plain member still withdraws (a submitted demand)', async () => {
    const w = await evaluationWorld({ applicants: 0 });
    const { publishedAt: _p, ...unpublished } = demandFixture({
      issuerOrgId: w.issuer.id,
      issuerName: w.issuer.name,
      issuerCreditCode: w.issuer.creditCode,
      region: w.issuer.authorityRegion,
      status: 'submitted',
      channel: 'province',
    });
    expect(await repos().demands.createIfAbsent(unpublished)).toBe(true);
    const res = await withdraw(w.member, unpublished.id);
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('withdrawn');
  });
});
