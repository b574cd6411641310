/**
 * The supplier list from .xlsx (issue 16, item 7) against DynamoDB Local: 5,000 rows applied whole (time and
 * requests measured), a file with bad codes refused with its row numbers and nothing applied, a crash half-way
 * (the store failing after some of the new list was written) leaving the old list whole, two concurrent imports
 * (one wins, the other changes nothing and leaves nothing), and the affiliation check of a submit after an import.
 */
import { describe, expect, it } from '@jest/globals';
import { deps } from '../../functions/src/deps';
import { handler as putH } from '../../functions/src/handlers/orgs-affiliates-put';
import { handler as submitApp } from '../../functions/src/handlers/applications-submit';
import { localAttachments } from '../support/attachments';
import { expectWith } from '../support/expect-with';
import { invoke } from '../support/invoke';
import { createdApplication, enterprise, publishedDemand } from './applications-support';
import { counting, importFile, large, listed, sheet, storedItems, suppliers, type Row } from './affiliates-support';

localAttachments();

async function submitTo(demandId: string, sme: Awaited<ReturnType<typeof enterprise>>) {
  const id = await createdApplication(sme, demandId);
  return invoke(submitApp, { method: 'POST', token: sme.admin.token, params: { id } });
}

describe('supplier list import', () => {
  it('takes 5,000 rows in one go, replaces the old list whole, and the submit checks the new list', async () => {
    const issuer = await large();
    const demand = await publishedDemand(issuer.org);
    const oldListed = await enterprise(); // on the list before the import, not after
    const newListed = await enterprise(); // in the file
    const stranger = await enterprise();
    const put = await invoke(putH, {
      method: 'PUT',
      token: issuer.admin.token,
      params: { id: issuer.org.id },
      body: { affiliates: [{ creditCode: oldListed.org.creditCode, relation: 'supplier' }] },
    });
    expectWith(put.status, put.text).toBe(200);

    const rows = suppliers(4999);
    rows.splice(2500, 0, [newListed.org.creditCode, newListed.org.name, '子公司']);
    const file = await sheet(rows);
    const started = performance.now();
    const { result: res, requests, phases } = await counting(() => importFile(issuer.org.id, issuer.admin.token, file));
    const ms = Math.round(performance.now() - started);
    expectWith(res.status, res.text).toBe(200);
    expect(res.body).toEqual({ count: 5000, previousCount: 1 });
    // The figures of the README (the file is ≈ 110 KB): upload and import end to end, and the import's phases —
    // parse and check (until the first BatchWriteItem), the generation written, the pointer switched.
    const writes = phases.BatchWrite!;
    const flip = phases.TransactWrite!;
    console.log(
      `import of 5,000 rows (${Math.round(file.length / 1024)} KB): ${ms} ms end to end; ` +
        `first BatchWriteItem at ${writes.first} ms, pointer switched at ${flip.last} ms, ` +
        `old list swept by ${writes.last} ms; requests ${JSON.stringify(requests)}`,
    );
    expect(requests.BatchWrite).toBeGreaterThanOrEqual(201); // 200 for the new list, 1 for the old one
    expect(ms).toBeLessThan(60_000);

    expect(await listed(issuer.org.id, issuer.admin.token)).toEqual(rows.map((r) => r[0]).sort());
    expect(await storedItems(issuer.org.id)).toBe(5000); // the old list removed

    // The affiliation rule reads the list now in force: the new subsidiary is refused, the former supplier is not.
    const refused = await submitTo(demand.id, newListed);
    expectWith(refused.status, refused.text).toBe(422);
    expect(refused.body.error.code).toBe('AFFILIATED_WITH_ISSUER');
    expect((await submitTo(demand.id, oldListed)).status).toBe(200);
    expect((await submitTo(demand.id, stranger)).status).toBe(200);
  }, 180_000);

  it('refuses a file with bad credit codes, naming each row, and applies nothing', async () => {
    const issuer = await large();
    const before = suppliers(3);
    expect((await importFile(issuer.org.id, issuer.admin.token, await sheet(before))).status).toBe(200);
    const rows = suppliers(200);
    const good = rows[10]![0];
    rows[10]![0] = good.slice(0, 17) + (good[17] === '0' ? '1' : '0'); // check character wrong: row 12
    rows[50]![0] = 'ABC'; // row 52
    rows[99]![0] = rows[5]![0]; // row 101 repeats row 7
    const res = await importFile(issuer.org.id, issuer.admin.token, await sheet(rows));
    expectWith(res.status, res.text).toBe(422);
    expect(res.body.error.code).toBe('IMPORT_ROWS_INVALID');
    expect(res.body.error.message).toBe('文件中有 3 行有误，名单未作任何更改：第 12、52、101 行。请修改后重新导入');
    expect(res.body.error.fields).toEqual({
      'rows.12': '统一社会信用代码校验位不正确，请核对后重新输入',
      'rows.52': '统一社会信用代码应为18位',
      'rows.101': '与第 7 行的统一社会信用代码重复',
    });
    expect(await listed(issuer.org.id, issuer.admin.token)).toEqual(before.map((r) => r[0]).sort());
    expect(await storedItems(issuer.org.id)).toBe(3);
    // Not a spreadsheet at all.
    const junk = await importFile(issuer.org.id, issuer.admin.token, Buffer.from('%PDF-1.7 这不是表格'));
    expect([junk.status, junk.body.error.code]).toEqual([422, 'IMPORT_FILE_UNREADABLE']);
  }, 60_000);

  it('leaves the old list whole when the store fails half-way, and a later import succeeds', async () => {
    const issuer = await large();
    const demand = await publishedDemand(issuer.org);
    const listedSme = await enterprise();
    const before: Row[] = [[listedSme.org.creditCode, listedSme.org.name, '供应商'], ...suppliers(9)];
    expect((await importFile(issuer.org.id, issuer.admin.token, await sheet(before))).status).toBe(200);

    // The fault: the store fails on the 21st BatchWriteItem (500 of 1,000 rows written), as a timeout would.
    const { doc } = deps().store;
    const original = doc.send.bind(doc);
    let batches = 0;
    doc.send = ((command: { constructor: { name: string } }, ...rest: unknown[]) => {
      if (command.constructor.name === 'BatchWriteCommand' && ++batches > 20) {
        return Promise.reject(Object.assign(new Error('injected: connection reset'), { name: 'TimeoutError' }));
      }
      return (original as (...a: unknown[]) => unknown)(command, ...rest);
    }) as typeof doc.send;
    let crashed;
    try {
      crashed = await importFile(issuer.org.id, issuer.admin.token, await sheet(suppliers(1000)));
    } finally {
      doc.send = original;
    }
    expect(crashed.status).toBeGreaterThanOrEqual(500);
    expect(await listed(issuer.org.id, issuer.admin.token)).toEqual(before.map((r) => r[0]).sort());
    expect(await storedItems(issuer.org.id)).toBeGreaterThan(10); // the half-written generation, read by nobody
    const refused = await submitTo(demand.id, listedSme);
    expect(refused.body.error?.code).toBe('AFFILIATED_WITH_ISSUER');

    const after = suppliers(20);
    const ok = await importFile(issuer.org.id, issuer.admin.token, await sheet(after));
    expectWith(ok.status, ok.text).toBe(200);
    expect(ok.body).toEqual({ count: 20, previousCount: 10 });
    expect(await listed(issuer.org.id, issuer.admin.token)).toEqual(after.map((r) => r[0]).sort());
  }, 120_000);

  it('of two concurrent imports one wins whole; the other changes nothing and leaves nothing behind', async () => {
    const issuer = await large();
    const a = suppliers(600);
    const b = suppliers(400);
    const [fileA, fileB] = await Promise.all([sheet(a), sheet(b)]);
    const answers = await Promise.all([
      importFile(issuer.org.id, issuer.admin.token, fileA),
      importFile(issuer.org.id, issuer.admin.token, fileB),
    ]);
    const statuses = answers.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 409]);
    const loser = answers.find((r) => r.status === 409)!;
    expect(loser.body.error.code).toBe('VERSION_CONFLICT');
    const winner = answers[0]!.status === 200 ? a : b;
    expect(await listed(issuer.org.id, issuer.admin.token)).toEqual(winner.map((r) => r[0]).sort());
    expect(await storedItems(issuer.org.id)).toBe(winner.length);
  }, 120_000);
});
