/**
 * The paper forms (issue 16, item 6): the 需求表, the 申请书 and the 对接表 as PDF. The text is extracted back from
 * each file and must hold the form's Chinese labels and the record's data; who may not see the record gets 404,
 * a repeat download with the ETag 304, and the 对接表 waits for the selection (409).
 */
import { beforeAll, describe, expect, it } from '@jest/globals';
import { handler as demandPaperH } from '../../functions/src/handlers/paper-demand';
import { handler as applicationPaperH } from '../../functions/src/handlers/paper-application';
import { handler as matchmakingH } from '../../functions/src/handlers/paper-matchmaking';
import { handler as demandScanH } from '../../functions/src/handlers/paper-demand-scan';
import { handler as applicationScanH } from '../../functions/src/handlers/paper-application-scan';
import { handler as demandGetH } from '../../functions/src/handlers/demands-get';
import { handler as applicationGetH } from '../../functions/src/handlers/applications-get';
import { attachment } from './applications-support';
import { expectWith } from '../support/expect-with';
import { invoke, invokeFile } from '../support/invoke';
import { pdfText } from '../support/pdf-text';
import {
  clockEachTestAt,
  evaluationWorld,
  makeOrg,
  who,
  type EvaluationWorld,
  type Who,
  selectWinners,
} from './evaluation-support';

clockEachTestAt();

let w: EvaluationWorld;
let stranger: Who;
let ministry: Who;
const strip = (s: string) => s.replace(/\s+/g, '');

beforeAll(async () => {
  w = await evaluationWorld({ applicants: 2, anonymous: true });
  const other = await makeOrg({ name: '无关精密机械有限公司' });
  stranger = await who(['org_admin'], other.id);
  ministry = await who(['ministry'], null);
}, 120_000);

async function pdfOf(handler: typeof demandPaperH, p: Who, id: string) {
  const res = await invokeFile(handler, { token: p.token, params: { id } });
  expectWith(res.status, res.text).toBe(200);
  expect(res.headers['content-type']).toBe('application/pdf');
  expect(res.data.subarray(0, 5).toString()).toBe('%PDF-');
  return { res, text: await pdfText(res.data) };
}

describe('需求表 (附件1)', () => {
  it('the issuer downloads it: labels, the demand and the enterprise in the text, stamp lines; 304 on repeat', async () => {
    const { res, text } = await pdfOf(demandPaperH, w.admin, w.demand.id);
    for (const s of ['大企业技术创新需求表', '工信厅企业函〔2024〕221号', '企业名称', '统一社会信用代码', '需求名称']) {
      expect(text).toContain(s);
    }
    expect(text).toContain(strip(w.demand.title));
    expect(text).toContain(w.issuer.name);
    expect(text).toContain(w.issuer.creditCode);
    expect(text).toContain('企业（盖章）');
    expect(text).toContain(w.demand.id);
    const again = await invokeFile(demandPaperH, {
      token: w.admin.token,
      params: { id: w.demand.id },
      headers: { 'if-none-match': res.headers.etag! },
    });
    expect(again.status).toBe(304);
  });

  it('the ministry sees the contact masked; another enterprise gets 404, no session 401', async () => {
    const { text } = await pdfOf(demandPaperH, ministry, w.demand.id);
    expect(text).not.toContain(w.demand.contact.phone);
    const other = await invoke(demandPaperH, { token: stranger.token, params: { id: w.demand.id } });
    expect(other.status).toBe(404);
    const none = await invoke(demandPaperH, { params: { id: w.demand.id } });
    expect(none.status).toBe(401);
  });
});

describe('申请书 (附件3) and 对接表 (附件2)', () => {
  it('the applicant downloads its 申请书 with its data; the other applicant and strangers get 404', async () => {
    const a = w.applicants[0]!;
    const { text } = await pdfOf(applicationPaperH, a.admin, a.app.id);
    for (const s of ['中小企业“揭榜”申请书', '团队水平', '攻关方案', '申请企业（盖章）', '声明'])
      expect(text).toContain(s);
    expect(text).toContain(a.org.name);
    expect(text).toContain(a.org.creditCode);
    expect(text).toContain(strip(a.app.team.leader.name));
    expect(text).toContain(strip(a.app.demandTitle));
    // The applicant does not learn the anonymous issuer's name from its own form.
    expect(text).not.toContain(w.issuer.name);
    for (const p of [w.applicants[1]!.admin, stranger]) {
      expect((await invoke(applicationPaperH, { token: p.token, params: { id: a.app.id } })).status).toBe(404);
    }
  });

  it('the 对接表 is refused before the selection (409) and names both sides after it', async () => {
    const a = w.applicants[0]!;
    const early = await invoke(matchmakingH, { token: a.admin.token, params: { id: a.app.id } });
    expectWith(early.status, early.text).toBe(409);
    expect(early.body.error.code).toBe('NOT_SELECTED');
    await selectWinners(w, [a.app.id], { justification: '方案最优' });

    const issuerView = (await pdfOf(matchmakingH, w.admin, a.app.id)).text;
    for (const s of ['中小企业“揭榜”对接表', '“发榜”企业（盖章）', '“揭榜”企业（盖章）', '入选日期']) {
      expect(issuerView).toContain(s);
    }
    expect(issuerView).toContain(w.issuer.name);
    expect(issuerView).toContain(a.org.name);
    const smeView = (await pdfOf(matchmakingH, a.admin, a.app.id)).text;
    expect(smeView).toContain(a.org.name);
    expect(smeView).not.toContain(w.issuer.name);
    expect(smeView).toContain('发榜企业选择不公开名称');
    const notSelected = await invoke(matchmakingH, {
      token: w.admin.token,
      params: { id: w.applicants[1]!.app.id },
    });
    expect(notSelected.status).toBe(409);
  });
});

describe('stamped scans', () => {
  const put = (h: typeof demandScanH, p: Who, id: string, body: unknown) =>
    invoke(h, { method: 'PUT', token: p.token, params: { id }, body });

  it('the issuer records the stamped 需求表 on the demand; others are refused; only its own checked upload', async () => {
    const scan = { ...(await attachment(w.issuer.id)), name: '需求表（盖章）.pdf' };
    const ok = await put(demandScanH, w.admin, w.demand.id, { key: scan.key, name: scan.name });
    expectWith(ok.status, ok.text).toBe(200);
    expect(ok.body).toMatchObject({ key: scan.key, name: scan.name });
    const read = await invoke(demandGetH, { token: w.admin.token, params: { id: w.demand.id } });
    expect(read.body.stampedScan).toMatchObject({ key: scan.key });
    expect(read.body.timeline.map((e: { action: string }) => e.action)).toContain('stamped_scan');

    expect((await put(demandScanH, ministry, w.demand.id, scan)).status).toBe(403);
    expect((await put(demandScanH, stranger, w.demand.id, scan)).status).toBe(404);
    // Another enterprise's upload, and a key never uploaded (or not confirmed): 400.
    const foreign = await attachment(w.applicants[0]!.org.id);
    const bad = await put(demandScanH, w.admin, w.demand.id, { key: foreign.key, name: 'x.pdf' });
    expectWith(bad.status, bad.text).toBe(400);
    const unknown = `org/${w.issuer.id}/01ARZ3NDEKTSV4RRFFQ69G5FAV.pdf`;
    expect((await put(demandScanH, w.admin, w.demand.id, { key: unknown, name: 'x.pdf' })).status).toBe(400);
  });

  it('the applicant records the stamped 申请书; the issuer, which sees the application, may not', async () => {
    const a = w.applicants[1]!;
    const scan = { key: (await attachment(a.org.id)).key, name: '申请书（盖章）.pdf' };
    const ok = await put(applicationScanH, a.admin, a.app.id, scan);
    expectWith(ok.status, ok.text).toBe(200);
    const read = await invoke(applicationGetH, { token: a.admin.token, params: { id: a.app.id } });
    expect(read.body.stampedScan).toMatchObject(scan);
    expect((await put(applicationScanH, w.admin, a.app.id, scan)).status).toBe(403);
    expect((await put(applicationScanH, w.applicants[0]!.admin, a.app.id, scan)).status).toBe(404);
  });
});
