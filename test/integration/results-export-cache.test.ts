/**
 * The .xlsx exports are answered by the version of their lines (issue 12, finding 11): the ETag derives from the
 * version item the selection and acceptance transactions count their changes on, a matching If-None-Match gets
 * 304 from one GetItem (no line read, nothing built), and a file built for a version is reused while it stands.
 * A selection changes the public export and the lists of the regions it touches; an acceptance changes only the
 * authorities' exports.
 */
import { beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { handler as resultsExportH } from '../../functions/src/handlers/results-export';
import { handler as smesExportH } from '../../functions/src/handlers/results-smes-export';
import { expectWith } from '../support/expect-with';
import { spyOnStore } from '../support/store-spy';
import {
  acceptedAsPassed,
  clockEachTestAt,
  evaluationWorld,
  releasedApplication,
  selectedWorld,
  selectWinners,
  who,
  type Applicant,
  type EvaluationWorld,
  type Who,
} from './evaluation-support';

clockEachTestAt();

const YEAR = 2032;
const params = { year: String(YEAR) };
let first: EvaluationWorld;
let second: EvaluationWorld;
let ningbo: Applicant;
let people: Record<'shenzhen' | 'ningbo' | 'ministry', Who>;

beforeAll(async () => {
  // The first world's applicant, selected, belongs to 深圳 (440300); the second world's one to 宁波 (330200).
  first = await selectedWorld({
    campaignYear: YEAR,
    issuerName: '先行装备集团有限公司',
    justification: '综合评分靠前',
  });
  second = await evaluationWorld({ applicants: 0, campaignYear: YEAR, issuerName: '后续装备集团有限公司' });
  ningbo = await releasedApplication(second.demand, '宁波后续入选科技有限公司', {
    region: '330203',
    authorityRegion: '330200',
  });
  people = {
    shenzhen: await who(['province:440300'], null),
    ningbo: await who(['province:330200'], null),
    ministry: await who(['ministry'], null),
  };
}, 120_000);

const select = (w: EvaluationWorld, id: string) => selectWinners(w, [id]);

type ExportHandler = typeof resultsExportH;

/** GET an export as API Gateway would; the DynamoDB commands it sent, and the workbook's cells when it is a 200. */
async function download(handler: ExportHandler, o: { token?: string; region?: string; ifNoneMatch?: string } = {}) {
  const event = {
    version: '2.0',
    headers: {
      ...(o.token ? { authorization: `Bearer ${o.token}` } : {}),
      ...(o.ifNoneMatch ? { 'if-none-match': o.ifNoneMatch } : {}),
    },
    pathParameters: params,
    queryStringParameters: o.region ? { region: o.region } : undefined,
    requestContext: { requestId: 'export-cache-test', http: { method: 'GET', sourceIp: '192.0.2.1' } },
  } as unknown as APIGatewayProxyEventV2;
  const spy = spyOnStore();
  try {
    const res = (await handler(event)) as { statusCode: number; headers: Record<string, string>; body: string };
    const commands = spy.commands();
    const data = res.statusCode === 200 ? Buffer.from(res.body, 'base64') : Buffer.alloc(0);
    const cells: string[] = [];
    if (res.statusCode === 200) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(data as unknown as ArrayBuffer);
      wb.worksheets[0]!.eachRow((row) => cells.push(...(row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
    }
    return { status: res.statusCode, headers: res.headers, body: res.body, data, cells, commands };
  } finally {
    spy.restore();
  }
}

describe('the public export', () => {
  it('is built once for a version: the second download reuses the file, a conditional one gets 304', async () => {
    const a = await download(resultsExportH);
    expectWith(a.status, a.body).toBe(200);
    expect(a.headers).toMatchObject({
      etag: expect.stringMatching(/^"[\w-]{32}"$/),
      'cache-control': 'public, no-cache',
    });
    expect(a.commands).toEqual(['GetCommand', 'QueryCommand']); // the version, then the lines
    expect(a.cells).toContain(first.applicants[0]!.org.name);

    const b = await download(resultsExportH);
    expect(b.status).toBe(200);
    expect(b.headers.etag).toBe(a.headers.etag);
    expect(b.data.equals(a.data)).toBe(true);
    expect(b.commands).toEqual(['GetCommand']); // no line read, nothing built

    const c = await download(resultsExportH, { ifNoneMatch: a.headers.etag });
    expect(c.status).toBe(304);
    expect(c.body).toBe('');
    expect(c.headers).toMatchObject({ etag: a.headers.etag, 'cache-control': 'public, no-cache' });
    expect(c.headers['content-type']).toBeUndefined();
    expect(c.commands).toEqual(['GetCommand']);
  });

  it('changes with a new selection: the old ETag gets the new file, with the new line', async () => {
    const before = await download(resultsExportH);
    const shenzhen = await download(smesExportH, { token: people.shenzhen.token });
    await select(second, ningbo.app.id);
    const after = await download(resultsExportH, { ifNoneMatch: before.headers.etag });
    expect(after.status).toBe(200);
    expect(after.headers.etag).not.toBe(before.headers.etag);
    expect(after.commands).toEqual(['GetCommand', 'QueryCommand']);
    expect(after.cells).toContain('宁波后续入选科技有限公司');
    expect(after.cells).toContain(first.applicants[0]!.org.name);
    // 深圳's list did not change: its export is still current.
    const again = await download(smesExportH, { token: people.shenzhen.token, ifNoneMatch: shenzhen.headers.etag });
    expect(again.status).toBe(304);
    expect(again.commands).not.toContain('QueryCommand'); // (the envelope may read the caller's membership)
  });
});

describe("the authorities' export", () => {
  it('is private, per scope, and changes with an acceptance, which leaves the public export as it was', async () => {
    const pub = await download(resultsExportH);
    const nb = await download(smesExportH, { token: people.ningbo.token });
    expectWith(nb.status, nb.body).toBe(200);
    expect(nb.headers['cache-control']).toBe('private, no-cache');
    expect(nb.cells).toContain('未验收');
    const all = await download(smesExportH, { token: people.ministry.token });
    expect(all.headers.etag).not.toBe(nb.headers.etag);
    const nbAgain = await download(smesExportH, { token: people.ningbo.token, ifNoneMatch: nb.headers.etag });
    expect(nbAgain.status).toBe(304);

    await acceptedAsPassed(second.admin, ningbo.app.id);

    const nbAfter = await download(smesExportH, { token: people.ningbo.token, ifNoneMatch: nb.headers.etag });
    expect(nbAfter.status).toBe(200);
    expect(nbAfter.cells).toContain('通过');
    const allAfter = await download(smesExportH, { token: people.ministry.token, ifNoneMatch: all.headers.etag });
    expect(allAfter.status).toBe(200);
    expect((await download(resultsExportH, { ifNoneMatch: pub.headers.etag })).status).toBe(304);
  });

  it('checks who asks before answering 304: a tag from elsewhere gives no one the file or its version', async () => {
    const nb = await download(smesExportH, { token: people.ningbo.token });
    const other = await download(smesExportH, {
      token: people.shenzhen.token,
      region: '330200',
      ifNoneMatch: nb.headers.etag,
    });
    expect(other.status).toBe(403);
    expect(other.headers.etag).toBeUndefined();
    expect((await download(smesExportH, { ifNoneMatch: nb.headers.etag })).status).toBe(401);
  });
});
