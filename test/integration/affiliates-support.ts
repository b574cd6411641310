/** The supplier import's test helpers: files as an issuer fills them, the upload and import, the list read back. */
import { expect } from '@jest/globals';
import ExcelJS from 'exceljs';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { deps } from '../../functions/src/deps';
import { handler as uploadH } from '../../functions/src/handlers/orgs-affiliates-upload';
import { handler as importH } from '../../functions/src/handlers/orgs-affiliates-import';
import { handler as listH } from '../../functions/src/handlers/orgs-affiliates-get';
import { creditCode } from '../support/fixtures';
import { expectWith } from '../support/expect-with';
import { invoke } from '../support/invoke';
import { largeEnterprise } from './applications-support';

export type Row = [string, string, string?];

/** An .xlsx as an issuer would fill the template: a header row, then one supplier a row. */
export async function sheet(rows: Row[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('供应商名单');
  ws.addRow(['统一社会信用代码', '企业名称', '关联关系']);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export const suppliers = (n: number): Row[] =>
  Array.from({ length: n }, (_, i) => [creditCode(), `供应商${i + 1}有限公司`, '供应商']);

/** Upload the file as the client does (a ticket, then the signed PUT); the upload's key. */
export async function uploadSheet(orgId: string, token: string, file: Buffer): Promise<string> {
  const ticket = await invoke(uploadH, {
    method: 'POST',
    token,
    params: { id: orgId },
    body: { name: '供应商名单.xlsx', size: file.length },
  });
  expectWith(ticket.status, ticket.text).toBe(201);
  const put = await fetch(ticket.body.upload.url, { method: 'PUT', headers: ticket.body.upload.headers, body: file });
  expect(put.status).toBe(200);
  return ticket.body.key as string;
}

/** Upload the file, then import it. */
export async function importFile(orgId: string, token: string, file: Buffer) {
  const key = await uploadSheet(orgId, token, file);
  return invoke(importH, { method: 'POST', token, params: { id: orgId }, body: { key } });
}

/** Every page of the list (or of a search `q`), in the order served. */
export async function pages(orgId: string, token: string, q?: string) {
  const all: { creditCode: string; name?: string; relation: string }[] = [];
  let cursor: string | undefined;
  let total = -1;
  do {
    const res = await invoke(listH, {
      token,
      params: { id: orgId },
      query: { limit: '50', ...(q ? { q } : {}), ...(cursor ? { cursor } : {}) },
    });
    expectWith(res.status, res.text).toBe(200);
    all.push(...res.body.affiliates);
    total = res.body.total;
    cursor = res.body.nextCursor ?? undefined;
  } while (cursor);
  expect(all.length).toBe(total);
  return all;
}

/** The credit codes of the list in force, sorted. */
export const listed = async (orgId: string, token: string) =>
  (await pages(orgId, token)).map((a) => a.creditCode).sort();

/** Every affiliate item in the issuer's partition, whatever its generation. */
export async function storedItems(orgId: string): Promise<number> {
  const { store } = deps();
  let n = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const page = await store.doc.send(
      new QueryCommand({
        TableName: store.table,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :p)',
        ExpressionAttributeValues: { ':pk': `ORG#${orgId}`, ':p': 'AFFILIATE#' },
        Select: 'COUNT',
        ExclusiveStartKey: start,
      }),
    );
    n += page.Count ?? 0;
    start = page.LastEvaluatedKey;
  } while (start);
  return n;
}

/**
 * Count the store's requests by command while `fn` runs; `phases` gives when (ms after the start) each kind of
 * request was first sent and last answered — the import's parse ends at the first BatchWriteItem, its writes at the
 * TransactWriteItems (the pointer's switch).
 */
export async function counting<T>(fn: () => Promise<T>): Promise<{
  result: T;
  requests: Record<string, number>;
  phases: Record<string, { first: number; last: number }>;
}> {
  const { doc } = deps().store;
  const requests: Record<string, number> = {};
  const phases: Record<string, { first: number; last: number }> = {};
  const t0 = performance.now();
  const at = () => Math.round(performance.now() - t0);
  const original = doc.send.bind(doc);
  doc.send = ((command: { constructor: { name: string } }, ...rest: unknown[]) => {
    const name = command.constructor.name.replace(/Command$/, '');
    requests[name] = (requests[name] ?? 0) + 1;
    phases[name] ??= { first: at(), last: 0 };
    const answer = (original as (...a: unknown[]) => Promise<unknown>)(command, ...rest);
    return answer.finally(() => (phases[name]!.last = at()));
  }) as typeof doc.send;
  try {
    return { result: await fn(), requests, phases };
  } finally {
    doc.send = original;
  }
}

export const large = () => largeEnterprise();
