/**
 * SME 发榜 (科技成果赋智, issue 15) through the handlers against DynamoDB Local: an SME's POST /v1/demands makes a
 * demand of track `sme` that goes the large enterprises' way (province → ministry → catalogue), with a track filter
 * in the catalogue. 221号's own rules stay on the large track: the intake deadline, the direct channel, the 300号
 * size of the issuer and of the applicant, the application window. Universities and institutes apply to an
 * sme-track demand (no size), other SMEs and service bodies do not; the affiliation rules hold; anonymity holds.
 */
import { afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { handler as createApp } from '../../functions/src/handlers/applications-create';
import { handler as submitApp } from '../../functions/src/handlers/applications-submit';
import { handler as catalogueH } from '../../functions/src/handlers/catalogue-list';
import { handler as catalogueGetH } from '../../functions/src/handlers/catalogue-get';
import { handler as createH } from '../../functions/src/handlers/demands-create';
import { handler as getH } from '../../functions/src/handlers/demands-get';
import { handler as decideH } from '../../functions/src/handlers/review-demands-decide';
import { handler as submitH } from '../../functions/src/handlers/demands-submit';
import { handler as affiliatesH } from '../../functions/src/handlers/orgs-affiliates-put';
import { handler as orgsCreate } from '../../functions/src/handlers/orgs-create';
import { overrideDeps } from '../../functions/src/deps';
import { systemClock } from '../../functions/src/clock';
import { CAMPAIGN, NOW, makeWorld, tokenAt, type Person, type World } from '../support/actors';
import { demandForm } from '../support/fixtures';
import { invoke } from '../support/invoke';
import { applicationInput, attachment, enterprise, session } from './applications-support';
import { institutionCode, university } from './library-support';

let w: World;
/** After 221号's intake deadline (2026-12-31), before the campaign's application deadline. */
const LATE = new Date('2027-01-05T02:00:00.000Z');
const at = (d: Date) => overrideDeps({ clock: { now: () => d } });
afterEach(() => overrideDeps({ clock: systemClock }));

beforeAll(async () => {
  w = await makeWorld();
}, 60_000);

const form = demandForm({ title: '小批量精密零件在线视觉检测需求' });
const create = (p: Person, over: Record<string, unknown> = {}) =>
  invoke(createH, { method: 'POST', token: p.token, body: { ...form, ...over } });
const submit = (p: Person, id: string, channel: 'province' | 'ministry') =>
  invoke(submitH, { method: 'POST', token: p.token, params: { id }, body: { channel } });
const decide = (p: Person, id: string, decision: string) =>
  invoke(decideH, { method: 'POST', token: p.token, params: { id }, body: { decision } });
const late = (p: Person) => tokenAt(p, LATE);

/** An SME's demand taken through the province and the ministry into the catalogue, at LATE. */
async function publishedSmeDemand(over: Record<string, unknown> = {}) {
  at(NOW);
  const draft = await create(w.people.smeUser, over);
  expect(draft.status).toBe(201);
  at(LATE);
  expect((await submit(await late(w.people.smeUser), draft.body.id, 'province')).status).toBe(200);
  const fwd = await decide(await late(w.people.issuerProvince), draft.body.id, 'forward');
  expect(fwd.text).toContain('forwarded');
  expect((await decide(await late(w.people.ministry), draft.body.id, 'publish')).body.status).toBe('published');
  return draft.body as { id: string; title: string };
}

/** An institute or a service body registered through POST /v1/orgs (category 12 机构编制, 52 民政). */
async function institution(kind: 'institute' | 'service', name: string, category: string) {
  const plain = await session([]);
  const res = await invoke(orgsCreate, {
    method: 'POST',
    token: plain.token,
    body: {
      kind,
      name,
      creditCode: institutionCode('440300', category),
      region: '440305',
      industry: 'other',
      contact: { name: '周研究员', phone: '0755-26000001' },
    },
  });
  expect(res.status).toBe(201);
  return { id: res.body.id as string, token: res.body.session.token as string };
}

/** A university's application to `demandId`: the draft's answer, and the submit's once it has an attachment. */
async function apply(demandId: string, token: string, orgId: string) {
  const created = await invoke(createApp, {
    method: 'POST',
    token,
    params: { id: demandId },
    body: applicationInput({ attachments: [await attachment(orgId)] }),
  });
  if (created.status !== 201) return { created, submitted: null };
  const submitted = await invoke(submitApp, { method: 'POST', token, params: { id: created.body.id } });
  return { created, submitted };
}

describe('SME 发榜: an SME’s demand', () => {
  it('is created on track sme, in the SME’s authority region; a large enterprise’s stays on the large track', async () => {
    at(NOW);
    const sme = await create(w.people.smeUser);
    expect(sme.status).toBe(201);
    expect(sme.body).toMatchObject({ track: 'sme', region: '440300', issuerOrgId: w.sme.id, status: 'draft' });
    const large = await create(w.people.issuerAdmin);
    expect(large.status).toBe(201);
    expect(large.body.track).toBeUndefined();
    // Still no demand for a user without an enterprise, nor for an authority.
    for (const p of [w.people.plainUser, w.people.ministry, w.people.issuerProvince])
      expect((await create(p)).status).toBe(403);
  });

  it('goes to its province only: the direct channel is 221号’s, for enterprises a department contacted', async () => {
    at(NOW);
    const d = (await create(w.people.smeUser)).body;
    const direct = await submit(w.people.smeUser, d.id, 'ministry');
    expect(direct.status).toBe(422);
    expect(direct.body.error.code).toBe('NOT_DIRECTLY_CONTACTED');
    expect(direct.body.error.message).toMatch(/省级中小企业主管部门/);
  });

  it('is not held to 221号’s intake deadline, which still closes the large track at the same instant', async () => {
    at(NOW);
    const small = (await create(w.people.smeUser)).body;
    const big = (await create(w.people.issuerAdmin)).body;
    at(LATE);
    const refused = await submit(await late(w.people.issuerAdmin), big.id, 'province');
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('INTAKE_CLOSED');
    const ok = await submit(await late(w.people.smeUser), small.id, 'province');
    expect(ok.status).toBe(200);
    expect(ok.body.status).toBe('submitted');
    // No 300号 size asked or recorded for an SME issuing on its own track.
    expect(ok.body.issuerSize).toBeUndefined();
    expect(ok.body.issuerSizeReason).toBeUndefined();
  });

  it('is reviewed province → ministry into the catalogue, found with track=sme and not with track=large', async () => {
    const d = await publishedSmeDemand({ field: 'new_materials' });
    const page = async (query: Record<string, string>) =>
      (await invoke(catalogueH, { query: { limit: '50', ...query } })).body.items.map((i: { id: string }) => i.id);
    expect(await page({ track: 'sme' })).toContain(d.id);
    expect(await page({ track: 'sme', field: 'new_materials' })).toContain(d.id);
    expect(await page({ track: 'sme', field: 'new_materials', region: '440300', open: '1' })).toContain(d.id);
    expect(await page({ track: 'large' })).not.toContain(d.id);
    expect(await page({ track: 'sme', field: 'machine_tools' })).not.toContain(d.id);
    expect(await page({})).toContain(d.id);
    const detail = await invoke(catalogueGetH, { params: { id: d.id } });
    expect(detail.body.track).toBe('sme');
    expect((await invoke(catalogueH, { query: { track: 'both' } })).status).toBe(400);
  });

  it('keeps an anonymous SME issuer anonymous in the catalogue', async () => {
    const d = await publishedSmeDemand({ anonymous: true });
    const list = await invoke(catalogueH, { query: { track: 'sme', limit: '50' } });
    const card = list.body.items.find((c: { id: string }) => c.id === d.id);
    expect(card.issuer).toBeNull();
    const detail = await invoke(catalogueGetH, { params: { id: d.id } });
    expect(detail.status).toBe(200);
    for (const text of [JSON.stringify(card), detail.text])
      for (const secret of [w.sme.name, w.sme.creditCode, w.sme.id, '王工', '010-88886666'])
        expect(text).not.toContain(secret);
    // The issuer still sees its own demand whole.
    at(LATE);
    const own = await invoke(getH, { token: (await late(w.people.smeUser)).token, params: { id: d.id } });
    expect(own.body.issuerName).toBe(w.sme.name);
  });
});

describe('SME 发榜: who applies', () => {
  // publishedSmeDemand leaves the clock at LATE: the applicants' sessions are issued then too.
  it('a university applies and submits (no 300号 size; the campaign’s window is the large track’s)', async () => {
    const d = await publishedSmeDemand();
    const uni = await university('深圳理工大学');
    const { created, submitted } = await apply(d.id, uni.token, uni.org.id);
    expect(created.status).toBe(201);
    expect(created.body.orgSize).toBe('university');
    expect(submitted!.status).toBe(200);
    expect(submitted!.body.status).toBe('submitted');
    // One application per organisation and demand, as on the large track.
    const again = await apply(d.id, uni.token, uni.org.id);
    expect(again.submitted!.status).toBe(409);
    expect(again.submitted!.body.error.code).toBe('DUPLICATE_APPLICATION');
  });

  it('an institute applies; another SME and a service body are refused with the reason', async () => {
    const d = await publishedSmeDemand();
    const institute = await institution('institute', '深圳精密制造研究院', '12');
    expect((await apply(d.id, institute.token, institute.id)).created.status).toBe(201);

    const otherSme = await enterprise({ name: '深圳另一家中小企业有限公司' });
    const smeTry = await apply(d.id, otherSme.admin.token, otherSme.org.id);
    expect(smeTry.created.status).toBe(422);
    expect(smeTry.created.body.error.code).toBe('NOT_ELIGIBLE_APPLICANT');
    expect(smeTry.created.body.error.message).toMatch(/高校、科研院所/);
    const service = await institution('service', '深圳技术转移服务中心', '52');
    expect((await apply(d.id, service.token, service.id)).created.body.error.code).toBe('NOT_ELIGIBLE_APPLICANT');
  });

  it('a university may not apply to a large enterprise’s demand (only SMEs 揭榜 221号’s)', async () => {
    at(NOW);
    const big = (await create(w.people.issuerAdmin)).body;
    expect((await submit(w.people.issuerAdmin, big.id, 'province')).status).toBe(200);
    expect((await decide(w.people.issuerProvince, big.id, 'forward')).status).toBe(200);
    expect((await decide(w.people.ministry, big.id, 'publish')).status).toBe(200);
    overrideDeps({ clock: systemClock });
    const uni = await university('北方工业大学');
    const res = await apply(big.id, uni.token, uni.org.id);
    expect(res.created.status).toBe(422);
    expect(res.created.body.error.code).toBe('NOT_SME');
  });

  it('the affiliation rules hold: a university on the SME issuer’s affiliate list is refused at submission', async () => {
    const d = await publishedSmeDemand({ anonymous: true });
    const uni = await university('深圳合作大学');
    at(LATE);
    const declared = await invoke(affiliatesH, {
      method: 'PUT',
      token: (await late(w.people.smeUser)).token,
      params: { id: w.sme.id },
      body: { affiliates: [{ creditCode: uni.org.creditCode, relation: 'supplier' }] },
    });
    expect(declared.status).toBe(200);
    const res = await apply(d.id, uni.token, uni.org.id);
    expect(res.created.status).toBe(201);
    expect(res.submitted!.status).toBe(422);
    expect(res.submitted!.body.error.code).toBe('AFFILIATED_WITH_ISSUER');
    for (const secret of [w.sme.name, w.sme.creditCode, w.sme.id]) expect(res.submitted!.text).not.toContain(secret);
  });
});

it('the campaign of the tests is the one the actors made', () => {
  expect(CAMPAIGN.demandIntakeDeadline < LATE.toISOString()).toBe(true);
});
