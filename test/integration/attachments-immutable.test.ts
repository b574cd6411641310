/**
 * Finding 4 of the outside assessment (issue 12): an uploaded attachment cannot be replaced. The signed upload
 * works once (like S3 with a signed `If-None-Match: *`, which the local attachment server honours the same
 * way): after the upload, and so after confirm and after the application's submit, a PUT of other bytes to the
 * same URL is refused with 412 and the file reviewers download is the one the application was submitted with.
 */
import { describe, expect, it } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import { handler as createApp } from '../../functions/src/handlers/applications-create';
import { handler as submitApp } from '../../functions/src/handlers/applications-submit';
import { handler as uploadAttachment } from '../../functions/src/handlers/orgs-attachments-create';
import { handler as confirmAttachment } from '../../functions/src/handlers/orgs-attachments-confirm';
import { localAttachments } from '../support/attachments';
import { creditCode } from '../support/fixtures';
import { invoke } from '../support/invoke';
import { applicationInput, enterprise, largeEnterprise, publishedDemand } from './applications-support';

const server = localAttachments();

const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2000, 32)]);
/** Other bytes of the same size (the signed size must match), not a PDF. */
const other = Buffer.concat([Buffer.from([0x4d, 0x5a, 0x90, 0x00]), Buffer.alloc(pdf.length - 4, 65)]);
/** Another PDF of the same size. */
const otherPdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(pdf.length - 9, 66)]);

async function uploadTicket(orgId: string, token: string) {
  const ticket = await invoke(uploadAttachment, {
    method: 'POST',
    token,
    params: { id: orgId },
    body: { name: '申请书.pdf', size: pdf.length, contentType: 'application/pdf' },
  });
  expect(ticket.status).toBe(201);
  return ticket.body as { key: string; upload: { url: string; headers: Record<string, string> } };
}

const put = (t: { upload: { url: string; headers: Record<string, string> } }, body: Buffer) =>
  fetch(t.upload.url, { method: 'PUT', headers: t.upload.headers, body });

describe('a confirmed attachment cannot be replaced', () => {
  it('the signed upload works once: a second PUT, before or after confirm and after submit, is refused', async () => {
    const issuer = await largeEnterprise({
      name: '华夏重工集团有限公司',
      creditCode: creditCode('110105'),
      region: '110105',
      authorityRegion: '110000',
    });
    const demand = await publishedDemand(issuer.org);
    const sme = await enterprise();
    const ticket = await uploadTicket(sme.org.id, sme.admin.token);
    const attachmentId = ticket.key.split('/')[2]!.replace(/\.pdf$/, '');

    expect((await put(ticket, pdf)).status).toBe(200);
    // Before confirm: the same URL does not overwrite.
    expect((await put(ticket, otherPdf)).status).toBe(412);
    const confirmed = await invoke(confirmAttachment, {
      method: 'POST',
      token: sme.admin.token,
      params: { id: sme.org.id, attachmentId },
    });
    expect(confirmed.status).toBe(200);
    // After confirm.
    expect((await put(ticket, other)).status).toBe(412);

    const created = await invoke(createApp, {
      method: 'POST',
      token: sme.admin.token,
      params: { id: demand.id },
      body: applicationInput({ attachments: [{ key: ticket.key, name: '申请书.pdf' }] }),
    });
    expect(created.status).toBe(201);
    const submitted = await invoke(submitApp, {
      method: 'POST',
      token: sme.admin.token,
      params: { id: created.body.id },
    });
    expect(submitted.status).toBe(200);
    // After submit.
    expect((await put(ticket, other)).status).toBe(412);

    // What reviewers read is what was confirmed and submitted.
    const download = await fetch(await server().store.createDownload(ticket.key, new Date()));
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer()).equals(pdf)).toBe(true);
    expect((await readFile(server().store.pathOf(ticket.key))).equals(pdf)).toBe(true);
  });

  it('the upload URL requires the single-use condition, like S3 with a signed If-None-Match header', async () => {
    const sme = await enterprise();
    const ticket = await uploadTicket(sme.org.id, sme.admin.token);
    expect(ticket.upload.headers['if-none-match']).toBe('*');
    const { 'if-none-match': _dropped, ...without } = ticket.upload.headers;
    const res = await fetch(ticket.upload.url, { method: 'PUT', headers: without, body: pdf });
    expect(res.status).toBe(403);
    expect((await put(ticket, pdf)).status).toBe(200);
  });

  it('two uploads racing on one URL store exactly one of them, whole', async () => {
    const sme = await enterprise();
    const ticket = await uploadTicket(sme.org.id, sme.admin.token);
    const answers = await Promise.all([put(ticket, pdf), put(ticket, otherPdf), put(ticket, other)]);
    expect(answers.map((a) => a.status).filter((s) => s === 200)).toHaveLength(1);
    const stored = await readFile(server().store.pathOf(ticket.key));
    expect([pdf, otherPdf, other].some((b) => b.equals(stored))).toBe(true);
  });
});
