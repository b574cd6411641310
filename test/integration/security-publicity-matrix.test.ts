/**
 * The security matrix of 公示 (issue 17, item 2): every role against the three objection routes, on a published
 * result in its notice period. Any registered enterprise but the issuer's files; the ministry lists all and
 * answers; an enterprise lists its own; everyone else gets 401/403/404 with the error body, and no refusal or
 * foreign list carries the objection's text or its objector.
 */
import { beforeAll, describe, expect, it } from '@jest/globals';
import { errorBodySchema } from '@jiebang/shared';
import { handler as fileH } from '../../functions/src/handlers/objections-create';
import { handler as listH } from '../../functions/src/handlers/objections-list';
import { handler as decideH } from '../../functions/src/handlers/objections-decide';
import { handler as attachmentH } from '../../functions/src/handlers/objection-attachment';
import { localAttachments } from '../support/attachments';
import { ulid } from 'ulid';
import { invoke, type Answer } from '../support/invoke';
import { expectWith } from '../support/expect-with';
import {
  campaignClosingAfter,
  clockEachTestAt,
  makeOrg,
  repos,
  who,
  type EvaluationWorld,
  selectedWorld,
} from './evaluation-support';

clockEachTestAt();

const YEAR = 2034;
const ROLES = [
  'anonymous',
  'noEnterprise',
  'smeAdmin',
  'otherSme',
  'issuerAdmin',
  'issuerReviewer',
  'selectedSme',
  'province',
  'ministry',
  'platformAdmin',
] as const;
type Role = (typeof ROLES)[number];

let w: EvaluationWorld;
let tokens: Record<Role, string | undefined>;
let objectionId: string;
let smeOrgId: string;
const SECRET = '矩阵异议理由：入选企业资质证书已过期';
const OBJECTOR = '矩阵异议精工有限公司';

beforeAll(async () => {
  await campaignClosingAfter(YEAR);
  w = await selectedWorld({ campaignYear: YEAR });
  smeOrgId = (await makeOrg({ name: OBJECTOR })).id;
  const sme = await who(['org_admin'], smeOrgId);
  const other = await who(['org_admin'], (await makeOrg({ name: '矩阵旁观科技有限公司' })).id);
  tokens = {
    anonymous: undefined,
    noEnterprise: (await who([], null)).token,
    smeAdmin: sme.token,
    otherSme: other.token,
    issuerAdmin: w.admin.token,
    issuerReviewer: w.reviewers[0]!.token,
    selectedSme: w.applicants[0]!.admin.token,
    province: (await who(['province:110000'], null)).token,
    ministry: (await who(['ministry'], null)).token,
    platformAdmin: (await who(['admin'], null)).token,
  };
  const filed = await invoke(fileH, {
    method: 'POST',
    token: sme.token,
    params: { year: String(YEAR) },
    body: { demandId: w.demand.id, text: SECRET },
  });
  expectWith(filed.status, filed.text).toBe(201);
  objectionId = filed.body.id;
}, 120_000);

function refusedWithoutLeak(role: Role, res: Answer, status: number) {
  expect([role, res.status]).toEqual([role, status]);
  errorBodySchema.parse(res.body);
  expect([role, res.text.includes(SECRET) || res.text.includes(OBJECTOR)]).toEqual([role, false]);
}

describe('security matrix: 公示 objections', () => {
  it('POST /v1/campaigns/{year}/objections: registered enterprises other than the issuer (the selected one too)', async () => {
    const expected: Record<Role, number> = {
      anonymous: 401,
      noEnterprise: 403,
      smeAdmin: 201,
      otherSme: 201,
      issuerAdmin: 403,
      issuerReviewer: 403,
      selectedSme: 201,
      province: 403,
      ministry: 403,
      platformAdmin: 403,
    };
    for (const role of ROLES) {
      const res = await invoke(fileH, {
        method: 'POST',
        token: tokens[role],
        params: { year: String(YEAR) },
        body: { demandId: w.demand.id, text: `${role}：对遴选结果有异议，请核实入选企业的资质。` },
      });
      if (expected[role] === 201) expect([role, res.status]).toEqual([role, 201]);
      else refusedWithoutLeak(role, res, expected[role]);
    }
  });

  it('GET /v1/objections: the ministry all with the objector, an enterprise its own, no one else', async () => {
    for (const role of ROLES) {
      const res = await invoke(listH, { token: tokens[role] });
      if (role === 'anonymous') refusedWithoutLeak(role, res, 401);
      else if (['noEnterprise', 'province', 'platformAdmin'].includes(role)) refusedWithoutLeak(role, res, 403);
      else {
        expect([role, res.status]).toEqual([role, 200]);
        const sees = res.text.includes(SECRET);
        expect([role, sees]).toEqual([role, role === 'ministry' || role === 'smeAdmin']);
        if (role !== 'ministry' && role !== 'smeAdmin')
          expect([role, res.text.includes(OBJECTOR)]).toEqual([role, false]);
      }
    }
  });

  it('POST /v1/objections/{id}: the ministry only (404 for an unknown id), once', async () => {
    const body = { decision: 'dismissed', reply: '经核实，资质证书在有效期内，异议不成立。' };
    for (const role of ROLES.filter((r) => r !== 'ministry')) {
      const res = await invoke(decideH, { method: 'POST', token: tokens[role], params: { id: objectionId }, body });
      refusedWithoutLeak(role, res, role === 'anonymous' ? 401 : 403);
    }
    const unknown = await invoke(decideH, {
      method: 'POST',
      token: tokens.ministry,
      params: { id: '01J00000000000000000000000' },
      body,
    });
    refusedWithoutLeak('ministry', unknown, 404);
    const ok = await invoke(decideH, { method: 'POST', token: tokens.ministry, params: { id: objectionId }, body });
    expectWith(ok.status, ok.text).toBe(200);
    const again = await invoke(decideH, { method: 'POST', token: tokens.ministry, params: { id: objectionId }, body });
    expect(again.status).toBe(409);
  });

  describe('GET /v1/objections/{id}/attachments/{index}', () => {
    const server = localAttachments();

    it('the ministry and the objector open the PDF through a signed URL; no one else, and no other index', async () => {
      // The objector's PDF, uploaded to its own path and confirmed (the attachment record), then filed with it.
      const id = ulid();
      const key = `org/${smeOrgId}/${id}.pdf`;
      const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from('异议证明材料'), Buffer.alloc(500, 32)]);
      const ticket = await server().store.createUpload(key, pdf.length, 'application/pdf', new Date());
      expect((await fetch(ticket.url, { method: 'PUT', headers: ticket.headers, body: pdf })).status).toBe(200);
      await repos().orgs.putAttachment({
        id,
        orgId: smeOrgId,
        key,
        size: pdf.length,
        uploadedBy: 'test',
        createdAt: new Date().toISOString(),
      });
      const filed = await invoke(fileH, {
        method: 'POST',
        token: tokens.smeAdmin,
        params: { year: String(YEAR) },
        body: { demandId: w.demand.id, text: SECRET, attachments: [{ key, name: '资质证明.pdf' }] },
      });
      expectWith(filed.status, filed.text).toBe(201);
      const params = { id: filed.body.id, index: '0' };
      for (const role of ROLES) {
        const res = await invoke(attachmentH, { token: tokens[role], params });
        if (role === 'ministry' || role === 'smeAdmin') {
          expectWith(res.status, res.text).toBe(200);
          expect(res.body.name).toBe('资质证明.pdf');
          const got = Buffer.from(await (await fetch(res.body.url)).arrayBuffer());
          expect(got.equals(pdf)).toBe(true);
        } else refusedWithoutLeak(role, res, role === 'anonymous' ? 401 : 403);
      }
      const none = await invoke(attachmentH, { token: tokens.ministry, params: { id: filed.body.id, index: '1' } });
      refusedWithoutLeak('ministry', none, 404);
      const unknown = await invoke(attachmentH, { token: tokens.ministry, params: { id: ulid(), index: '0' } });
      refusedWithoutLeak('ministry', unknown, 404);
    });
  });
});
