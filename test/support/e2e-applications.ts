/**
 * An SME's application made through the API, as an end-to-end walk's set-up makes it: the stamped PDF uploaded
 * (ticket → PUT → confirm), the application created and submitted. Shared by the walks that need released or
 * selected applications (selection-flow, trust).
 */
import { applicationInput } from './fixtures';

type Ok = <T = Record<string, unknown>>(
  token: string | null,
  method: string,
  path: string,
  body?: unknown,
) => Promise<T>;
interface Applicant {
  token: string;
  user: { orgId: string | null };
}

/** A tiny but real PDF (the server checks the `%PDF-` signature). */
export const TINY_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);

/** Upload a PDF as the enterprise of `s` would and return the attachment reference. */
export async function uploadPdfViaApi(ok: Ok, s: Applicant, name = '揭榜申请书（盖章）.pdf') {
  const org = s.user.orgId!;
  const ticket = await ok<{ key: string; upload: { url: string; headers: Record<string, string> } }>(
    s.token,
    'POST',
    `/v1/orgs/${org}/attachments`,
    { name, size: TINY_PDF.length, contentType: 'application/pdf' },
  );
  const put = await fetch(ticket.upload.url, { method: 'PUT', headers: ticket.upload.headers, body: TINY_PDF });
  if (!put.ok) throw new Error(`upload → ${put.status}`);
  const attachmentId = ticket.key.split('/')[2]!.replace(/\.pdf$/, '');
  await ok(s.token, 'POST', `/v1/orgs/${org}/attachments/${attachmentId}/confirm`);
  return { key: ticket.key, name };
}

export function applicationBody(leader: string, attachment: { key: string; name: string }) {
  const form = applicationInput();
  return applicationInput({
    team: { ...form.team, leader: { name: leader, title: '研发总监' } },
    attachments: [attachment],
  });
}

/** Create, upload and submit an application of the SME `s` to `demandId`; returns its id. */
export async function applyViaApi(ok: Ok, s: Applicant, demandId: string, leader: string): Promise<string> {
  const attachment = await uploadPdfViaApi(ok, s);
  const app = await ok<{ id: string }>(
    s.token,
    'POST',
    `/v1/demands/${demandId}/applications`,
    applicationBody(leader, attachment),
  );
  await ok(s.token, 'POST', `/v1/applications/${app.id}/submit`);
  return app.id;
}
