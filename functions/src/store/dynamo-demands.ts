import { isOpen, type AuditEvent, type Demand } from '@jiebang/shared';
import { BatchGetCommand, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { isPublic, toCatalogueCard, type CatalogueCard } from '../domain/publication';
import { matches, parseSearchQuery } from '../domain/search-terms';
import { InvalidInput } from '../domain/errors';
import type { Store } from './client';
import { decodeCursor, encodeCursor } from './cursor';
import { queryPage } from './query-page';
import { DynamoSearchIndex, postingItems } from './dynamo-search-index';
import { DynamoMatchIndex } from './dynamo-match-index';
import { auditPut, notificationPut } from './events';
import { fromItem, getRecord } from './items';
import { ENTITY, keys, personalKeys, reviewedKeys, type Key } from './keys';
import { pageWithTotal, type ItemFilter } from './filtered-page';
import { listReviewed, reviewedPut } from './reviewed';
import type {
  CatalogueFilter,
  DemandChange,
  DemandQueue,
  DemandRepository,
  Page,
  ReviewedDemand,
} from './repositories';
import { transactUnlessRefused, type TransactItem, type WriteItem } from './transact';
import { countChange } from './counters';
import { demandContribution } from '../domain/stats';

type Item = Record<string, unknown>;

/** Sort keys compare as strings: every instant in a key is normalised to UTC ISO (inputs may carry +08:00). */
const iso = (instant: string): string => new Date(instant).toISOString();

/** The sparse GSI2 entry of a demand waiting for an authority, or nothing (the attributes are then absent). */
export function queueEntryOf(d: Demand): { GSI2PK: string; GSI2SK: string } | Record<string, never> {
  if (d.status === 'submitted' && d.submittedAt) {
    const queue = d.channel === 'ministry' ? keys.ministryDemandQueue : keys.provinceDemandQueue(d.region);
    return keys.queueEntry(queue, iso(d.submittedAt), d.id);
  }
  if (d.status === 'forwarded')
    return keys.queueEntry(keys.ministryDemandQueue, iso(d.forwardedAt ?? d.submittedAt ?? d.updatedAt), d.id);
  return {};
}

function demandItem(d: Demand): Item {
  return {
    ...keys.demand(d.id),
    ...keys.issuerDemands(d.issuerOrgId, d.createdAt, d.id),
    ...queueEntryOf(d),
    entityType: ENTITY.demand,
    ...d,
  };
}

/** The instant a public demand stops accepting applications: its deadline, or its withdrawal if earlier. */
function closesAt(d: Demand): string {
  const deadline = Date.parse(d.applicationDeadline);
  const withdrawn = d.withdrawnAt ? Date.parse(d.withdrawnAt) : Infinity;
  return new Date(Math.min(deadline, withdrawn)).toISOString();
}

/**
 * Every catalogue card item a demand has in its current state (none unless public): one per scope (ALL, field,
 * region, field+region) in the all-cards family, in CLOSED (keyed by when it closes), and while `published` in
 * OPEN (with a TTL at the deadline and the deadline in ms for the read-time filter).
 */
function cardItems(d: Demand): Item[] {
  if (!isPublic(d)) return [];
  const card = toCatalogueCard(d);
  const track = d.track ?? 'large';
  const scopes = [undefined, track].flatMap((t) => [
    keys.catalogueScope(undefined, undefined, t),
    keys.catalogueScope(d.field, undefined, t),
    keys.catalogueScope(undefined, d.region, t),
    keys.catalogueScope(d.field, d.region, t),
  ]);
  const deadlineMs = Date.parse(d.applicationDeadline);
  const out: Item[] = [];
  for (const scope of scopes) {
    out.push({
      ...keys.catalogueScopedCard('', scope, iso(d.publishedAt!), d.id),
      entityType: ENTITY.catalogueCard,
      ...card,
    });
    out.push({
      ...keys.catalogueScopedCard('CLOSED', scope, closesAt(d), d.id),
      entityType: ENTITY.catalogueCard,
      ...card,
    });
    if (d.status === 'published') {
      out.push({
        ...keys.catalogueScopedCard('OPEN', scope, iso(d.publishedAt!), d.id),
        entityType: ENTITY.catalogueCard,
        ...card,
        deadlineMs,
        ttl: Math.ceil(deadlineMs / 1000),
      });
    }
  }
  return out;
}

const keyOf = (i: Item): Key & Item => ({ PK: i.PK as string, SK: i.SK as string });
const keyString = (k: Key) => `${k.PK}\u0000${k.SK}`;

/**
 * The writes that take the catalogue from `before`'s cards to `after`'s, for the same transaction as the state
 * change: Deletes of cards that no longer exist (e.g. OPEN ones on withdrawal), Puts of the current cards.
 */
export function catalogueWrites(table: string, before: Demand | null, after: Demand): WriteItem[] {
  const next = cardItems(after);
  const nextKeys = new Set(next.map((i) => keyString(keyOf(i))));
  const deletes = (before ? cardItems(before) : [])
    .map(keyOf)
    .filter((k) => !nextKeys.has(keyString(k)))
    .map((Key) => ({ Delete: { TableName: table, Key } }));
  return [...deletes, ...next.map((Item) => ({ Put: { TableName: table, Item } }))];
}

/** Fields a catalogue card and a keyword match need: the search reads no more of a demand than this. */
const SEARCH_PROJECTION = [
  'id',
  'title',
  'field',
  'demandType',
  'region',
  'anonymous',
  'issuerOrgId',
  'issuerName',
  'budget',
  'applicationDeadline',
  'publishedAt',
  'status',
  'track',
  'difficulties',
  'indicators',
];

const cardOf = (item: Item): CatalogueCard => {
  const { deadlineMs: _d, ...card } = fromItem<CatalogueCard & { deadlineMs?: number }>(item);
  return card;
};

export class DynamoDemandRepository implements DemandRepository {
  private readonly index: DynamoSearchIndex;
  private readonly match: DynamoMatchIndex;

  constructor(private readonly store: Store) {
    this.index = new DynamoSearchIndex(store);
    this.match = new DynamoMatchIndex(store);
  }

  private get table() {
    return this.store.table;
  }

  /** `consistent`: the indexer's read, right after the publishing transaction that enqueued its job. */
  async get(id: string, consistent = false): Promise<Demand | null> {
    return getRecord<Demand>(this.store, keys.demand(id), consistent);
  }

  async getWithTimeline(id: string): Promise<{ demand: Demand; timeline: AuditEvent[] } | null> {
    let demand: Demand | null = null;
    const timeline: AuditEvent[] = [];
    let start: Item | undefined;
    do {
      const page = await this.store.doc.send(
        new QueryCommand({
          TableName: this.table,
          KeyConditionExpression: 'PK = :pk',
          ExpressionAttributeValues: { ':pk': keys.demand(id).PK },
          ExclusiveStartKey: start,
        }),
      );
      for (const item of page.Items ?? []) {
        if (item.entityType === ENTITY.demand) demand = fromItem<Demand>(item);
        else if (item.entityType === ENTITY.audit) timeline.push(fromItem<AuditEvent>(item));
      }
      start = page.LastEvaluatedKey;
    } while (start);
    return demand ? { demand, timeline } : null;
  }

  async listCatalogue(
    filter: CatalogueFilter,
    limit: number,
    cursor: string | undefined,
    now: Date,
  ): Promise<Page<CatalogueCard>> {
    if (filter.q) return this.search(filter, limit, cursor, now);
    const scope = keys.catalogueScope(filter.field, filter.region, filter.track);
    const family = filter.open === true ? 'OPEN' : filter.open === false ? 'CLOSED' : '';
    const pk = keys.cataloguePartition(family, scope);
    const base: QueryCommandInput = {
      TableName: this.table,
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': pk },
      ScanIndexForward: false,
    };
    if (family === 'CLOSED') {
      // Keyed by the closing instant: everything at or before now is closed; most recently closed first.
      base.KeyConditionExpression = 'PK = :pk AND SK <= :now';
      base.ExpressionAttributeValues = { ':pk': pk, ':now': `${now.toISOString()}#\uffff` };
    } else if (family === 'OPEN') {
      // TTL removes OPEN cards some time after their deadline; until then the read drops them.
      base.FilterExpression = 'deadlineMs > :nowMs';
      base.ExpressionAttributeValues = { ':pk': pk, ':nowMs': now.getTime() };
    }
    const items: CatalogueCard[] = [];
    const first = decodeCursor(cursor, pk);
    let start: Item | undefined = first ? { ...first } : undefined;
    // At most two Queries: the second only when the filter dropped cards past their deadline from the first.
    for (let round = 0; round < (family === 'OPEN' ? 2 : 1); round++) {
      const out = await this.store.doc.send(
        new QueryCommand({ ...base, Limit: limit - items.length, ExclusiveStartKey: start }),
      );
      items.push(...(out.Items ?? []).map(cardOf));
      start = out.LastEvaluatedKey;
      if (!start || items.length >= limit) break;
    }
    return { items, nextCursor: encodeCursor(start) };
  }

  /**
   * Keyword page in two requests: the newest postings of one bigram of the query (Query), then those demands
   * by key (BatchGetItem, projected to the card and the searchable text), checked for every run of the query and
   * for the other filters. A page may hold fewer than `limit` items when candidates do not match; `nextCursor`
   * goes on from the last posting examined.
   */
  private async search(
    filter: CatalogueFilter,
    limit: number,
    cursor: string | undefined,
    now: Date,
  ): Promise<Page<CatalogueCard>> {
    const query = parseSearchQuery(filter.q ?? '');
    if (!query) throw new InvalidInput('搜索词有误', { q: '搜索词至少需要 2 个连续的汉字、字母或数字' });
    const pk = keys.searchPartition(query.term);
    const postings = await this.store.doc.send(
      new QueryCommand({
        TableName: this.table,
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': pk },
        ScanIndexForward: false,
        Limit: Math.min(100, limit * 2),
        ExclusiveStartKey: decodeCursor(cursor, pk),
      }),
    );
    const candidates = (postings.Items ?? []) as Item[];
    const byId = await this.batchGetDemands(candidates.map((p) => p.id as string));
    const items: CatalogueCard[] = [];
    let stoppedAt = -1;
    for (let i = 0; i < candidates.length; i++) {
      const d = byId.get(candidates[i]!.id as string);
      if (
        d &&
        isPublic(d) &&
        (!filter.field || d.field === filter.field) &&
        (!filter.region || d.region === filter.region) &&
        (!filter.track || (d.track ?? 'large') === filter.track) &&
        (filter.open === undefined ||
          filter.open === (d.status === 'published' && isOpen(d.applicationDeadline, now))) &&
        matches(d, query)
      ) {
        items.push(toCatalogueCard(d));
        if (items.length === limit) {
          stoppedAt = i;
          break;
        }
      }
    }
    const next =
      stoppedAt >= 0 && stoppedAt < candidates.length - 1 ? keyOf(candidates[stoppedAt]!) : postings.LastEvaluatedKey;
    return { items, nextCursor: encodeCursor(next) };
  }

  private async batchGetDemands(ids: string[]): Promise<Map<string, Demand>> {
    const out = new Map<string, Demand>();
    if (ids.length === 0) return out;
    const names = Object.fromEntries(SEARCH_PROJECTION.map((n, i) => [`#a${i}`, n]));
    let request:
      | Record<string, { Keys: Item[]; ProjectionExpression: string; ExpressionAttributeNames: Record<string, string> }>
      | undefined = {
      [this.table]: {
        Keys: [...new Set(ids)].map((id): Item => ({ ...keys.demand(id) })),
        ProjectionExpression: Object.keys(names).join(', '),
        ExpressionAttributeNames: names,
      },
    };
    // Unprocessed keys only come back under throttling; retrying them is the one case of a third request.
    while (request && Object.keys(request).length > 0) {
      const res = await this.store.doc.send(new BatchGetCommand({ RequestItems: request }));
      for (const item of res.Responses?.[this.table] ?? []) out.set(item.id as string, item as Demand);
      request = res.UnprocessedKeys as typeof request;
    }
    return out;
  }

  /**
   * Fixtures and the demo seed: a demand as given, in any state. A public one is searchable on return: its
   * postings are written here directly (no request budget applies), and its indexing job, written in the same
   * transaction as the demand, is dropped afterwards — so a load that dies in between leaves the job to the
   * indexer rather than a demand without postings that a second `createIfAbsent` would not revisit.
   */
  async createIfAbsent(d: Demand): Promise<boolean> {
    const transactItems: WriteItem[] = [
      { Put: { TableName: this.table, Item: demandItem(d), ConditionExpression: 'attribute_not_exists(PK)' } },
      ...catalogueWrites(this.table, null, d),
      ...(isPublic(d) ? [this.index.jobPut(d.id, new Date(d.publishedAt!))] : []),
      ...countChange(this.table, [], demandContribution(d)),
    ];
    if (!(await this.write(transactItems))) return false;
    if (isPublic(d)) {
      // One batch at a time: loads run several of these at once (the seed 4) against a DynamoDB Local.
      await this.index.writePostings(d, { concurrency: 1 });
      await this.index.drop(d.id);
    }
    return true;
  }

  async create(d: Demand, change: DemandChange): Promise<boolean> {
    return this.write([
      { Put: { TableName: this.table, Item: demandItem(d), ConditionExpression: 'attribute_not_exists(PK)' } },
      ...this.sideEffects(d, change),
      ...countChange(this.table, [], demandContribution(d)),
    ]);
  }

  /**
   * pipl: transaction item recording that `userId` entered `contact` on the demand (U1), so that erasing the
   * account clears it there while it is still the one the person entered.
   */
  contactMarker(userId: string, demandId: string, contact: Demand['contact']): TransactItem {
    return {
      Put: {
        TableName: this.table,
        Item: { ...personalKeys.demandContact(userId, demandId), entityType: 'DemandContact', demandId, contact },
      },
    };
  }

  /** One transaction (conflicts retried by `transact`); false when a condition refused it. */
  private async write(items: TransactItem[]): Promise<boolean> {
    return transactUnlessRefused(this.store, items);
  }

  private sideEffects(d: Demand, change: DemandChange): TransactItem[] {
    return [
      auditPut(this.table, keys.demand(d.id).PK, change.audit),
      ...change.notifications.map((n) => notificationPut(this.table, n)),
      ...(change.extra ?? []),
    ];
  }

  /**
   * The state change in one transaction (false when a condition refused it). A demand that stops being published
   * (a withdrawal) leaves matching in the same transaction: its postings are deleted, conditional on the terms
   * item read just before (dynamo-match-index.ts `unpostDemandItems`).
   */
  async transition(before: Demand, after: Demand, change: DemandChange, extra: TransactItem[] = []): Promise<boolean> {
    const unpost =
      before.status === 'published' && after.status !== 'published'
        ? await this.match.unpostDemandItems(before.id)
        : [];
    return this.write([
      {
        Put: {
          TableName: this.table,
          Item: demandItem(after),
          // Optimistic lock: the state the decision was made on must still be the stored one.
          ConditionExpression: '#status = :status AND #version = :version',
          ExpressionAttributeNames: { '#status': 'status', '#version': 'version' },
          ExpressionAttributeValues: { ':status': before.status, ':version': before.version },
        },
      },
      ...this.sideEffects(after, change),
      ...catalogueWrites(this.table, before, after),
      // Publication enqueues the search postings (hundreds of batch writes for long texts): the indexer
      // writes them outside the request (functions/src/indexing/indexer.ts).
      ...(!isPublic(before) && isPublic(after) ? [this.index.jobPut(after.id, new Date(after.publishedAt!))] : []),
      ...countChange(this.table, demandContribution(before), demandContribution(after)),
      ...unpost,
      ...extra,
    ]);
  }

  async listByIssuer(orgId: string, limit: number, cursor?: string): Promise<Page<Demand>> {
    const partition = keys.issuerDemands(orgId, '', '').GSI1PK;
    return queryPage<Demand>(this.store, { index: 'GSI1', partition, limit, cursor, ascending: false });
  }

  /**
   * An authority's queue, oldest first (sparse GSI2), and how many in it pass the filter: a Query of the queue's
   * partition and a COUNT of it, in parallel (filteredPage: the read grows with the queue, never the table).
   */
  async listQueue(
    queue: DemandQueue,
    limit: number,
    cursor?: string,
    filter: ItemFilter = {},
  ): Promise<Page<Demand> & { total: number }> {
    const partition = queue.kind === 'ministry' ? keys.ministryDemandQueue : keys.provinceDemandQueue(queue.region);
    const page = await pageWithTotal(this.store, { index: 'GSI2', partition, filter, ascending: true }, limit, cursor);
    return { ...page, items: page.items.map((i) => fromItem<Demand>(i)) };
  }

  /** design (issue 18): what an authority decided (D1), newest first, filtered, and how many pass the filter. */
  async listReviewed(authority: string, limit: number, cursor: string | undefined, filter: ItemFilter) {
    const page = await listReviewed(this.store, reviewedKeys.demands(authority), limit, cursor, filter);
    return { ...page, items: page.items.map((i) => fromItem<ReviewedDemand>(i)) };
  }

  reviewedPut(authority: string, entry: ReviewedDemand): TransactItem {
    return reviewedPut(this.table, reviewedKeys.demands(authority), entry);
  }
}

/**
 * Every item a demand in its current state consists of (the demand, its catalogue cards, its search postings):
 * what `createIfAbsent` leaves behind, for bulk loads (benchmarks) that use BatchWriteItem instead of transactions.
 */
export function itemsOfDemand(d: Demand): Item[] {
  return [demandItem(d), ...cardItems(d), ...postingItems(d)];
}
