/**
 * Security matrix of the supplier-list import (issue 16, item 7): every role against
 * `POST /v1/orgs/{id}/affiliates/uploads`, `POST /v1/orgs/{id}/affiliates/import` and
 * `GET /v1/orgs/{id}/affiliates/template` of a large issuer — only its admin may (401 without a session, 403 to
 * its other members, 404 to everyone outside it); an SME that 发榜 may import its own list, an institution (which
 * never issues) may not; a file of another enterprise is refused. And `GET /v1/orgs/{id}/affiliates` with a search:
 * its members, the ministry and the platform's admin read it, nobody else learns whether a code is on it.
 */
import { describe, expect, it } from '@jest/globals';
import { errorBodySchema } from '@jiebang/shared';
import { handler as uploadH } from '../../functions/src/handlers/orgs-affiliates-upload';
import { handler as importH } from '../../functions/src/handlers/orgs-affiliates-import';
import { handler as templateH } from '../../functions/src/handlers/orgs-affiliates-template';
import { handler as listH } from '../../functions/src/handlers/orgs-affiliates-get';
import { localAttachments } from '../support/attachments';
import { creditCode } from '../support/fixtures';
import { expectWith } from '../support/expect-with';
import { invoke, invokeFile } from '../support/invoke';
import { enterprise, session } from './applications-support';
import { sheet, uploadSheet } from './affiliates-support';

localAttachments();

describe('security matrix of the supplier import', () => {
  it('only the issuer’s admin uploads and imports; everyone else 401/403/404 with the error body', async () => {
    const issuer = await enterprise({ kind: 'large', size: 'large', employees: 5000, revenue: 900000 });
    const other = await enterprise({ kind: 'large', size: 'large', employees: 5000, revenue: 900000 });
    const smeIssuer = await enterprise();
    const institution = await enterprise({ kind: 'university', size: undefined, name: '某某大学' });
    const bytes = await sheet([[creditCode(), '某供应商有限公司', '供应商']]);
    const key = await uploadSheet(issuer.org.id, issuer.admin.token, bytes);
    const tokens: Record<string, string | undefined> = {
      anonymous: undefined,
      issuerMember: (await session(['org_member'], issuer.org.id)).token,
      issuerReviewer: (await session(['reviewer'], issuer.org.id)).token,
      otherIssuerAdmin: other.admin.token,
      smeAdmin: smeIssuer.admin.token,
      province: (await session([`province:${issuer.org.authorityRegion}`])).token,
      ministry: (await session(['ministry'])).token,
      platformAdmin: (await session(['admin'])).token,
      noEnterprise: (await session([])).token,
    };
    const expected: Record<string, number> = {
      anonymous: 401,
      issuerMember: 403,
      issuerReviewer: 403,
      otherIssuerAdmin: 404,
      smeAdmin: 404,
      province: 404,
      ministry: 404,
      platformAdmin: 404,
      noEnterprise: 404,
    };
    const readers = ['issuerMember', 'issuerReviewer', 'ministry', 'platformAdmin'];
    for (const [role, token] of Object.entries(tokens)) {
      const opts = { method: 'POST', ...(token ? { token } : {}), params: { id: issuer.org.id } };
      const up = await invoke(uploadH, { ...opts, body: { name: '名单.xlsx', size: 1000 } });
      const imp = await invoke(importH, { ...opts, body: { key } });
      const tpl = await invokeFile(templateH, { ...opts, method: 'GET' });
      expect([role, up.status, imp.status, tpl.status]).toEqual([role, expected[role], expected[role], expected[role]]);
      expect(errorBodySchema.safeParse(up.body).success && errorBodySchema.safeParse(imp.body).success).toBe(true);
      expect(errorBodySchema.safeParse(JSON.parse(tpl.text)).success).toBe(true);
      const search = await invoke(listH, { ...opts, method: 'GET', query: { q: creditCode() } });
      expect([role, search.status]).toEqual([role, readers.includes(role) ? 200 : expected[role]]);
    }
    const tpl = await invokeFile(templateH, { token: issuer.admin.token, params: { id: issuer.org.id } });
    expect([tpl.status, tpl.data.subarray(0, 2).toString()]).toEqual([200, 'PK']);
    // The admin may; nothing of the refused attempts changed the list.
    const ok = await invoke(importH, {
      method: 'POST',
      token: issuer.admin.token,
      params: { id: issuer.org.id },
      body: { key },
    });
    expectWith(ok.status, ok.text).toBe(200);
    expect(ok.body).toEqual({ count: 1, previousCount: 0 });
    // Another enterprise's file, named through one's own enterprise: refused (400), nothing read.
    const theirs = await invoke(importH, {
      method: 'POST',
      token: other.admin.token,
      params: { id: other.org.id },
      body: { key },
    });
    expect([theirs.status, theirs.body.error.fields]).toEqual([400, { key: '文件不属于本企业，请重新上传' }]);
    // An SME that 发榜 imports its own list; an institution never issues (403).
    const smeKey = await uploadSheet(smeIssuer.org.id, smeIssuer.admin.token, bytes);
    const sme = await invoke(importH, {
      method: 'POST',
      token: smeIssuer.admin.token,
      params: { id: smeIssuer.org.id },
      body: { key: smeKey },
    });
    expect(sme.status).toBe(200);
    const inst = await invoke(uploadH, {
      method: 'POST',
      token: institution.admin.token,
      params: { id: institution.org.id },
      body: { name: '名单.xlsx', size: 1000 },
    });
    expect([inst.status, inst.body.error.message]).toEqual([403, '仅发榜企业需要申报关联企业名单']);
    const instTpl = await invokeFile(templateH, { token: institution.admin.token, params: { id: institution.org.id } });
    expect([instTpl.status, JSON.parse(instTpl.text).error.message]).toEqual([403, '仅发榜企业需要申报关联企业名单']);
    // A key that is no upload of the import's shape is refused by the schema.
    const bad = await invoke(importH, {
      method: 'POST',
      token: issuer.admin.token,
      params: { id: issuer.org.id },
      body: { key: `org/${issuer.org.id}/../x.pdf` },
    });
    expect(bad.status).toBe(400);
  }, 60_000);
});
