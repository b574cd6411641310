/**
 * The 统计表 (附件6): prefilled from the counters, corrected with a note, submitted, returned with a comment,
 * resubmitted, accepted; the ministry's table of 37 authorities with lateness; the .xlsx of one report and the
 * national roll-up read back with exceljs (the roll-up's total row equals the sum of the reports).
 */
import { describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { statsReportSchema, statsReportsSchema, type StatsReport } from '@jiebang/shared';
import { handler as listH } from '../../functions/src/handlers/stats-reports-list';
import { handler as getH } from '../../functions/src/handlers/stats-report-get';
import { handler as putH } from '../../functions/src/handlers/stats-report-put';
import { handler as submitH } from '../../functions/src/handlers/stats-report-submit';
import { handler as returnH } from '../../functions/src/handlers/stats-report-return';
import { handler as acceptH } from '../../functions/src/handlers/stats-report-accept';
import { handler as exportH } from '../../functions/src/handlers/stats-report-export';
import { handler as rollupH } from '../../functions/src/handlers/stats-rollup-export';
import { deps, overrideDeps } from '../../functions/src/deps';
import { DynamoStatsRepository } from '../../functions/src/store/dynamo-stats';
import { expectWith } from '../support/expect-with';
import { invoke } from '../support/invoke';
import { AFTER, clockEachTestAt, evaluationWorld, who, type Who, selectWinners } from './evaluation-support';

// Just after the selections' deadline (2027-03-31), before the 2027H1 deadline (2027-07-10).
clockEachTestAt();

const P = { region: '440300', period: '2027H1' };
const get = (p: Who, params = P) => invoke<StatsReport>(getH, { token: p.token, params });
const put = (p: Who, body: unknown, params = P) =>
  invoke<StatsReport>(putH, { method: 'PUT', token: p.token, params, body });
const post = (h: typeof submitH, p: Who, body?: unknown, params = P) =>
  invoke<StatsReport>(h, { method: 'POST', token: p.token, params, ...(body ? { body } : {}) });

/** An export's status and, when 200, its first sheet's rows read back with exceljs. */
async function file(handler: typeof exportH, token: string, params: Record<string, string>) {
  const event = {
    version: '2.0',
    headers: { authorization: `Bearer ${token}` },
    pathParameters: params,
    requestContext: { requestId: 'stats-export-test' },
  } as unknown as APIGatewayProxyEventV2;
  const res = (await handler(event)) as { statusCode: number; body: string };
  const rows: unknown[][] = [];
  if (res.statusCode === 200) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(res.body, 'base64') as unknown as ArrayBuffer);
    wb.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  }
  return { status: res.statusCode, rows };
}

describe('统计表', () => {
  it('fill, correct, submit, return, resubmit, accept; exports read back; the roll-up adds up', async () => {
    // 3 applications of 深圳 SMEs in March 2027, one selected: the platform row's figures for 440300.
    const w = await evaluationWorld({ applicants: 3 });
    await selectWinners(w, [w.applicants[0]!.app.id]);

    const sz = await who(['province:440300'], null);
    const gd = await who(['province:440000'], null);
    const ministry = await who(['ministry'], null);
    const sme = await who(['org_admin'], w.applicants[0]!.org.id);

    const first = await get(sz);
    expectWith(first.status, first.text).toBe(200);
    const fresh = statsReportSchema.parse(first.body);
    expect(fresh).toMatchObject({
      state: 'not_started',
      version: 0,
      revision: 0,
      late: false,
      periodLabel: '2027年上半年',
    });
    const platform = fresh.rows.find((r) => r.key === 'platform')!;
    expect(platform.computed).toMatchObject({ talks: 3, intentions: 1, demands: 0, signed: 0 });
    expect((await get(gd)).status).toBe(403);
    expect((await get(sme)).status).toBe(403);
    expect((await get(ministry)).status).toBe(200);
    expect((await get(sz, { region: '999999', period: '2027H1' })).status).toBe(404);

    // A correction without a note is refused; with one, both values are kept.
    const rows = (talks: number, note?: string) => [
      {
        key: 'platform',
        cells: { talks, date: '2027-03', place: '深圳' },
        ...(note ? { notes: { talks: note } } : {}),
      },
      {
        key: 'e1',
        cells: {
          name: '“百场万企”深圳专场',
          type: '全国性专场',
          large: 12,
          smes: 80,
          institutions: 5,
          signed: 4,
          amount: 1200,
        },
      },
    ];
    const noNote = await put(sz, { version: 0, rows: rows(5) });
    expectWith(noNote.status, noNote.text).toBe(400);
    expect(noNote.text).toContain('rows.0.notes.talks');
    const saved = await put(sz, { version: 0, rows: rows(5, '另有 2 次线下洽谈未在平台登记') });
    expectWith(saved.status, saved.text).toBe(200);
    expect(saved.body.rows.find((r) => r.key === 'platform')).toMatchObject({
      cells: { talks: 5 },
      computed: { talks: 3 },
      notes: { talks: '另有 2 次线下洽谈未在平台登记' },
    });
    expect(saved.body.total).toMatchObject({ talks: 5, intentions: 1, signed: 4, amount: 1200, large: 12 });
    expect((await put(sz, { version: 0, rows: rows(5, '重复') })).status).toBe(409); // stale version
    expect((await put(gd, { version: 1, rows: rows(5, '越权') })).status).toBe(403);

    // Submit; the ministry cannot be bypassed, the province cannot edit what it submitted.
    expect((await post(acceptH, sz)).status).toBe(403);
    const submitted = await post(submitH, sz);
    expectWith(submitted.status, submitted.text).toBe(200);
    expect(submitted.body).toMatchObject({ state: 'submitted', revision: 1 });
    expect((await put(sz, { version: submitted.body.version, rows: rows(6, '再改') })).status).toBe(409);
    expect((await post(submitH, sz)).status).toBe(409);

    const returned = await post(returnH, ministry, { comment: '请补充活动举办地点' });
    expectWith(returned.status, returned.text).toBe(200);
    expect(returned.body).toMatchObject({ state: 'returned', comment: '请补充活动举办地点' });
    expect((await post(returnH, ministry, { comment: '再退' })).status).toBe(409);
    const edited = await put(sz, { version: returned.body.version, rows: rows(5, '另有 2 次线下洽谈未在平台登记') });
    expect(edited.body.state).toBe('returned');
    const again = await post(submitH, sz);
    expect(again.body).toMatchObject({ state: 'submitted', revision: 2 });
    expect(again.body.comment).toBeUndefined();
    // The first submission is kept as it was.
    const stats = new DynamoStatsRepository(deps().store);
    expect(await stats.getRevision('2027H1', '440300', 1)).toMatchObject({ revision: 1, state: 'submitted' });
    const accepted = await post(acceptH, ministry);
    expect(accepted.body).toMatchObject({ state: 'accepted', late: false });

    // The ministry's table: 37 authorities, 深圳 accepted, the others not started and not yet late.
    const list = statsReportsSchema.parse(
      (await invoke(listH, { token: ministry.token, query: { period: '2027H1' } })).body,
    );
    expect(list.items).toHaveLength(37);
    expect(list.items.find((l) => l.region === '440300')).toMatchObject({
      state: 'accepted',
      revision: 2,
      late: false,
    });
    expect(list.items.filter((l) => l.state === 'not_started')).toHaveLength(36);
    const own = statsReportsSchema.parse((await invoke(listH, { token: gd.token, query: { period: '2027H1' } })).body);
    expect(own.items.map((l) => l.region)).toEqual(['440000']);
    expect((await invoke(listH, { token: sme.token, query: { period: '2027H1' } })).status).toBe(403);

    // Lateness after the deadline: not submitted → late.
    const july = new Date('2027-07-11T00:00:00.000Z');
    overrideDeps({ clock: { now: () => new Date(july.getTime()) } });
    const { token } = await deps().tokens.issue(ministry.user, july);
    const later = statsReportsSchema.parse((await invoke(listH, { token, query: { period: '2027H1' } })).body);
    expect(later.items.find((l) => l.region === '440000')).toMatchObject({ state: 'not_started', late: true });
    expect(later.items.find((l) => l.region === '440300')).toMatchObject({ late: false });
    overrideDeps({ clock: { now: () => new Date(AFTER.getTime()) } });

    // A second report (广东) so that the roll-up sums two.
    const gdSaved = await put(
      gd,
      { version: 0, rows: [{ key: 'e1', cells: { name: '广东专场', signed: 2, amount: 300, large: 3 } }] },
      {
        region: '440000',
        period: '2027H1',
      },
    );
    expectWith(gdSaved.status, gdSaved.text).toBe(200);

    const one = await file(exportH, ministry.token, P);
    expect(one.status).toBe(200);
    const sheet = one.rows;
    expect(String(sheet[0]![0])).toContain('深圳市');
    expect(sheet[1]).toContain('签约金额（万元）');
    expect(sheet.at(-1)![0]).toBe('合计');
    expect(sheet.flat().join(' ')).toContain('平台数据 3，更正为 5（另有 2 次线下洽谈未在平台登记）');

    expect((await file(rollupH, sz.token, { period: '2027H1' })).status).toBe(403);
    const rollup = await file(rollupH, ministry.token, { period: '2027H1' });
    expect(rollup.status).toBe(200);
    const table = rollup.rows;
    const header = table[1]!.map(String);
    const body = table.slice(2, -1);
    const totalRow = table.at(-1)!;
    expect(body).toHaveLength(37);
    expect(totalRow[header.indexOf('主管部门')]).toBe('合计');
    for (const label of ['签约项目数', '签约金额（万元）', '对接洽谈次数', '参会大企业数']) {
      const i = header.indexOf(label);
      const sum = body.reduce((n, r) => n + Number(r[i] ?? 0), 0);
      expect(totalRow[i]).toBe(sum);
    }
    const signed = header.indexOf('签约项目数');
    expect(totalRow[signed]).toBe(4 + 2);
    expect(body.find((r) => r[0] === '440300')![header.indexOf('状态')]).toBe('已确认');
  }, 120_000);
});
