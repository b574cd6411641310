/**
 * The security matrix of the statistics routes: every role against every route, on 深圳's report (440300) for
 * 2027H1, submitted. Only 深圳's authority edits and submits it; only the ministry returns, accepts and exports the
 * roll-up; a province reads its own dashboard and report, never another region's; enterprises (issuers, SMEs,
 * reviewers), the platform admin and anonymous callers get 401/403/404 with the error body and no figure.
 */
import { describe, expect, it } from '@jest/globals';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { errorBodySchema } from '@jiebang/shared';
import { handler as overviewH } from '../../functions/src/handlers/stats-overview';
import { handler as listH } from '../../functions/src/handlers/stats-reports-list';
import { handler as getH } from '../../functions/src/handlers/stats-report-get';
import { handler as putH } from '../../functions/src/handlers/stats-report-put';
import { handler as submitH } from '../../functions/src/handlers/stats-report-submit';
import { handler as returnH } from '../../functions/src/handlers/stats-report-return';
import { handler as acceptH } from '../../functions/src/handlers/stats-report-accept';
import { handler as exportH } from '../../functions/src/handlers/stats-report-export';
import { handler as rollupH } from '../../functions/src/handlers/stats-rollup-export';
import { invoke, type Answer } from '../support/invoke';
import { expectWith } from '../support/expect-with';
import { clockEachTestAt, evaluationWorld, who } from './evaluation-support';

clockEachTestAt();

type Role =
  | 'anonymous'
  | 'province'
  | 'otherProvince'
  | 'ministry'
  | 'platformAdmin'
  | 'issuerAdmin'
  | 'issuerReviewer'
  | 'smeAdmin'
  | 'noEnterprise';
const ROLES: Role[] = [
  'anonymous',
  'province',
  'otherProvince',
  'ministry',
  'platformAdmin',
  'issuerAdmin',
  'issuerReviewer',
  'smeAdmin',
  'noEnterprise',
];

const P = { region: '440300', period: '2027H1' };
const ROWS = { version: 1, rows: [{ key: 'e1', cells: { name: '专场', signed: 1 } }] };

/** A file route answers base64 on 200; anything else is JSON. */
async function raw(handler: typeof exportH, token: string | undefined, params: Record<string, string>) {
  const res = (await handler({
    version: '2.0',
    headers: token ? { authorization: `Bearer ${token}` } : {},
    pathParameters: params,
    requestContext: { requestId: 'matrix' },
  } as unknown as APIGatewayProxyEventV2)) as { statusCode: number; body: string };
  return { status: res.statusCode, text: res.statusCode === 200 ? '' : res.body };
}

/** Route → the roles allowed (with the status they get); every other role must be refused. */
const MATRIX: {
  name: string;
  call: (token: string | undefined) => Promise<{ status: number; text: string }>;
  allowed: Partial<Record<Role, number>>;
}[] = [
  {
    name: 'GET /v1/stats/overview?region=440300',
    call: (token) => invoke(overviewH, { token, query: { region: '440300', year: '2027' } }),
    allowed: { province: 200, ministry: 200 },
  },
  {
    name: 'GET /v1/stats/overview',
    call: (token) => invoke(overviewH, { token, query: { year: '2027' } }),
    allowed: { province: 200, otherProvince: 200, ministry: 200 },
  },
  {
    name: 'GET /v1/stats/reports',
    call: (token) => invoke(listH, { token, query: { period: '2027H1' } }),
    allowed: { province: 200, otherProvince: 200, ministry: 200 },
  },
  {
    name: 'GET report',
    call: (token) => invoke(getH, { token, params: P }),
    allowed: { province: 200, ministry: 200 },
  },
  {
    name: 'GET report export',
    call: (token) => raw(exportH, token, P),
    allowed: { province: 200, ministry: 200 },
  },
  {
    name: 'GET roll-up export',
    call: (token) => raw(rollupH, token, { period: '2027H1' }),
    allowed: { ministry: 200 },
  },
  // Writes last; the report is submitted, so its own province's save and submit are 409 (state), not 403.
  {
    name: 'PUT report',
    call: (token) => invoke(putH, { method: 'PUT', token, params: P, body: ROWS }),
    allowed: { province: 409 },
  },
  {
    name: 'POST submit',
    call: (token) => invoke(submitH, { method: 'POST', token, params: P }),
    allowed: { province: 409 },
  },
  {
    name: 'POST return',
    call: (token) => invoke(returnH, { method: 'POST', token, params: P, body: { comment: '请补充' } }),
    allowed: {},
  },
  { name: 'POST accept', call: (token) => invoke(acceptH, { method: 'POST', token, params: P }), allowed: {} },
];

describe('statistics: every role × every route', () => {
  it('refuses whoever may not, with the error body and no figure', async () => {
    const w = await evaluationWorld({ applicants: 1 });
    const province = await who(['province:440300'], null);
    const tokens: Record<Role, string | undefined> = {
      anonymous: undefined,
      province: province.token,
      otherProvince: (await who(['province:440000'], null)).token,
      ministry: (await who(['ministry'], null)).token,
      platformAdmin: (await who(['admin'], null)).token,
      issuerAdmin: w.admin.token,
      issuerReviewer: w.reviewers[0]!.token,
      smeAdmin: w.applicants[0]!.admin.token,
      noEnterprise: (await who([], null)).token,
    };
    // 深圳 saves and submits: the report the matrix probes.
    expect(
      (await invoke(putH, { method: 'PUT', token: province.token, params: P, body: { ...ROWS, version: 0 } })).status,
    ).toBe(200);
    expect((await invoke(submitH, { method: 'POST', token: province.token, params: P })).status).toBe(200);

    const seen: string[] = [];
    for (const route of MATRIX) {
      for (const role of ROLES) {
        // The ministry's decisions change the report: they are taken once, after the matrix (below).
        if (role === 'ministry' && (route.name === 'POST return' || route.name === 'POST accept')) continue;
        const res: Answer | { status: number; text: string } = await route.call(tokens[role]);
        const want = route.allowed[role];
        if (want) {
          expectWith(res.status, `${route.name} as ${role}: ${res.text}`).toBe(want);
          continue;
        }
        const expected = role === 'anonymous' ? [401] : [403, 404];
        expectWith(expected.includes(res.status), `${route.name} as ${role} → ${res.status} ${res.text}`).toBe(true);
        expect(errorBodySchema.safeParse(JSON.parse(res.text)).success).toBe(true);
        expect(res.text).not.toMatch(/专场|总计|合计|platform/);
        seen.push(`${route.name}|${role}`);
      }
    }
    expect(seen.length).toBeGreaterThan(60);
    // The ministry's decisions, last: return, then accept after the resubmission.
    expect((await MATRIX.find((r) => r.name === 'POST return')!.call(tokens.ministry)).status).toBe(200);
    expect((await invoke(submitH, { method: 'POST', token: province.token, params: P })).status).toBe(200);
    expect((await MATRIX.find((r) => r.name === 'POST accept')!.call(tokens.ministry)).status).toBe(200);
  }, 120_000);
});
