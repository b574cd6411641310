/**
 * 揭榜企业与政策支持 (issue 16, item 7): the authorities' list of a campaign's selected SMEs (one entry per SME,
 * written by the selection's transaction), filtered by qualification and scoped to the SME's own authority; the
 * support recorded per SME — append-only, audited, counted on the entry in the record's transaction, once per
 * Idempotency-Key, both of two concurrent records counted; and its .xlsx export.
 */
import { beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { supportedSmeSchema, supportRecordSchema } from '@jiebang/shared';
import { handler as listH } from '../../functions/src/handlers/supported-smes-list';
import { handler as exportH } from '../../functions/src/handlers/supported-smes-export';
import { handler as recordH } from '../../functions/src/handlers/support-records-create';
import { handler as recordsH } from '../../functions/src/handlers/support-records-list';
import { deps } from '../../functions/src/deps';
import { DynamoAuditRepository } from '../../functions/src/store/dynamo-audit';
import { keys } from '../../functions/src/store/keys';
import { verifyChain } from '../../functions/src/domain/audit-hash';
import { DynamoEvaluationRepository } from '../../functions/src/store/dynamo-evaluation';
import { DynamoPolicySupportRepository } from '../../functions/src/store/dynamo-policy-support';
import { invoke } from '../support/invoke';
import { expectWith } from '../support/expect-with';
import {
  clockAt,
  releasedApplication,
  selectedWorld,
  who,
  type Applicant,
  type EvaluationWorld,
  type Who,
} from './evaluation-support';

// A year of its own: the lists hold exactly what this file selected. Support is recorded "today" in that year.
const YEAR = 2036;
const TODAY = new Date('2036-06-10T04:00:00.000Z'); // 2036-06-10 in Beijing
let w: EvaluationWorld;
let zhejiang: Applicant;
let ningbo: Applicant;
let people: Record<'zhejiang' | 'shenzhen' | 'ministry' | 'sme', Who>;
const params = { year: String(YEAR) };

beforeAll(async () => {
  // 深圳 SMEs (440300), 小巨人 + 高新: the first selected with 杭州's, 宁波's not.
  w = await selectedWorld({
    applicants: 2,
    campaignYear: YEAR,
    alsoSelect: async (world) => {
      zhejiang = await releasedApplication(world.demand, '杭州西溪专精特新科技有限公司', {
        region: '330106',
        authorityRegion: '330000',
        qualifications: ['provincial_specialized'],
      });
      ningbo = await releasedApplication(world.demand, '宁波甬江未入选科技有限公司', {
        region: '330203',
        authorityRegion: '330200',
        qualifications: ['innovative_sme'],
      });
      return [zhejiang.app.id];
    },
  });
  // Tokens valid at TODAY (the fixtures' are issued years before).
  const today = async (p: Who): Promise<Who> => ({ ...p, token: (await deps().tokens.issue(p.user, TODAY)).token });
  people = {
    zhejiang: await today(await who(['province:330000'], null)),
    shenzhen: await today(await who(['province:440300'], null)),
    ministry: await today(await who(['ministry'], null)),
    sme: await today(w.applicants[0]!.admin),
  };
  clockAt(TODAY);
}, 120_000);

const list = (token: string, query: Record<string, string> = {}) => invoke(listH, { token, params, query });
const record = (token: string, orgId: string, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
  invoke(recordH, { method: 'POST', token, params: { ...params, orgId }, body, headers });
const names = (res: { body: { items: { orgName: string }[] } }) => res.body.items.map((i) => i.orgName).sort();
const SUPPORT = { measure: '资金奖补', amountYuan: 500_000, date: '2036-06-01', note: '专精特新发展专项资金' };

describe('the authorities’ list of selected SMEs', () => {
  it('one entry per selected SME with its demand; filtered by qualification; a province sees its own region', async () => {
    const all = await list(people.ministry.token);
    expectWith(all.status, all.text).toBe(200);
    expect(names(all)).toEqual([w.applicants[0]!.org.name, zhejiang.org.name].sort());
    for (const i of all.body.items) supportedSmeSchema.parse(i);
    expect(all.body.items[0].demands).toEqual([{ demandId: w.demand.id, demandTitle: w.demand.title }]);
    expect(all.text).not.toContain(ningbo.org.name); // not selected

    expect(names(await list(people.ministry.token, { qualification: 'provincial_specialized' }))).toEqual([
      zhejiang.org.name,
    ]);
    expect(names(await list(people.ministry.token, { qualification: 'little_giant' }))).toEqual([
      w.applicants[0]!.org.name,
    ]);
    expect(names(await list(people.ministry.token, { qualification: 'innovative_sme' }))).toEqual([]);
    expect(names(await list(people.ministry.token, { region: '330000' }))).toEqual([zhejiang.org.name]);
    const bad = await list(people.ministry.token, { qualification: 'high_tech' });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('资质应为');

    expect(names(await list(people.zhejiang.token))).toEqual([zhejiang.org.name]);
    expect(names(await list(people.shenzhen.token))).toEqual([w.applicants[0]!.org.name]);
    const foreign = await list(people.zhejiang.token, { region: '440300' });
    expect(foreign.status).toBe(403);
    expect(foreign.text).toContain('本辖区');
  });

  it('pages: one entry a page, then the next', async () => {
    const first = await list(people.ministry.token, { limit: '1' });
    expect(first.body.items).toHaveLength(1);
    const second = await list(people.ministry.token, { limit: '1', cursor: first.body.nextCursor });
    expect(second.body.items).toHaveLength(1);
    expect(second.body.items[0].orgId).not.toBe(first.body.items[0].orgId);
  });
});

describe('support recorded per SME', () => {
  it('a province records support for an SME of its region, not for another region’s nor an unselected one', async () => {
    const ok = await record(people.zhejiang.token, zhejiang.org.id, SUPPORT);
    expectWith(ok.status, ok.text).toBe(201);
    expect(supportRecordSchema.parse(ok.body)).toMatchObject({ ...SUPPORT, recordedByName: '浙江省中小企业主管部门' });
    const other = await record(people.zhejiang.token, w.applicants[0]!.org.id, SUPPORT);
    expect(other.status).toBe(404);
    const unselected = await record(people.ministry.token, ningbo.org.id, SUPPORT);
    expect(unselected.status).toBe(404);
    expect(unselected.text).toContain('不是本年度的揭榜入选企业');
    const sme = await record(people.sme.token, w.applicants[0]!.org.id, SUPPORT);
    expect(sme.status).toBe(403);

    const entry = (await list(people.zhejiang.token)).body.items[0];
    expect(entry).toMatchObject({ supportCount: 1, supportTotalYuan: 500_000, lastSupportDate: '2036-06-01' });
    // Audited on the SME's own chained trail, which still verifies.
    const chain = await new DynamoAuditRepository(deps().store).chain(keys.org(zhejiang.org.id).PK);
    const events = chain.events.filter((e) => e.action === 'policy_support');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ objectType: 'org', actor: { role: 'province:330000' } });
    expect(verifyChain(chain.events, chain.head, chain.anchored).ok).toBe(true);
  });

  it('refuses a date after today (server clock, Beijing), before the campaign year, and bad amounts, in Chinese', async () => {
    const future = await record(people.ministry.token, zhejiang.org.id, { ...SUPPORT, date: '2036-06-11' });
    expect(future.status).toBe(422);
    expect(future.body.error.code).toBe('FUTURE_DATE');
    expect(future.text).toContain('不能晚于今天');
    const today = await record(people.ministry.token, zhejiang.org.id, {
      ...SUPPORT,
      date: '2036-06-10',
      amountYuan: 0,
    });
    expectWith(today.status, today.text).toBe(201);
    const early = await record(people.ministry.token, zhejiang.org.id, { ...SUPPORT, date: '2035-12-31' });
    expect(early.body.error.code).toBe('DATE_BEFORE_CAMPAIGN');
    const negative = await record(people.ministry.token, zhejiang.org.id, { ...SUPPORT, amountYuan: -1 });
    expect(negative.status).toBe(400);
    expect(negative.text).toContain('金额不能为负数');
    const huge = await record(people.ministry.token, zhejiang.org.id, { ...SUPPORT, amountYuan: 100_000_001 });
    expect(huge.text).toContain('1 亿元');
    const noMeasure = await record(people.ministry.token, zhejiang.org.id, { ...SUPPORT, measure: '' });
    expect(noMeasure.status).toBe(400);
  });

  it('a replay with the same Idempotency-Key records once and answers the first record', async () => {
    const before = (await list(people.ministry.token, { region: '440300' })).body.items[0];
    const headers = { 'Idempotency-Key': `support-replay-${Date.now()}` };
    const body = { ...SUPPORT, measure: '贷款贴息', amountYuan: 120_000 };
    const answers = await Promise.all([1, 2, 3].map(() => record(people.ministry.token, before.orgId, body, headers)));
    for (const a of answers) expectWith(a.status, a.text).toBe(201);
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    const again = await record(people.ministry.token, before.orgId, body, headers);
    expect(again.body.id).toBe(answers[0]!.body.id);
    const after = (await list(people.ministry.token, { region: '440300' })).body.items[0];
    expect(after.supportCount).toBe(before.supportCount + 1);
    expect(after.supportTotalYuan).toBe(before.supportTotalYuan + 120_000);
  });

  it('two records at once are both kept and both counted (history newest first)', async () => {
    const orgId = w.applicants[0]!.org.id;
    const before = (await list(people.shenzhen.token)).body.items[0];
    const [a, b] = await Promise.all([
      record(people.shenzhen.token, orgId, { ...SUPPORT, measure: '融资担保', amountYuan: 3_000_000 }),
      record(people.ministry.token, orgId, { ...SUPPORT, measure: '政府采购支持', amountYuan: 7 }),
    ]);
    expectWith(a.status, a.text).toBe(201);
    expectWith(b.status, b.text).toBe(201);
    const after = (await list(people.shenzhen.token)).body.items[0];
    expect(after.supportCount).toBe(before.supportCount + 2);
    expect(after.supportTotalYuan).toBe(before.supportTotalYuan + 3_000_007);
    const history = await invoke(recordsH, { token: people.shenzhen.token, params: { ...params, orgId } });
    expectWith(history.status, history.text).toBe(200);
    expect(history.body.items).toHaveLength(after.supportCount);
    const at = history.body.items.map((r: { recordedAt: string }) => r.recordedAt);
    expect([...at].sort().reverse()).toEqual(at);
    expect((await invoke(recordsH, { token: people.zhejiang.token, params: { ...params, orgId } })).status).toBe(404);
    // Both events on the SME's trail, chained one after the other (the audit head's condition made one retry).
    const chain = await new DynamoAuditRepository(deps().store).chain(keys.org(orgId).PK);
    expect(chain.events.filter((e) => e.action === 'policy_support')).toHaveLength(after.supportCount);
    expect(verifyChain(chain.events, chain.head, chain.anchored).ok).toBe(true);
  });

  it('exports the filtered list as .xlsx with the support totals', async () => {
    const event = {
      version: '2.0',
      headers: { authorization: `Bearer ${people.ministry.token}` },
      pathParameters: params,
      queryStringParameters: { qualification: 'provincial_specialized' },
      requestContext: { requestId: 'support-export' },
    } as unknown as APIGatewayProxyEventV2;
    const res = (await exportH(event)) as { statusCode: number; body: string; headers: Record<string, string> };
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(res.body, 'base64') as unknown as ArrayBuffer);
    const rows: string[][] = [];
    wb.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
    expect(rows[0]![0]).toContain('省级专精特新中小企业');
    expect(rows).toHaveLength(3); // title, header, the one 浙江 SME
    expect(rows[2]).toContain(zhejiang.org.name);
    expect(rows[2]).toContain('500000');
  });

  it('the backfill (npm run support:index) rewrites the entries from the result lines without changing them', async () => {
    const before = (await list(people.ministry.token)).body.items;
    const store = deps().store;
    const lines = await new DynamoEvaluationRepository(store).allResults(YEAR, undefined);
    expect(await new DynamoPolicySupportRepository(store).rebuild(lines)).toBe(2);
    expect((await list(people.ministry.token)).body.items).toEqual(before);
  });
});
