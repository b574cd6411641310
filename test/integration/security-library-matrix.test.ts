/**
 * Security matrix of the library routes (科技成果赋智): every role × every object route. Who may not know an object
 * exists gets 404, a known object the caller may not act on 403, no session 401 — and no refusal carries the
 * owner's contact, a draft's text or an interest's message. Contacts of an interest appear only once accepted.
 */
import { describe, expect, it } from '@jest/globals';
import { errorBodySchema } from '@jiebang/shared';
import { handler as achievementsGet } from '../../functions/src/handlers/achievements-get';
import { handler as achievementsList } from '../../functions/src/handlers/achievements-list';
import { handler as achievementsSubmit } from '../../functions/src/handlers/achievements-submit';
import { handler as achievementsUpdate } from '../../functions/src/handlers/achievements-update';
import { handler as demandsMatches } from '../../functions/src/handlers/demands-matches';
import { handler as interestsCreate } from '../../functions/src/handlers/interests-create';
import { handler as interestsDecide } from '../../functions/src/handlers/interests-decide';
import { handler as interestsGet } from '../../functions/src/handlers/interests-get';
import { handler as interestsList } from '../../functions/src/handlers/interests-list';
import { handler as interestsTechManager } from '../../functions/src/handlers/interests-tech-manager';
import { handler as recommendationsList } from '../../functions/src/handlers/recommendations-list';
import { handler as reviewDecide } from '../../functions/src/handlers/review-achievements-decide';
import { handler as reviewList } from '../../functions/src/handlers/review-achievements-list';
import { act, invoke, type Answer } from '../support/invoke';
import { enterprise, largeEnterprise, publishedDemand, session } from './applications-support';
import { achievementInput, create, published, university } from './library-support';

const SECRETS = ['张教授', '020-87110000', 'zhang@', '独有的草稿简介文字', '独有的意向说明文字', '13900000009'];

function refused(res: Answer, status: number) {
  expect(res.status).toBe(status);
  expect(errorBodySchema.safeParse(res.body).success).toBe(true);
  for (const s of SECRETS) expect(res.text).not.toContain(s);
}

describe('security matrix of library routes', () => {
  it('answers 401/403/404 to every role that must not see or act, and leaks nothing', async () => {
    const uni = await university();
    const ownerMember = await session(['org_member'], uni.org.id);
    const techManager = await session(['org_member', 'tech_manager'], uni.org.id);
    const draft = (await create(uni.token, { summary: '独有的草稿简介文字：只有成果单位和主管部门可见。' })).body;
    const pub = await published(uni.token);
    const sme = await enterprise({ contact: { name: '钱总', phone: '13900000009' } });
    const other = await enterprise({ name: '乙方同行有限公司' });
    const plain = await session([]);
    const ownProvince = await session(['province:440300']);
    const otherProvince = await session(['province:110000']);
    const ministry = await session(['ministry']);
    const interest = (await act(interestsCreate, sme.admin.token, pub.id, { message: '独有的意向说明文字' })).body;

    // Achievement reads: a draft is the owner's (404 for everyone else, the authority included until submitted).
    refused(await invoke(achievementsGet, { params: { id: draft.id } }), 404);
    for (const t of [
      plain.token,
      sme.admin.token,
      other.admin.token,
      ownProvince.token,
      otherProvince.token,
      ministry.token,
    ])
      refused(await invoke(achievementsGet, { token: t, params: { id: draft.id } }), 404);
    expect((await invoke(achievementsGet, { token: ownerMember.token, params: { id: draft.id } })).status).toBe(200);
    // The published one is public, without its contact, for everyone but the owner and its authority.
    for (const t of [undefined, plain.token, sme.admin.token, otherProvince.token]) {
      const res = await invoke(achievementsGet, { ...(t ? { token: t } : {}), params: { id: pub.id } });
      expect(res.status).toBe(200);
      expect(res.body.contact).toBeUndefined();
    }
    expect(
      (await invoke(achievementsGet, { token: ownProvince.token, params: { id: pub.id } })).body.contact,
    ).toBeDefined();
    refused(await invoke(achievementsList, { query: { mine: '1' } }), 403);
    refused(await invoke(achievementsList, { token: plain.token, query: { mine: '1' } }), 403);

    // Achievement writes: 401 without a session, 404 for non-members.
    const edits = [
      (t?: string) =>
        invoke(achievementsUpdate, {
          method: 'PUT',
          ...(t ? { token: t } : {}),
          params: { id: draft.id },
          body: achievementInput(),
        }),
      (t?: string) =>
        invoke(achievementsSubmit, { method: 'POST', ...(t ? { token: t } : {}), params: { id: draft.id } }),
    ];
    for (const e of edits) {
      refused(await e(undefined), 401);
      for (const t of [plain.token, sme.admin.token, other.admin.token, ownProvince.token, ministry.token])
        refused(await e(t), 404);
    }

    // Review: 403 for organisations and users without an authority, 404 for another region's authority.
    const submitted = (await create(uni.token)).body;
    await act(achievementsSubmit, uni.token, submitted.id);
    const decide = (t?: string) =>
      invoke(reviewDecide, {
        method: 'POST',
        ...(t ? { token: t } : {}),
        params: { id: submitted.id },
        body: { decision: 'publish' },
      });
    refused(await decide(undefined), 401);
    for (const t of [plain.token, sme.admin.token, uni.token, ownerMember.token]) refused(await decide(t), 403);
    refused(await decide(otherProvince.token), 404);
    for (const t of [plain.token, sme.admin.token, uni.token, ministry.token])
      refused(await invoke(reviewList, { token: t }), 403);

    // Interests: only the two sides see it; only the owner accepts; contacts only after acceptance.
    for (const t of [other.admin.token, plain.token, ownProvince.token, ministry.token]) {
      refused(await invoke(interestsGet, { token: t, params: { id: interest.id } }), 404);
      refused(await act(interestsDecide, t, interest.id, { decision: 'accept' }), 404);
    }
    refused(await invoke(interestsGet, { params: { id: interest.id } }), 401);
    refused(await act(interestsDecide, sme.admin.token, interest.id, { decision: 'accept' }), 403);
    const before = await invoke(interestsGet, { token: ownerMember.token, params: { id: interest.id } });
    expect(before.body.contacts).toBeUndefined();
    expect(before.text).not.toContain('13900000009');
    for (const t of [plain.token, ownProvince.token]) refused(await invoke(interestsList, { token: t }), 403);
    const otherBox = await invoke(interestsList, { token: other.admin.token, query: { box: 'received' } });
    expect(otherBox.body.items).toEqual([]);
    refused(await act(interestsCreate, sme.admin.token, draft.id, { message: '对草稿提出意向' }), 404);
    // Attaching a 技术经理人: the owner's admin only; before it, the manager does not know the interest exists.
    const attach = (t: string | undefined, userId: string | null = techManager.id) =>
      invoke(interestsTechManager, {
        method: 'PUT',
        ...(t ? { token: t } : {}),
        params: { id: interest.id },
        body: { userId },
      });
    refused(await attach(undefined), 401);
    for (const t of [
      plain.token,
      other.admin.token,
      ownProvince.token,
      otherProvince.token,
      ministry.token,
      techManager.token,
    ])
      refused(await attach(t), 404);
    for (const t of [sme.admin.token, ownerMember.token]) refused(await attach(t), 403);
    refused(await invoke(interestsGet, { token: techManager.token, params: { id: interest.id } }), 404);
    expect((await invoke(interestsList, { token: techManager.token })).body.items).toEqual([]);
    expect((await attach(uni.token)).status).toBe(200);
    const followed = await invoke(interestsGet, { token: techManager.token, params: { id: interest.id } });
    expect(followed.status).toBe(200);
    expect(followed.text).not.toContain('13900000009');
    refused(await act(interestsDecide, techManager.token, interest.id, { decision: 'accept' }), 403);
    expect(
      (await act(interestsDecide, ownerMember.token, interest.id, { decision: 'accept' })).body.contacts.sender.phone,
    ).toBe('13900000009');
    // A 技术经理人 of a 服务机构 attached instead: they alone of their organisation see it, and decide or attach nothing.
    const service = await enterprise({ kind: 'service', name: '宁波市技术转移服务中心' });
    const serviceManager = await session(['org_member', 'tech_manager'], service.org.id);
    for (const t of [serviceManager.token, service.admin.token])
      refused(await invoke(interestsGet, { token: t, params: { id: interest.id } }), 404);
    for (const t of [serviceManager.token, service.admin.token]) refused(await attach(t, serviceManager.id), 404);
    expect((await attach(uni.token, serviceManager.id)).status).toBe(200);
    refused(await invoke(interestsGet, { token: techManager.token, params: { id: interest.id } }), 404);
    const outside = await invoke(interestsGet, { token: serviceManager.token, params: { id: interest.id } });
    expect(outside.status).toBe(200);
    expect(outside.body.contacts.sender.phone).toBe('13900000009');
    refused(await invoke(interestsGet, { token: service.admin.token, params: { id: interest.id } }), 404);
    expect((await invoke(interestsList, { token: service.admin.token })).body.items).toEqual([]);
    for (const decision of ['sign', 'close'])
      refused(await act(interestsDecide, serviceManager.token, interest.id, { decision }), 403);
    refused(await attach(serviceManager.token, null), 403);
    // An enterprise's tech manager or a plain user cannot be attached (422, nothing changes).
    const enterpriseManager = await session(['tech_manager'], other.org.id);
    for (const userId of [enterpriseManager.id, plain.id]) refused(await attach(uni.token, userId), 422);

    // Matching: recommendations need an organisation; a demand's matches are its issuer's and its authorities'.
    refused(await invoke(recommendationsList, {}), 401);
    refused(await invoke(recommendationsList, { token: plain.token }), 403);
    expect((await invoke(recommendationsList, { token: ministry.token })).status).toBe(403);
    const issuer = await largeEnterprise({
      region: '110105',
      authorityRegion: '110000',
    });
    const demand = await publishedDemand(issuer.org, { anonymous: true, region: '110000' });
    refused(await invoke(demandsMatches, { params: { id: demand.id } }), 401);
    for (const t of [plain.token, sme.admin.token, uni.token, ownProvince.token])
      refused(await invoke(demandsMatches, { token: t, params: { id: demand.id } }), 404);
    for (const t of [issuer.admin.token, ministry.token, otherProvince.token])
      expect((await invoke(demandsMatches, { token: t, params: { id: demand.id } })).status).toBe(200);
  });
});
