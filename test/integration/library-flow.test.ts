/**
 * 科技成果赋智 (issue 15) through the handlers against DynamoDB Local: institutions register without the 300号
 * check, an achievement goes draft → submitted → published (or returned) by its own authority, the public library
 * finds it without its contact, interests move pending → talking → signed with contacts only after acceptance
 * (and once per organisation, under concurrency), profiles feed recommendations with reasons that never show an
 * anonymous issuer or an affiliated one, and a demand's matches rank organisations and achievements.
 */
import { describe, expect, it } from '@jest/globals';
import { handler as achievementsGet } from '../../functions/src/handlers/achievements-get';
import { handler as achievementsList } from '../../functions/src/handlers/achievements-list';
import { handler as achievementsSubmit } from '../../functions/src/handlers/achievements-submit';
import { handler as achievementsUpdate } from '../../functions/src/handlers/achievements-update';
import { handler as demandsMatches } from '../../functions/src/handlers/demands-matches';
import { handler as interestsCreate } from '../../functions/src/handlers/interests-create';
import { handler as interestsDecide } from '../../functions/src/handlers/interests-decide';
import { handler as interestsGet } from '../../functions/src/handlers/interests-get';
import { handler as interestsList } from '../../functions/src/handlers/interests-list';
import { handler as notificationsList } from '../../functions/src/handlers/notifications-list';
import { handler as orgsCreate } from '../../functions/src/handlers/orgs-create';
import { handler as recommendationsList } from '../../functions/src/handlers/recommendations-list';
import { handler as reviewDecide } from '../../functions/src/handlers/review-achievements-decide';
import { handler as reviewList } from '../../functions/src/handlers/review-achievements-list';
import { deps } from '../../functions/src/deps';
import { demandMatching } from '../../functions/src/matching/wiring';
import { act, invoke } from '../support/invoke';
import { declareSupplier, enterprise, largeEnterprise, publishedDemand, session } from './applications-support';
import { achievementInput, create, institutionCode, published, university, withProfile } from './library-support';

describe('institutions', () => {
  it('a university registers with a 1… code, without 300号 figures or a size; a 9… code is refused', async () => {
    const { org } = await university();
    expect(org.kind).toBe('university');
    expect(org.size).toBeUndefined();
    expect(org.authorityRegion).toBe('440300');
    const user = await session([]);
    const refused = await invoke(orgsCreate, {
      method: 'POST',
      token: user.token,
      body: {
        kind: 'institute',
        name: '某研究院',
        creditCode: institutionCode('440300', '91'),
        region: '440305',
        industry: 'other',
        contact: { name: '刘老师', phone: '020-87110001' },
      },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('CREDIT_CODE_KIND');
    expect(refused.body.error.fields.creditCode).toMatch(/1（事业单位）或 5/);
  });
});

describe('achievements', () => {
  it('draft → submitted → published by the owner’s authority; the library finds it without its contact', async () => {
    const uni = await university();
    const draft = await create(uni.token);
    expect(draft.status).toBe(201);
    expect(draft.body.status).toBe('draft');
    expect(draft.body.terms.map((t: { term: string }) => t.term)).toContain('电主轴');
    // A draft is the owner's alone.
    expect((await invoke(achievementsGet, { params: { id: draft.body.id } })).status).toBe(404);
    const updated = await invoke(achievementsUpdate, {
      method: 'PUT',
      token: uni.token,
      params: { id: draft.body.id },
      body: achievementInput({ maturity: 8 }),
    });
    expect(updated.body.maturity).toBe(8);
    expect((await act(achievementsSubmit, uni.token, draft.body.id)).body.status).toBe('submitted');

    const own = await session(['province:440300']);
    const other = await session(['province:440000']);
    const queue = await invoke(reviewList, { token: own.token });
    expect(queue.body.items.map((a: { id: string }) => a.id)).toContain(draft.body.id);
    expect(
      (await invoke(reviewList, { token: other.token })).body.items.map((a: { id: string }) => a.id),
    ).not.toContain(draft.body.id);
    const byOther = await act(reviewDecide, other.token, draft.body.id, { decision: 'publish' });
    expect(byOther.status).toBe(404);
    const returnWithout = await act(reviewDecide, own.token, draft.body.id, { decision: 'return' });
    expect(returnWithout.status).toBe(400);

    // Two reviewers at once: one publishes, the other is told it was handled.
    const [a, b] = await Promise.all(
      [own, await session(['province:440300'])].map((p) =>
        act(reviewDecide, p.token, draft.body.id, { decision: 'publish' }),
      ),
    );
    expect([a!.status, b!.status].sort()).toEqual([200, 409]);

    const pub = await invoke(achievementsGet, { params: { id: draft.body.id } });
    expect(pub.status).toBe(200);
    expect(pub.body.contact).toBeUndefined();
    expect(pub.text).not.toContain('zhang@');
    expect(pub.headers.etag).toBeDefined();
    const ownerView = await invoke(achievementsGet, { token: uni.token, params: { id: draft.body.id } });
    expect(ownerView.body.contact.name).toBe('张教授');

    for (const query of [
      { q: '电主轴' },
      { field: 'machine_tools' },
      { maturity: '8', mode: 'open_license' },
      {},
    ] as Record<string, string>[]) {
      const page = await invoke(achievementsList, { query: { ...query, limit: '50' } });
      expect(page.status).toBe(200);
      expect(page.body.items.map((x: { id: string }) => x.id)).toContain(draft.body.id);
      expect(page.text).not.toContain('zhang@');
    }
    for (const query of [
      { q: '固态电池隔膜' },
      { field: 'biomedicine' },
      { maturity: '9' },
      { mode: 'equity' },
    ] as Record<string, string>[]) {
      const page = await invoke(achievementsList, { query: { ...query, limit: '50' } });
      expect(page.body.items.map((x: { id: string }) => x.id)).not.toContain(draft.body.id);
    }
    const mine = await invoke(achievementsList, { token: uni.token, query: { mine: '1' } });
    expect(mine.body.items.map((x: { id: string }) => x.id)).toContain(draft.body.id);
  });

  it('refuses open licensing without terms, and a submitted achievement’s edit', async () => {
    const uni = await university();
    const bad = await create(uni.token, { openLicenseTerms: undefined });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.openLicenseTerms).toMatch(/许可条件/);
    const a = (await create(uni.token)).body;
    await act(achievementsSubmit, uni.token, a.id);
    const edit = await invoke(achievementsUpdate, {
      method: 'PUT',
      token: uni.token,
      params: { id: a.id },
      body: achievementInput(),
    });
    expect(edit.status).toBe(409);
  });
});

describe('interests', () => {
  it('pending → accepted (contacts exchanged) → signed; contacts never before; others see nothing', async () => {
    const uni = await university();
    const a = await published(uni.token);
    const sme = await enterprise({ contact: { name: '赵总', phone: '13900000001' } });
    const sent = await act(interestsCreate, sme.admin.token, a.id, { message: '我司需要电主轴热补偿，希望洽谈许可。' });
    expect(sent.status).toBe(201);
    expect(sent.body.status).toBe('pending');
    expect(sent.body.contacts).toBeUndefined();
    expect(sent.text).not.toContain('020-87110000');

    const received = await invoke(interestsList, { token: uni.token, query: { box: 'received' } });
    expect(received.body.items[0]).toMatchObject({
      id: sent.body.id,
      side: 'owner',
      allowedDecisions: ['accept', 'decline'],
    });
    expect(received.text).not.toContain('13900000001');

    const stranger = await enterprise();
    expect((await invoke(interestsGet, { token: stranger.admin.token, params: { id: sent.body.id } })).status).toBe(
      404,
    );
    const bySender = await act(interestsDecide, sme.admin.token, sent.body.id, { decision: 'accept' });
    expect(bySender.status).toBe(403);

    // Accept and decline at once: one wins.
    const [x, y] = await Promise.all(
      (['accept', 'decline'] as const).map((decision) => act(interestsDecide, uni.token, sent.body.id, { decision })),
    );
    expect([x!.status, y!.status].sort()).toEqual([200, 409]);
    const now = await invoke(interestsGet, { token: sme.admin.token, params: { id: sent.body.id } });
    if (now.body.status === 'talking') {
      expect(now.body.contacts.owner.phone).toBe('020-87110000');
      expect(now.body.contacts.sender.phone).toBe('13900000001');
      const signed = await act(interestsDecide, sme.admin.token, sent.body.id, { decision: 'sign' });
      expect(signed.body.status).toBe('signed');
    } else {
      expect(now.body.status).toBe('declined');
      expect(now.body.contacts).toBeUndefined();
    }

    // Each side was told in its inbox: the owner of the new interest, the sender of the answer (never a contact).
    const inbox = async (token: string) =>
      (await invoke(notificationsList, { token })).body.items as { title: string; link: string; body: string }[];
    const ownerInbox = await inbox(uni.token);
    expect(ownerInbox.map((n) => n.title)).toContain('收到新的对接意向');
    expect(ownerInbox.find((n) => n.title === '收到新的对接意向')!.link).toContain('box=received');
    const senderInbox = await inbox(sme.admin.token);
    const answer = now.body.status === 'talking' ? '对接意向已被接受' : '对接意向未被接受';
    expect(senderInbox.map((n) => n.title)).toContain(answer);
    expect(senderInbox.find((n) => n.title === answer)!.link).toContain('box=sent');
    for (const n of [...ownerInbox, ...senderInbox]) expect(JSON.stringify(n)).not.toMatch(/020-87110000|13900000001/);
  });

  it('one interest per organisation per achievement, also when 8 arrive at once; never on one’s own', async () => {
    const uni = await university();
    const a = await published(uni.token);
    const sme = await enterprise();
    const member = await session(['org_member'], sme.org.id);
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        act(interestsCreate, i % 2 ? member.token : sme.admin.token, a.id, { message: `第 ${i} 次提出对接意向` }),
      ),
    );
    expect(answers.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409, 409, 409]);
    expect(answers.find((r) => r.status === 409)!.body.error.code).toBe('INTEREST_EXISTS');
    const own = await act(interestsCreate, uni.token, a.id, { message: '本单位自己的成果' });
    expect(own.status).toBe(409);
    const noOrg = await session([]);
    expect((await act(interestsCreate, noOrg.token, a.id, { message: '没有单位的用户' })).status).toBe(403);
  });
});

describe('matching', () => {
  it('recommends matching demands with reasons; never an affiliated or own issuer; anonymous stays anonymous', async () => {
    const sme = await enterprise({ region: '440305' });
    const profile = await withProfile(sme, {
      summary: '专注高速电主轴与伺服驱动的研发制造，掌握电主轴热误差补偿与动平衡技术。',
      products: '电主轴、伺服电机、编码器',
      techFields: ['machine_tools'],
      keywords: ['电主轴', '伺服', '编码器'],
    });
    expect(profile.profile!.terms!.length).toBeGreaterThan(0);

    const issuer = await largeEnterprise();
    const affiliatedIssuer = await largeEnterprise();
    await declareSupplier(affiliatedIssuer, sme.org.creditCode);
    const text = {
      background: '数控机床电主轴高速运转发热，热变形影响加工精度。',
      difficulties: '电主轴热误差建模与实时补偿；伺服系统响应。',
    };
    const write = demandMatching(deps().store);
    const good = await publishedDemand(issuer.org, { title: '高速电主轴热误差补偿系统研制', ...text, anonymous: true });
    const affiliated = await publishedDemand(affiliatedIssuer.org, { title: '电主轴伺服驱动国产化', ...text });
    const unrelated = await publishedDemand(issuer.org, {
      title: '创新药物临床前安全性评价',
      field: 'biomedicine',
      background: '新药研发需要临床前毒理研究。',
      difficulties: '毒代动力学模型。',
      indicators: [{ name: '周期', target: '6 个月' }],
    });
    for (const d of [good, affiliated, unrelated]) await write(d);

    const res = await invoke(recommendationsList, { token: sme.admin.token, query: { limit: '20' } });
    expect(res.status).toBe(200);
    const ids = res.body.items.map((r: { id: string }) => r.id);
    expect(ids).toContain(good.id);
    expect(ids).not.toContain(affiliated.id);
    expect(ids).not.toContain(unrelated.id);
    const item = res.body.items.find((r: { id: string }) => r.id === good.id);
    expect(item.issuer).toBeNull();
    expect(res.text).not.toContain(issuer.org.name);
    expect(res.text).not.toContain(issuer.org.id);
    expect(item.reasons.join(' ')).toMatch(/领域相同：工业母机/);
    expect(item.reasons.join(' ')).toMatch(/关键词：.*电主轴/);

    // The issuer sees its own demand's matches: the SME (by its profile) and a published achievement.
    const uni = await university('广州机床研究院');
    const ach = await published(uni.token);
    const matches = await invoke(demandsMatches, { token: issuer.admin.token, params: { id: good.id } });
    expect(matches.status).toBe(200);
    const kinds = matches.body.items.map((m: { kind: string; id: string }) => `${m.kind}:${m.id}`);
    expect(kinds).toContain(`org:${sme.org.id}`);
    expect(kinds).toContain(`achievement:${ach.id}`);
    for (const m of matches.body.items) expect(m.reasons.length).toBeGreaterThan(0);
    expect((await invoke(demandsMatches, { token: sme.admin.token, params: { id: good.id } })).status).toBe(404);
  });
});
