/**
 * Security matrix of the paper-form routes (issue 16, item 6): every role against the 需求表, the 申请书 and the
 * 对接表 of a submitted application on an anonymous demand — 401 without a session, 404 to whoever may not see the
 * record (the same answer as for a record that does not exist), the form to those who may; the applicant's
 * 申请书 names nothing of the anonymous issuer.
 */
import { describe, expect, it } from '@jest/globals';
import { handler as submitApp } from '../../functions/src/handlers/applications-submit';
import { handler as demandPaperH } from '../../functions/src/handlers/paper-demand';
import { handler as applicationPaperH } from '../../functions/src/handlers/paper-application';
import { handler as matchmakingH } from '../../functions/src/handlers/paper-matchmaking';
import { handler as demandScanH } from '../../functions/src/handlers/paper-demand-scan';
import { handler as applicationScanH } from '../../functions/src/handlers/paper-application-scan';
import { invoke, invokeFile } from '../support/invoke';
import { pdfText } from '../support/pdf-text';
import {
  attachment,
  createdApplication,
  enterprise,
  largeEnterprise,
  publishedDemand,
  session,
} from './applications-support';

describe('security matrix of the paper forms', () => {
  it('401 / 404 / the form, by role, and no anonymous issuer in the applicant’s form', async () => {
    const issuer = await largeEnterprise({
      name: '绝密隐名集团有限公司',
    });
    const demand = await publishedDemand(issuer.org, { anonymous: true });
    const sme = await enterprise({ name: '甲方精密仪器有限公司' });
    const id = await createdApplication(sme, demand.id);
    expect((await invoke(submitApp, { method: 'POST', token: sme.admin.token, params: { id } })).status).toBe(200);

    const other = await enterprise({ name: '乙方同行有限公司' });
    const otherProvince = await session(['province:650000']);
    const smeProvince = await session([`province:${sme.org.authorityRegion}`]);
    const ministry = await session(['ministry']);
    const code = async (h: typeof demandPaperH, token: string | undefined, objectId: string) =>
      (await invokeFile(h, { ...(token ? { token } : {}), params: { id: objectId } })).status;

    // The 需求表: the issuer and the ministry; nobody else (an applicant knows the public card, not the record).
    const demandRows: [string | undefined, number][] = [
      [undefined, 401],
      [issuer.admin.token, 200],
      [ministry.token, 200],
      [sme.admin.token, 404],
      [other.admin.token, 404],
      [otherProvince.token, 404],
    ];
    for (const [token, status] of demandRows)
      expect([token, await code(demandPaperH, token, demand.id)]).toEqual([token, status]);

    // The 申请书 of a submitted application: the applicant and its province; not the issuer before the release,
    // nor the ministry before the forward, nor anyone else.
    const appRows: [string | undefined, number][] = [
      [undefined, 401],
      [sme.admin.token, 200],
      [smeProvince.token, 200],
      [issuer.admin.token, 404],
      [ministry.token, 404],
      [other.admin.token, 404],
      [otherProvince.token, 404],
    ];
    for (const [token, status] of appRows)
      expect([token, await code(applicationPaperH, token, id)]).toEqual([token, status]);
    // The 对接表: 404 to whoever may not see the application, 409 (not selected) to those who may.
    for (const [token, status] of appRows) {
      expect([token, await code(matchmakingH, token, id)]).toEqual([token, status === 200 ? 409 : status]);
    }
    // Nor does an unknown id answer otherwise than a hidden one.
    expect(await code(demandPaperH, issuer.admin.token, '01ARZ3NDEKTSV4RRFFQ69G5FAV')).toBe(404);

    // Recording a stamped scan: only the record's own enterprise; who may see the record but not act gets 403.
    const issuerScan = await attachment(issuer.org.id);
    const smeScan = await attachment(sme.org.id);
    const scan = (h: typeof demandScanH, token: string | undefined, objectId: string, body: unknown) =>
      invoke(h, { method: 'PUT', ...(token ? { token } : {}), params: { id: objectId }, body }).then((r) => r.status);
    const demandScanRows: [string | undefined, number][] = [
      [undefined, 401],
      [ministry.token, 403],
      [sme.admin.token, 404],
      [other.admin.token, 404],
      [otherProvince.token, 404],
      [issuer.admin.token, 200],
    ];
    for (const [token, status] of demandScanRows) {
      expect([token, await scan(demandScanH, token, demand.id, issuerScan)]).toEqual([token, status]);
    }
    const appScanRows: [string | undefined, number][] = [
      [undefined, 401],
      [smeProvince.token, 403],
      [issuer.admin.token, 404],
      [ministry.token, 404],
      [other.admin.token, 404],
      [otherProvince.token, 404],
      [sme.admin.token, 200],
    ];
    for (const [token, status] of appScanRows) {
      expect([token, await scan(applicationScanH, token, id, smeScan)]).toEqual([token, status]);
    }

    const mine = await invokeFile(applicationPaperH, { token: sme.admin.token, params: { id } });
    const text = await pdfText(mine.data);
    for (const secret of [issuer.org.name, issuer.org.creditCode, issuer.org.id]) expect(text).not.toContain(secret);
  }, 120_000); // a dozen PDFs rendered: seconds each beside the other helpers' builds
});
