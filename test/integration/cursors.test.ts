/**
 * Finding 8 of the outside assessment (issue 12): list cursors are opaque to clients. Every list route answers a
 * crafted or tampered cursor — the assessment's variants (empty keys, a closed-list key after now, an evaluation
 * key outside `APP#`) and a pinned-seed property over arbitrary key objects — with 400 `INVALID_CURSOR`
 * "分页游标无效", never a 5xx and never a page; the cursors the routes hand out still page through.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Demand } from '@jiebang/shared';
import { handler as catalogueList } from '../../functions/src/handlers/catalogue-list';
import { handler as demandsList } from '../../functions/src/handlers/demands-list';
import { handler as reviewDemandsList } from '../../functions/src/handlers/review-demands-list';
import { handler as reviewApplicationsList } from '../../functions/src/handlers/review-applications-list';
import { handler as applicationsListMine } from '../../functions/src/handlers/applications-list-mine';
import { handler as demandApplicationsList } from '../../functions/src/handlers/demand-applications-list';
import { handler as resultsList } from '../../functions/src/handlers/results-list';
import { handler as resultsSmesList } from '../../functions/src/handlers/results-smes-list';
import { handler as membersList } from '../../functions/src/handlers/orgs-members-list';
import { evaluationKeys, keys } from '../../functions/src/store/keys';
import { NOW, makeWorld, type World } from '../support/actors';
import { overrideDeps } from '../../functions/src/deps';
import { systemClock } from '../../functions/src/clock';
import { invoke, type InvokeOptions } from '../support/invoke';
import { publishedDemand } from './applications-support';

type Handler = Parameters<typeof invoke>[0];

interface ListRoute {
  name: string;
  handler: Handler;
  options: InvokeOptions;
  /** The partition the route reads and, for index queries, the index. */
  partition: string;
  index?: 'GSI1' | 'GSI2';
  /** Key objects aimed at this route's query boundaries. */
  extra?: Record<string, unknown>[];
}

const b64 = (v: unknown) => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v), 'utf8').toString('base64url');

let w: World;
let demand: Demand;
let listRoutes: ListRoute[];

beforeAll(async () => {
  // The world's tokens are issued at the tests' NOW (support/actors.ts).
  overrideDeps({ clock: { now: () => NOW } });
  w = await makeWorld();
  demand = await publishedDemand(w.issuer);
  await publishedDemand(w.issuer);
  const p = w.people;
  listRoutes = [
    {
      name: 'GET /v1/catalogue (anonymous)',
      handler: catalogueList,
      options: {},
      partition: keys.cataloguePartition('', 'ALL'),
    },
    {
      name: 'GET /v1/catalogue?open=0 (anonymous)',
      handler: catalogueList,
      options: { query: { open: '0' } },
      partition: keys.cataloguePartition('CLOSED', 'ALL'),
      extra: [{ PK: keys.cataloguePartition('CLOSED', 'ALL'), SK: `2999-01-01T00:00:00.000Z#${demand.id}` }],
    },
    {
      name: 'GET /v1/catalogue?open=1 (anonymous)',
      handler: catalogueList,
      options: { query: { open: '1' } },
      partition: keys.cataloguePartition('OPEN', 'ALL'),
    },
    {
      name: 'GET /v1/catalogue?q= (anonymous)',
      handler: catalogueList,
      options: { query: { q: '数控' } },
      partition: keys.searchPartition('数控'),
    },
    {
      name: 'GET /v1/demands?mine=1',
      handler: demandsList,
      options: { token: p.issuerAdmin.token, query: { mine: '1' } },
      partition: keys.issuerDemands(w.issuer.id, '', '').GSI1PK,
      index: 'GSI1',
    },
    {
      name: 'GET /v1/review/demands',
      handler: reviewDemandsList,
      options: { token: p.issuerProvince.token },
      partition: keys.provinceDemandQueue('440300'),
      index: 'GSI2',
    },
    {
      name: 'GET /v1/review/applications',
      handler: reviewApplicationsList,
      options: { token: p.ministry.token },
      partition: keys.ministryApplicationQueue,
      index: 'GSI2',
    },
    {
      name: 'GET /v1/applications?mine=1',
      handler: applicationsListMine,
      options: { token: p.smeUser.token, query: { mine: '1' } },
      partition: keys.orgApplicationsPartition(w.sme.id),
      index: 'GSI1',
    },
    {
      name: 'GET /v1/demands/{id}/applications',
      handler: demandApplicationsList,
      options: { token: p.issuerAdmin.token, params: { id: demand.id } },
      partition: evaluationKeys.partition(demand.id),
      extra: [
        { PK: evaluationKeys.partition(demand.id), SK: 'DECISION' },
        { PK: evaluationKeys.partition(demand.id), SK: 'SCORE#x' },
      ],
    },
    {
      name: 'GET /v1/campaigns/{year}/results (anonymous)',
      handler: resultsList,
      options: { params: { year: '2026' } },
      partition: evaluationKeys.resultsPartition(2026),
    },
    {
      name: 'GET /v1/campaigns/{year}/selected-smes',
      handler: resultsSmesList,
      options: { token: p.ministry.token, params: { year: '2026' } },
      partition: evaluationKeys.resultsPartition(2026),
    },
    {
      name: 'GET /v1/orgs/{id}/members',
      handler: membersList,
      options: { token: p.issuerAdmin.token, params: { id: w.issuer.id } },
      partition: keys.orgMembersPartition(w.issuer.id),
      index: 'GSI1',
    },
  ];
}, 60_000);

afterAll(() => overrideDeps({ clock: systemClock }));

/** The assessment's variants, aimed at one route's partition. */
function crafted(r: ListRoute): unknown[] {
  const table = [
    { PK: r.partition, SK: '' },
    { PK: '', SK: '' },
    { PK: r.partition, SK: '\uffff' },
    { PK: r.partition, SK: 'zzz', more: 'x' },
  ];
  const index = r.index
    ? [
        { PK: '', SK: '', [`${r.index}PK`]: r.partition, [`${r.index}SK`]: '' },
        { PK: 'X', SK: 'Y', [`${r.index}PK`]: r.partition, [`${r.index}SK`]: 'Z' },
        { PK: 'DEMAND#X', SK: 'PROFILE', [`${r.index}PK`]: r.partition, [`${r.index}SK`]: '9999' },
      ]
    : [];
  return [...table, ...index, ...(r.extra ?? [])];
}

async function expectRefused(r: ListRoute, cursor: string) {
  const res = await invoke(r.handler, { ...r.options, query: { ...(r.options.query ?? {}), cursor } });
  expect({ route: r.name, cursor, status: res.status }).toEqual({ route: r.name, cursor, status: 400 });
  expect(res.body.error.code).toBe('INVALID_CURSOR');
  expect(res.body.error.message).toMatch(/分页游标无效/);
}

describe('tampered list cursors', () => {
  it('every list route answers the assessment’s crafted cursors with 400 INVALID_CURSOR', async () => {
    for (const r of listRoutes) {
      for (const c of crafted(r)) await expectRefused(r, b64(c));
      // Not JSON, not base64, a signed-looking suffix.
      for (const c of ['abc', '!!!', b64('null'), b64([1]), `${b64({ PK: r.partition, SK: 'a' })}.AAAA`]) {
        await expectRefused(r, c);
      }
    }
  });

  it('a cursor handed out pages on; the same cursor altered by one character is refused', async () => {
    const first = await invoke(catalogueList, { query: { limit: '1' } });
    expect(first.status).toBe(200);
    const next = first.body.nextCursor as string;
    expect(typeof next).toBe('string');
    const second = await invoke(catalogueList, { query: { limit: '1', cursor: next } });
    expect(second.status).toBe(200);
    expect(second.body.items[0]?.id).not.toBe(first.body.items[0]?.id);
    const flipped = next.slice(0, 3) + (next[3] === 'A' ? 'B' : 'A') + next.slice(4);
    const refused = await invoke(catalogueList, { query: { limit: '1', cursor: flipped } });
    expect(refused.status).toBe(400);
    // A cursor of one list is not one of another list.
    const members = await invoke(membersList, {
      token: w.people.issuerAdmin.token,
      params: { id: w.issuer.id },
      query: { limit: '1', cursor: next },
    });
    expect(members.status).toBe(400);
  });

  it('property (pinned seed): arbitrary key objects on every list route never give a 5xx or a page', async () => {
    const names = ['PK', 'SK', 'GSI1PK', 'GSI1SK', 'GSI2PK', 'GSI2SK', 'id'];
    const value = fc.oneof(
      fc.constantFrom(
        ...listRoutes.map((r) => r.partition),
        '',
        '\uffff',
        'APP#',
        '2999-12-31T00:00:00.000Z#X',
        demand.id,
      ),
      fc.string({ maxLength: 40 }),
      fc.integer(),
      fc.constant(null),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: listRoutes.length - 1 }),
        fc.dictionary(fc.constantFrom(...names), value),
        async (i, key) => {
          const r = listRoutes[i]!;
          const res = await invoke(r.handler, {
            ...r.options,
            query: { ...(r.options.query ?? {}), cursor: b64(key) },
          });
          return res.status === 400 && res.body.error.code === 'INVALID_CURSOR';
        },
      ),
      { seed: 20261201, numRuns: 120 },
    );
  });
});
