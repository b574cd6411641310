/**
 * The security matrix of 揭榜企业与政策支持 (issue 16, item 7): every role against the four routes, on an SME
 * selected in the campaign. Only authorities read and record: the SME's own province and the ministry; another
 * province lists its own region and does not find this SME (404); everyone else gets 401/403 with the error body,
 * and no refusal carries the SME's credit code.
 */
import { beforeAll, describe, expect, it } from '@jest/globals';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { errorBodySchema } from '@jiebang/shared';
import { handler as listH } from '../../functions/src/handlers/supported-smes-list';
import { handler as exportH } from '../../functions/src/handlers/supported-smes-export';
import { handler as recordH } from '../../functions/src/handlers/support-records-create';
import { handler as recordsH } from '../../functions/src/handlers/support-records-list';
import { invoke, type Answer } from '../support/invoke';
import { clockEachTestAt, makeOrg, selectedWorld, who, type EvaluationWorld } from './evaluation-support';

clockEachTestAt();

// 2027: support dates must fall in the campaign year and not after the (fixed) clock, 2027-03-31.
const YEAR = 2027;
const ROLES = [
  'anonymous',
  'noEnterprise',
  'smeAdmin',
  'issuerAdmin',
  'issuerReviewer',
  'selectedSme',
  'province',
  'otherProvince',
  'ministry',
  'platformAdmin',
] as const;
type Role = (typeof ROLES)[number];

let w: EvaluationWorld;
let tokens: Record<Role, string | undefined>;

beforeAll(async () => {
  w = await selectedWorld({ campaignYear: YEAR });
  tokens = {
    anonymous: undefined,
    noEnterprise: (await who([], null)).token,
    smeAdmin: (await who(['org_admin'], (await makeOrg({ name: '矩阵旁观政策科技有限公司' })).id)).token,
    issuerAdmin: w.admin.token,
    issuerReviewer: w.reviewers[0]!.token,
    selectedSme: w.applicants[0]!.admin.token,
    province: (await who([`province:${w.applicants[0]!.org.authorityRegion}`], null)).token,
    otherProvince: (await who(['province:110000'], null)).token,
    ministry: (await who(['ministry'], null)).token,
    platformAdmin: (await who(['admin'], null)).token,
  };
}, 120_000);

const OUTSIDERS: Role[] = ['noEnterprise', 'smeAdmin', 'issuerAdmin', 'issuerReviewer', 'selectedSme', 'platformAdmin'];

function expected(role: Role, ok: number, otherProvince: number): number {
  if (role === 'anonymous') return 401;
  if (OUTSIDERS.includes(role)) return 403;
  return role === 'otherProvince' ? otherProvince : ok;
}

function check(role: Role, res: Answer, status: number) {
  expect([role, res.status]).toEqual([role, status]);
  if (status >= 400) {
    errorBodySchema.parse(res.body);
    expect([role, res.text.includes(w.applicants[0]!.org.creditCode)]).toEqual([role, false]);
  }
}

const params = () => ({ year: String(YEAR), orgId: w.applicants[0]!.org.id });

describe('security matrix: 揭榜企业与政策支持', () => {
  it('GET /v1/campaigns/{year}/supported-smes: authorities only (a province its own region)', async () => {
    for (const role of ROLES) {
      const res = await invoke(listH, { token: tokens[role], params: { year: String(YEAR) } });
      check(role, res, expected(role, 200, 200));
      if (role === 'otherProvince') expect(res.text).not.toContain(w.applicants[0]!.org.creditCode);
      if (role === 'province' || role === 'ministry') expect(res.text).toContain(w.applicants[0]!.org.creditCode);
    }
  });

  it('GET /v1/campaigns/{year}/supported-smes/export: authorities only', async () => {
    for (const role of ROLES) {
      const event = {
        version: '2.0',
        headers: tokens[role] ? { authorization: `Bearer ${tokens[role]}` } : {},
        pathParameters: { year: String(YEAR) },
        requestContext: { requestId: 'matrix' },
      } as unknown as APIGatewayProxyEventV2;
      const res = (await exportH(event)) as { statusCode: number };
      expect([role, res.statusCode]).toEqual([role, expected(role, 200, 200)]);
    }
  });

  it('POST /v1/campaigns/{year}/supported-smes/{orgId}/support: the SME’s province and the ministry', async () => {
    for (const role of ROLES) {
      const res = await invoke(recordH, {
        method: 'POST',
        token: tokens[role],
        params: params(),
        body: { measure: '资金奖补', amountYuan: 100_000, date: '2027-03-01' },
      });
      check(role, res, expected(role, 201, 404));
    }
  });

  it('GET /v1/campaigns/{year}/supported-smes/{orgId}/support: the SME’s province and the ministry', async () => {
    for (const role of ROLES) {
      const res = await invoke(recordsH, { token: tokens[role], params: params() });
      check(role, res, expected(role, 200, 404));
      if (res.status === 200) expect(res.body.items).toHaveLength(2);
    }
  });
});
