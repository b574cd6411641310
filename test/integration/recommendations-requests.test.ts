/**
 * GET /v1/recommendations (issue 15's bar): at most 1 + k DynamoDB requests for an organisation with k match keys
 * (its fields and telling terms, at most 10) — the caller's M3 partition (its matching view and the issuers whose
 * affiliate lists name it) in one Query, then one Query per key — besides the envelope's membership read, which
 * every signed-in route makes. And what the postings alone must get right at the boundaries: an issuer whose
 * declared list or imported supplier list names the caller is never recommended (from the instant the list
 * names it, until the list that drops it is the current one and the old one is swept), a withdrawn demand leaves
 * at once, an indexing job that loses the race to a withdrawal writes nothing, an anonymous issuer stays anonymous.
 */
import { describe, expect, it } from '@jest/globals';
import { DeleteCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Affiliate, Demand, Org } from '@jiebang/shared';
import { handler as recommendationsList } from '../../functions/src/handlers/recommendations-list';
import { handler as withdrawH } from '../../functions/src/handlers/demands-withdraw';
import { deps } from '../../functions/src/deps';
import { demandMatching } from '../../functions/src/matching/wiring';
import { isTellingTerm } from '../../functions/src/matching/telling-terms';
import { MAX_QUERIES } from '../../functions/src/use-cases/matching';
import { affiliatesGenOf, affiliatesVersionOf } from '../../functions/src/use-cases/orgs';
import { newAffiliateGeneration } from '../../functions/src/store/dynamo-orgs';
import { ENTITY, keys, libraryKeys } from '../../functions/src/store/keys';
import { backfillMatching } from '../../functions/src/store/match-backfill';
import { creditCode } from '../support/fixtures';
import { expectWith } from '../support/expect-with';
import { invoke } from '../support/invoke';
import { commandsOf } from '../support/store-spy';
import { enterprise, largeEnterprise, publishedDemand, repos } from './applications-support';
import { withProfile } from './library-support';

type Who = Awaited<ReturnType<typeof enterprise>>;

const TEXT = {
  background: '数控机床电主轴高速运转发热，热变形影响加工精度。',
  difficulties: '电主轴热误差建模与实时补偿；伺服系统响应。',
};

const large = () => largeEnterprise();
const audit = (o: Org) => ({
  objectType: 'org' as const,
  objectId: o.id,
  action: 'affiliates_import',
  actor: { userId: 'test', role: 'org_admin' },
  at: new Date().toISOString(),
});

/** An import as the use case runs it: the new generation written, the pointer flipped, the old one swept. */
async function importList(issuer: Org, codes: string[], o: { sweep?: boolean; flip?: boolean } = {}) {
  const stored = (await repos().orgs.get(issuer.id))!;
  const from = affiliatesGenOf(stored);
  const to = newAffiliateGeneration(new Date());
  const list: Affiliate[] = codes.map((c) => ({ creditCode: c, relation: 'supplier' }));
  await repos().orgs.writeAffiliateGeneration(issuer.id, to, list);
  if (o.flip === false) return;
  expect(await repos().orgs.flipAffiliates(issuer.id, from, to, affiliatesVersionOf(stored), audit(issuer))).toBe('ok');
  if (o.sweep !== false) await repos().orgs.deleteAffiliateGenerations(issuer.id, to, from, null);
}

async function declare(issuer: Org, current: Affiliate[], next: Affiliate[]) {
  const stored = (await repos().orgs.get(issuer.id))!;
  const result = await repos().orgs.replaceAffiliates(
    issuer.id,
    affiliatesGenOf(stored),
    current,
    next,
    affiliatesVersionOf(stored),
    audit(issuer),
  );
  expect(result).toBe('ok');
}

async function indexed(issuer: Org, over: Partial<Demand> = {}) {
  const d = await publishedDemand(issuer, { title: '高速电主轴热误差补偿系统研制', ...TEXT, ...over });
  expect(await demandMatching(deps().store)(d)).toBeGreaterThan(0);
  return d;
}

async function recommended(who: Who) {
  const { result: res, commands } = await commandsOf(() =>
    invoke(recommendationsList, { token: who.admin.token, query: { limit: '20' } }),
  );
  expectWith(res.status, res.text).toBe(200);
  return { ids: res.body.items.map((r: { id: string }) => r.id) as string[], body: res.body, text: res.text, commands };
}

/** k: the Queries the profile allows — its fields, then its telling terms, at most MAX_QUERIES together. */
const keysOf = (o: Org) => {
  const fields = o.profile!.techFields.length;
  return Math.min(MAX_QUERIES, fields + o.profile!.terms!.filter((t) => isTellingTerm(t.term)).length);
};

describe('GET /v1/recommendations: requests', () => {
  it('costs 1 + k requests (one Query of the caller’s partition, one per key) for a small and a large profile', async () => {
    const issuer = await large();
    await indexed(issuer.org);
    for (const profile of [
      { summary: '电主轴。', techFields: ['machine_tools'], keywords: ['电主轴'] },
      {
        summary: '专注高速电主轴与伺服驱动的研发制造，掌握电主轴热误差补偿、动平衡、精密轴承预紧与编码器细分技术。',
        techFields: ['machine_tools', 'high_end_equipment'],
        keywords: ['电主轴', '伺服', '编码器', '动平衡', '轴承', '热误差'],
      },
    ]) {
      const sme = await enterprise({ region: '440305' });
      const org = await withProfile(sme, profile);
      const k = keysOf(org);
      const got = await recommended(sme);
      expect(got.ids.length).toBeGreaterThan(0);
      // The envelope's membership read first (every signed-in route), then the use case's own requests.
      expect(got.commands[0]).toBe('GetCommand');
      const own = got.commands.slice(1);
      expectWith(own, `k = ${k}`).toEqual(Array(1 + k).fill('QueryCommand'));
      console.log(`recommendations, k = ${k}: ${got.commands.join(' + ')}`);
      expect(own.length).toBeLessThanOrEqual(1 + k);
    }
  });

  it('a membership without the credit code (written before it carried one) still answers, one request more', async () => {
    const sme = await enterprise({ region: '440305' });
    const org = await withProfile(sme, { summary: '电主轴。', techFields: ['machine_tools'], keywords: ['电主轴'] });
    await deps().store.doc.send(
      new UpdateCommand({
        TableName: deps().store.table,
        Key: keys.user(sme.admin.id),
        UpdateExpression: 'REMOVE orgCreditCode',
      }),
    );
    const issuer = await large();
    const d = await indexed(issuer.org);
    const got = await recommended(sme);
    expect(got.ids).toContain(d.id);
    expect(got.commands.length - 1).toBe(2 + keysOf(org));
  });
});

describe('GET /v1/recommendations: affiliation, withdrawal and anonymity at their boundaries', () => {
  const profile = {
    summary: '专注高速电主轴与伺服驱动的研发制造，掌握电主轴热误差补偿与动平衡技术。',
    techFields: ['machine_tools'],
    keywords: ['电主轴', '伺服', '热误差'],
  };

  it('an imported supplier list that names the caller excludes its issuer from the write on; a list without it readmits it once current and swept', async () => {
    const sme = await enterprise({ region: '440305' });
    await withProfile(sme, profile);
    const importer = await large();
    const d = await indexed(importer.org);
    expect((await recommended(sme)).ids).toContain(d.id);

    // Written but not yet flipped (an import in progress): already excluded — never fewer than the list will name.
    await importList(importer.org, [creditCode('440300'), sme.org.creditCode], { flip: false });
    expect((await recommended(sme)).ids).not.toContain(d.id);
    // Flipped and swept: excluded.
    await importList(importer.org, [creditCode('440300'), sme.org.creditCode]);
    expect((await recommended(sme)).ids).not.toContain(d.id);
    // Another import naming the caller again (a third generation): still excluded after the sweep of the second.
    await importList(importer.org, [sme.org.creditCode]);
    expect((await recommended(sme)).ids).not.toContain(d.id);
    // A list without the caller: excluded while the old generation is still stored (flipped, not yet swept) …
    await importList(importer.org, [creditCode('440300')], { sweep: false });
    expect((await recommended(sme)).ids).not.toContain(d.id);
    // … and recommended again once it is swept.
    const stored = (await repos().orgs.get(importer.org.id))!;
    await repos().orgs.deleteAffiliateGenerations(importer.org.id, affiliatesGenOf(stored), '', new Date());
    expect((await recommended(sme)).ids).toContain(d.id);
  });

  it('the declared list: excluded in the transaction that names the caller, readmitted in the one that drops it; a neighbour code changes nothing', async () => {
    const sme = await enterprise({ region: '440305' });
    await withProfile(sme, profile);
    const issuer = await large();
    const d = await indexed(issuer.org);
    const neighbour: Affiliate = { creditCode: creditCode('440305'), relation: 'supplier' };
    await declare(issuer.org, [], [neighbour]);
    expect((await recommended(sme)).ids).toContain(d.id);
    const named: Affiliate = { creditCode: sme.org.creditCode, relation: 'subsidiary' };
    await declare(issuer.org, [neighbour], [neighbour, named]);
    expect((await recommended(sme)).ids).not.toContain(d.id);
    // Same code, other relation: still named.
    await declare(issuer.org, [neighbour, named], [neighbour, { ...named, relation: 'supplier' }]);
    expect((await recommended(sme)).ids).not.toContain(d.id);
    await declare(issuer.org, [neighbour, { ...named, relation: 'supplier' }], [neighbour]);
    expect((await recommended(sme)).ids).toContain(d.id);
  });

  it('an issuer that is the caller’s controlling shareholder is never recommended', async () => {
    const parent = await large();
    const sme = await enterprise({ region: '440305', controllingShareholderCreditCode: parent.org.creditCode });
    await withProfile(sme, profile);
    const d = await indexed(parent.org);
    const other = await indexed((await large()).org);
    const got = await recommended(sme);
    expect(got.ids).not.toContain(d.id);
    expect(got.ids).toContain(other.id);
  });

  it('a withdrawn demand leaves in the withdrawal’s transaction; an indexing job that runs after it writes nothing', async () => {
    const sme = await enterprise({ region: '440305' });
    await withProfile(sme, profile);
    const issuer = await large();
    const d = await indexed(issuer.org);
    const late = await publishedDemand(issuer.org, { title: '电主轴伺服驱动国产化', ...TEXT });
    expect((await recommended(sme)).ids).toContain(d.id);
    for (const x of [d, late]) {
      const res = await invoke(withdrawH, {
        method: 'POST',
        token: issuer.admin.token,
        params: { id: x.id },
        body: { reason: '项目方向调整，需求取消' },
      });
      expectWith(res.status, res.text).toBe(200);
    }
    // `late` was never indexed: its job, arriving after the withdrawal, finds it no longer published.
    expect(await demandMatching(deps().store)(late)).toBe(0);
    const got = await recommended(sme);
    expect(got.ids).not.toContain(d.id);
    expect(got.ids).not.toContain(late.id);
  });

  it('a demand past its deadline is not recommended; an anonymous issuer’s name and id appear nowhere', async () => {
    const sme = await enterprise({ region: '440305' });
    await withProfile(sme, profile);
    const issuer = await enterprise({ kind: 'large', size: 'large', name: `隐名发榜集团${Date.now()}有限公司` });
    const anonymous = await indexed(issuer.org, { anonymous: true });
    const closed = await indexed(issuer.org, { applicationDeadline: '2026-01-01T00:00:00+08:00' });
    const got = await recommended(sme);
    expect(got.ids).toContain(anonymous.id);
    expect(got.ids).not.toContain(closed.id);
    const item = got.body.items.find((r: { id: string }) => r.id === anonymous.id);
    expect(item.issuer).toBeNull();
    expect(got.text).not.toContain(issuer.org.name);
    expect(got.text).not.toContain(issuer.org.id);
  });

  it('npm run matching:backfill: a table written before M3 gets views, reverse entries, members’ codes, and loses withdrawn demands’ postings', async () => {
    const sme = await enterprise({ region: '440305' });
    const org = await withProfile(sme, profile);
    const issuer = await large();
    const withdrawnIssuer = await large();
    const listed = await indexed(issuer.org);
    const withdrawn = await indexed(withdrawnIssuer.org);
    const { doc, table } = deps().store;
    // As before this change: no view, no code on the membership, an affiliate item without its reverse entry, a
    // withdrawn demand that kept its postings.
    await doc.send(new DeleteCommand({ TableName: table, Key: libraryKeys.matchView(sme.org.creditCode) }));
    await doc.send(
      new UpdateCommand({ TableName: table, Key: keys.user(sme.admin.id), UpdateExpression: 'REMOVE orgCreditCode' }),
    );
    await doc.send(
      new PutCommand({
        TableName: table,
        Item: {
          ...keys.affiliate(issuer.org.id, sme.org.creditCode),
          entityType: ENTITY.affiliate,
          orgId: issuer.org.id,
          creditCode: sme.org.creditCode,
          relation: 'supplier',
        },
      }),
    );
    await doc.send(
      new UpdateCommand({
        TableName: table,
        Key: keys.demand(withdrawn.id),
        UpdateExpression: 'SET #s = :w',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':w': 'withdrawn' },
      }),
    );
    expect((await recommended(sme)).ids).toEqual(expect.arrayContaining([listed.id, withdrawn.id]));

    const report = await backfillMatching(deps().store);
    expect(report.views).toBeGreaterThan(0);
    expect(report.memberships).toBeGreaterThan(0);
    expect(report.unposted).toBeGreaterThan(0);
    const got = await recommended(sme);
    expect(got.ids).not.toContain(listed.id);
    expect(got.ids).not.toContain(withdrawn.id);
    expect(got.commands.length - 1).toBe(1 + keysOf(org));
    // Again: nothing left to do but the idempotent reverse entries.
    const again = await backfillMatching(deps().store);
    expect(again.views + again.memberships + again.unposted).toBe(0);
  });
});
