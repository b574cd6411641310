/**
 * The supplier import's edges and the list it fills (issue 16, item 7), against DynamoDB Local:
 * - the template (GET …/affiliates/template) carries the importer's header row, an example row and a 说明 sheet,
 *   and imports unchanged;
 * - the file's boundaries: a bad header, duplicate codes, an empty file, the largest allowed (10,000 rows) and
 *   one row more, the upload's size limit;
 * - the list a page at a time in name order, and its search: a whole credit code is one GetItem, a name or a
 *   code's start one Query (two past ≈ 13,000 entries) of the list's directory (never a Query of the generation's items once it is built);
 *   a cursor from before an import is refused (409), a forged one 400.
 */
import { describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { AFFILIATE_IMPORT_COLUMNS, AFFILIATE_IMPORT_HEADERS, MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from '@jiebang/shared';
import { handler as templateH } from '../../functions/src/handlers/orgs-affiliates-template';
import { handler as uploadH } from '../../functions/src/handlers/orgs-affiliates-upload';
import { handler as listH } from '../../functions/src/handlers/orgs-affiliates-get';
import { handler as putH } from '../../functions/src/handlers/orgs-affiliates-put';
import { localAttachments } from '../support/attachments';
import { creditCode } from '../support/fixtures';
import { expectWith } from '../support/expect-with';
import { invoke, invokeFile } from '../support/invoke';
import {
  counting,
  importFile,
  large,
  listed,
  pages,
  sheet,
  storedItems,
  suppliers,
  type Row,
} from './affiliates-support';

localAttachments();

const NAMES = [
  '苏州精密机械有限公司',
  '阿尔法传感器有限公司',
  '北京精密轴承有限公司',
  '重庆齿轮箱有限公司',
  '深圳市电机有限公司',
];

describe('the import template', () => {
  it('is the importer’s header row, one example row and a 说明 sheet, and imports unchanged', async () => {
    const issuer = await large();
    const res = await invokeFile(templateH, { token: issuer.admin.token, params: { id: issuer.org.id } });
    expectWith(res.status, res.text).toBe(200);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('关联企业名单导入模板.xlsx'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.data as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['供应商名单', '说明']);
    const list = wb.worksheets[0]!;
    expect((list.getRow(1).values as unknown[]).slice(1)).toEqual([...AFFILIATE_IMPORT_HEADERS]);
    expect((list.getRow(2).values as unknown[]).slice(1)).toEqual(AFFILIATE_IMPORT_COLUMNS.map((c) => c.example));
    expect(list.rowCount).toBe(2);
    expect(list.getColumn(1).numFmt).toBe('@'); // codes stay text when typed in Excel
    const rules = wb.worksheets[1]!.getColumn(2).values.slice(3).map(String);
    expect(rules).toHaveLength(AFFILIATE_IMPORT_COLUMNS.length + 5);
    expect(rules.join('')).toContain('任何一行有误则整份不导入');

    const imported = await importFile(issuer.org.id, issuer.admin.token, res.data);
    expectWith(imported.status, imported.text).toBe(200);
    expect(imported.body).toEqual({ count: 1, previousCount: 0 });
    expect(await pages(issuer.org.id, issuer.admin.token)).toEqual([
      {
        creditCode: AFFILIATE_IMPORT_COLUMNS[0].example,
        name: AFFILIATE_IMPORT_COLUMNS[1].example,
        relation: 'supplier',
      },
    ]);
  }, 60_000);
});

describe('the import’s boundaries', () => {
  it('refuses a bad header, duplicate codes and an empty file, with the reason and nothing applied', async () => {
    const issuer = await large();
    const before = suppliers(2);
    expect((await importFile(issuer.org.id, issuer.admin.token, await sheet(before))).status).toBe(200);
    const refusal = async (file: Buffer) => {
      const res = await importFile(issuer.org.id, issuer.admin.token, file);
      expectWith(res.status, res.text).toBe(422);
      return [res.body.error.code, res.body.error.message, res.body.error.fields];
    };
    // A header without the credit-code column.
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('名单');
    ws.addRow(['代码', '企业名称', '关联关系']);
    ws.addRow([creditCode(), '某供应商有限公司', '供应商']);
    expect(await refusal(Buffer.from(await wb.xlsx.writeBuffer()))).toEqual([
      'IMPORT_ROWS_INVALID',
      '未找到表头“统一社会信用代码”：请在名单的第一行填写表头“统一社会信用代码、企业名称、关联关系”，其下每行一家',
      undefined,
    ]);
    // The same code twice (rows 3 and 6 of the sheet): the second is named with the first.
    const dup = suppliers(6);
    dup[4]![0] = dup[1]![0];
    expect(await refusal(await sheet(dup))).toEqual([
      'IMPORT_ROWS_INVALID',
      '文件中有 1 行有误，名单未作任何更改：第 6 行。请修改后重新导入',
      { 'rows.6': '与第 3 行的统一社会信用代码重复' },
    ]);
    // The header alone; and a workbook with nothing at all.
    expect((await refusal(await sheet([])))[1]).toBe('文件中没有供应商数据，请在表头下方逐行填写');
    const blank = new ExcelJS.Workbook();
    blank.addWorksheet('Sheet1');
    expect((await refusal(Buffer.from(await blank.xlsx.writeBuffer())))[1]).toContain('未找到表头');
    expect(await listed(issuer.org.id, issuer.admin.token)).toEqual(before.map((r) => r[0]).sort());
    expect(await storedItems(issuer.org.id)).toBe(2);
  }, 60_000);

  it('takes the largest file allowed (10,000 rows), refuses one row more, and a ticket over 5 MB', async () => {
    const issuer = await large();
    const rows = suppliers(MAX_IMPORT_ROWS + 1);
    const over = await importFile(issuer.org.id, issuer.admin.token, await sheet(rows));
    expectWith(over.status, over.text).toBe(422);
    expect(over.body.error.message).toBe('一次最多导入 10000 家，文件中有 10001 行，请分成多个名单');
    expect(await storedItems(issuer.org.id)).toBe(0);

    const file = await sheet(rows.slice(0, MAX_IMPORT_ROWS));
    expect(file.length).toBeLessThan(MAX_IMPORT_BYTES);
    const started = performance.now();
    const { result: ok, requests } = await counting(() => importFile(issuer.org.id, issuer.admin.token, file));
    console.log(
      `import of 10,000 rows (${Math.round(file.length / 1024)} KB): ${Math.round(performance.now() - started)} ms; ` +
        `requests ${JSON.stringify(requests)}`,
    );
    expectWith(ok.status, ok.text).toBe(200);
    expect(ok.body).toEqual({ count: MAX_IMPORT_ROWS, previousCount: 0 });
    expect(await storedItems(issuer.org.id)).toBe(MAX_IMPORT_ROWS);
    // The whole list's directory: a first page builds it (4 parts at most), the next reads it in one Query.
    const first = await invoke(listH, { token: issuer.admin.token, params: { id: issuer.org.id } });
    expect([first.status, first.body.total, first.body.affiliates.length]).toEqual([200, MAX_IMPORT_ROWS, 20]);
    const { result: again, requests: read } = await counting(() =>
      invoke(listH, { token: issuer.admin.token, params: { id: issuer.org.id }, query: { q: '供应商999' } }),
    );
    expect(again.body.total).toBe(11); // 供应商999, 供应商9990 … 供应商9999
    expect(read).toEqual({ Get: 2, Query: 1 }); // the session's user and the org; ≈ 0.75 MB of parts, one page

    const size = (n: number) =>
      invoke(uploadH, {
        method: 'POST',
        token: issuer.admin.token,
        params: { id: issuer.org.id },
        body: { name: '名单.xlsx', size: n },
      });
    expect((await size(MAX_IMPORT_BYTES)).status).toBe(201);
    const big = await size(MAX_IMPORT_BYTES + 1);
    expect([big.status, big.body.error.fields?.size]).toEqual([400, '名单文件不能超过 5 MB']);
  }, 600_000);
});

describe('the list, a page at a time, and its search', () => {
  it('pages in name order, finds by name, by a code’s start, by a whole code (one GetItem)', async () => {
    const issuer = await large();
    const rows: Row[] = suppliers(115);
    NAMES.forEach((name, i) => (rows[i * 20]![1] = name));
    rows[7]![2] = '子公司';
    expect((await importFile(issuer.org.id, issuer.admin.token, await sheet(rows))).status).toBe(200);
    const get = (query: Record<string, string>) =>
      invoke(listH, { token: issuer.admin.token, params: { id: issuer.org.id }, query });

    // The first read builds the directory from the generation; later pages and searches read only it.
    const { result: first, requests: building } = await counting(() => get({}));
    expect(first.body).toMatchObject({ total: 115, byRelation: { supplier: 114, subsidiary: 1 } });
    expect(first.body.affiliates).toHaveLength(20);
    expect(building.Put).toBe(1);
    const all = await pages(issuer.org.id, issuer.admin.token);
    expect(new Set(all.map((a) => a.creditCode)).size).toBe(115);
    const collator = new Intl.Collator('zh-CN-u-co-pinyin', { numeric: true });
    expect(all.map((a) => a.name)).toEqual(all.map((a) => a.name!).sort(collator.compare));
    expect(all[0]!.name).toBe('阿尔法传感器有限公司'); // A before B before 供 (G) …

    const { result: byName, requests } = await counting(() => get({ q: '精密' }));
    expect(requests).toEqual({ Get: 2, Query: 1 }); // the session's user, the org; the directory
    expect(byName.body.affiliates.map((a: { name: string }) => a.name)).toEqual([
      '北京精密轴承有限公司',
      '苏州精密机械有限公司',
    ]);
    expect([byName.body.total, byName.body.nextCursor]).toEqual([2, null]);

    const code = rows[33]![0];
    const { result: exact, requests: lookup } = await counting(() => get({ q: code.toLowerCase() }));
    expect(exact.body.affiliates).toEqual([{ creditCode: code, name: rows[33]![1], relation: 'supplier' }]);
    expect(lookup).toEqual({ Get: 3 }); // the session's user, the org, then the entry's key
    const fullWidth = code.replace(/[0-9A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    expect((await get({ q: fullWidth })).body.total).toBe(1);
    expect((await get({ q: creditCode() })).body).toMatchObject({ affiliates: [], total: 0 });
    const byStart = await get({ q: code.slice(0, 12), limit: '50' });
    expect(byStart.body.affiliates.map((a: { creditCode: string }) => a.creditCode)).toContain(code);
    expect((await get({ q: '不存在的企业' })).body).toEqual({
      affiliates: [],
      nextCursor: null,
      total: 0,
      byRelation: {},
    });
    const long = await get({ q: '长'.repeat(101) });
    expect([long.status, long.body.error.fields?.q]).toEqual([400, '搜索内容不能超过 100 个字']);

    // A search pages too: 110 names contain 供应商.
    expect(await pages(issuer.org.id, issuer.admin.token, '供应商')).toHaveLength(110);

    // A cursor of the list before it changed: 409; a forged one: 400. The new list is read whole.
    const cursor = first.body.nextCursor as string;
    const after = suppliers(3);
    expect((await importFile(issuer.org.id, issuer.admin.token, await sheet(after))).status).toBe(200);
    const stale = await get({ cursor });
    expect([stale.status, stale.body.error.code, stale.body.error.message]).toEqual([
      409,
      'VERSION_CONFLICT',
      '关联企业名单已更新，请刷新后重新查看',
    ]);
    expect((await get({ cursor: `${cursor.slice(0, -2)}AA` })).body.error.code).toBe('INVALID_CURSOR');
    expect(await listed(issuer.org.id, issuer.admin.token)).toEqual(after.map((r) => r[0]).sort());
    // An edit through the PUT moves the version: the directory is built again for it.
    const edited = await invoke(putH, {
      method: 'PUT',
      token: issuer.admin.token,
      params: { id: issuer.org.id },
      body: { affiliates: [{ creditCode: after[0]![0], name: '改名后的公司', relation: 'other' }] },
    });
    expectWith(edited.status, edited.text).toBe(200);
    expect((await get({})).body).toMatchObject({
      affiliates: [{ creditCode: after[0]![0], name: '改名后的公司', relation: 'other' }],
      total: 1,
      byRelation: { other: 1 },
    });
  }, 120_000);
});
