import { beforeAll, describe, expect, it } from '@jest/globals';
import { expectWith } from '../support/expect-with';
import ExcelJS from 'exceljs';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { resultLineSchema, selectedSmeLineSchema } from '@jiebang/shared';
import { handler as resultsH } from '../../functions/src/handlers/results-list';
import { handler as resultsExportH } from '../../functions/src/handlers/results-export';
import { handler as smesH } from '../../functions/src/handlers/results-smes-list';
import { handler as smesExportH } from '../../functions/src/handlers/results-smes-export';
import { invoke } from '../support/invoke';
import {
  acceptedAsPassed,
  AFTER,
  clockAt,
  clockEachTestAt,
  evaluationWorld,
  releasedApplication,
  who,
  type EvaluationWorld,
  type Who,
  selectWinners,
} from './evaluation-support';

// A year of its own, so that the lists hold exactly what this file selected.
const YEAR = 2031;
let open: EvaluationWorld;
let hidden: EvaluationWorld;
let ningbo: Awaited<ReturnType<typeof releasedApplication>>;
let people: Record<'zhejiang' | 'ningbo' | 'ministry' | 'plain', Who>;

beforeAll(async () => {
  clockAt(AFTER);
  open = await evaluationWorld({ applicants: 2, campaignYear: YEAR, issuerName: '公开发榜重工集团有限公司' });
  hidden = await evaluationWorld({
    applicants: 1,
    anonymous: true,
    campaignYear: YEAR,
    issuerName: '绝密匿名装备集团有限公司',
  });
  // A 宁波 SME (3302xx): its authority is 宁波 (330200), not 浙江.
  ningbo = await releasedApplication(hidden.demand, '宁波甬江精密科技有限公司', {
    region: '330203',
    authorityRegion: '330200',
    qualifications: ['provincial_specialized'],
  });
  const decide = (w: EvaluationWorld, ids: string[]) => selectWinners(w, ids);
  await decide(open, [open.applicants[0]!.app.id]);
  await decide(hidden, [hidden.applicants[0]!.app.id, ningbo.app.id]);
  await acceptedAsPassed(hidden.admin, ningbo.app.id);
  people = {
    zhejiang: await who(['province:330000'], null),
    ningbo: await who(['province:330200'], null),
    ministry: await who(['ministry'], null),
    plain: await who([], null),
  };
}, 120_000);
clockEachTestAt();

const params = { year: String(YEAR) };

/** Invoke an export handler and read the workbook back (every cell's text). */
async function exported(handler: typeof resultsExportH, token?: string, query?: Record<string, string>) {
  const event = {
    version: '2.0',
    headers: token ? { authorization: `Bearer ${token}` } : {},
    pathParameters: params,
    queryStringParameters: query,
    requestContext: { requestId: 'export-test' },
  } as unknown as APIGatewayProxyEventV2;
  const res = (await handler(event)) as {
    statusCode: number;
    headers: Record<string, string>;
    body: string;
    isBase64Encoded?: boolean;
  };
  if (res.statusCode !== 200) return { status: res.statusCode, cells: [] as string[], rows: [] as string[][] };
  expect(res.isBase64Encoded).toBe(true);
  expect(res.headers['content-type']).toContain('spreadsheetml');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(res.body, 'base64') as unknown as ArrayBuffer);
  const rows: string[][] = [];
  wb.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
  return { status: 200, cells: rows.flat(), rows };
}

describe('the public 揭榜名单', () => {
  it('lists every selected applicant per demand; an anonymous issuer shows as 匿名发榜企业 and is named nowhere', async () => {
    const res = await invoke(resultsH, { params, query: { limit: '50' } });
    expectWith(res.status, res.text).toBe(200);
    const items = res.body.items.map((i: unknown) => resultLineSchema.parse(i));
    expect(items).toHaveLength(3);
    expect(items.filter((i: { issuerName: string }) => i.issuerName === '匿名发榜企业')).toHaveLength(2);
    expect(items.map((i: { orgName: string }) => i.orgName)).toContain(open.applicants[0]!.org.name);
    expect(res.text).not.toContain('绝密匿名装备集团');
    expect(res.text).not.toContain(hidden.issuer.id);
    expect(res.text).not.toContain(hidden.issuer.creditCode);
    expect(res.text).not.toContain(open.applicants[1]!.org.name); // not selected
    expect(res.text).not.toContain('qualifications');
    const page = await invoke(resultsH, { params, query: { limit: '2' } });
    const rest = await invoke(resultsH, { params, query: { limit: '2', cursor: page.body.nextCursor } });
    expect(page.body.items.length + rest.body.items.length).toBe(3);
    expect((await invoke(resultsH, { params: { year: '19' } })).status).toBe(400);
  });

  it('exports as .xlsx that parses back, without the anonymous issuer', async () => {
    const x = await exported(resultsExportH);
    expect(x.status).toBe(200);
    expect(x.rows[1]).toEqual(['序号', '需求名称', '所属领域', '发榜企业', '揭榜企业', '入选日期']);
    expect(x.rows).toHaveLength(2 + 3);
    expect(x.cells).toContain('公开发榜重工集团有限公司');
    expect(x.cells.filter((c) => c === '匿名发榜企业')).toHaveLength(2);
    expect(x.cells.join('|')).not.toContain('绝密匿名装备集团');
  });
});

describe('selected SMEs per authority region', () => {
  it('a province sees its own region only (宁波 is its own authority); another region is 403', async () => {
    const nb = await invoke(smesH, { token: people.ningbo.token, params });
    expectWith(nb.status, nb.text).toBe(200);
    const lines = nb.body.items.map((i: unknown) => selectedSmeLineSchema.parse(i));
    expect(lines.map((l: { orgName: string }) => l.orgName)).toEqual(['宁波甬江精密科技有限公司']);
    expect(lines[0]).toMatchObject({
      qualifications: ['provincial_specialized'],
      authorityRegion: '330200',
      issuerName: '匿名发榜企业',
      acceptance: { result: 'passed', supplierCatalogue: true },
    });
    expect(nb.text).not.toContain('绝密匿名装备集团');
    const zj = await invoke(smesH, { token: people.zhejiang.token, params });
    expect(zj.body.items).toEqual([]);
    expect((await invoke(smesH, { token: people.zhejiang.token, params, query: { region: '330200' } })).status).toBe(
      403,
    );
  });

  it('the ministry sees all, or one region', async () => {
    const all = await invoke(smesH, { token: people.ministry.token, params, query: { limit: '50' } });
    expect(all.body.items).toHaveLength(3);
    const one = await invoke(smesH, { token: people.ministry.token, params, query: { region: '330200' } });
    expect(one.body.items).toHaveLength(1);
  });

  it('SMEs, issuers, plain users are 403; no token 401', async () => {
    for (const p of [people.plain, open.admin, open.applicants[0]!.admin]) {
      const res = await invoke(smesH, { token: p.token, params });
      expect(res.status).toBe(403);
      expect(res.text).not.toContain('宁波甬江');
    }
    expect((await invoke(smesH, { params })).status).toBe(401);
    expect((await exported(smesExportH, people.plain.token)).status).toBe(403);
    expect((await exported(smesExportH)).status).toBe(401);
  });

  it('exports with qualifications and acceptance; the anonymous issuer stays hidden', async () => {
    const x = await exported(smesExportH, people.ministry.token);
    expect(x.status).toBe(200);
    expect(x.rows).toHaveLength(2 + 3);
    expect(x.cells).toContain('宁波甬江精密科技有限公司');
    expect(x.cells).toContain('省级专精特新中小企业');
    expect(x.cells).toContain('通过');
    expect(x.cells.join('|')).not.toContain('绝密匿名装备集团');
    const nb = await exported(smesExportH, people.ningbo.token);
    expect(nb.rows).toHaveLength(2 + 1);
  });
});
