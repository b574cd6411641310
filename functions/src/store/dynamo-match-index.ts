/**
 * Matching postings (keys.ts M1, M2): one small item per (term, object) carrying what a ranking needs, so that
 * ranking for an organisation or a demand is one Query per term plus one BatchGetItem to check what the postings
 * cannot know now (a demand withdrawn since, an issuer's affiliate list). Terms are computed when a text is
 * written — an organisation's profile (its update transaction), an achievement (its form), a published demand
 * (the search indexer's job) — never on a read.
 */
import { BatchGetCommand, BatchWriteCommand, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Demand, FieldKey, Org } from '@jiebang/shared';
import type { Store } from './client';
import { fromItem } from './items';
import { LIBRARY_ENTITY, libraryKeys, keys, type Key } from './keys';
import type { TransactItem } from './transact';

export interface WeightedTerm {
  term: string;
  weight: number;
}

export type PostingKind = 'D' | 'O' | 'A';

/** What a posting carries besides its term and weight (never shown as such: the ranking picks what it may show). */
export interface PostingData {
  name: string;
  region: string;
  ownerOrgId: string;
  ownerName?: string;
  orgKind?: string;
  maturity?: number;
  qualifications?: string[];
  /** Demands: deadline, anonymity and the issuer's credit code (for the affiliation check, never sent). */
  deadline?: string;
  anonymous?: boolean;
  issuerCreditCode?: string;
}

export interface Posting extends PostingData {
  kind: PostingKind;
  id: string;
  /** The term, or `FIELD#<field>` for a field posting. */
  term: string;
  weight: number;
  field: FieldKey;
}

/** Terms a posting is written for: at most this many per object (the heaviest). */
export const MAX_POSTED_TERMS = 20;

const postingKeys = (kind: PostingKind, id: string, terms: readonly WeightedTerm[], fields: readonly string[]) => [
  ...terms.slice(0, MAX_POSTED_TERMS).map((t) => ({
    key: libraryKeys.matchPosting(libraryKeys.matchPartition(t.term), kind, t.weight, id),
    term: t.term,
    weight: t.weight,
  })),
  ...fields.map((f) => ({
    key: libraryKeys.matchPosting(libraryKeys.matchFieldPartition(f), kind, 0, id),
    term: `FIELD#${f}`,
    weight: 0,
  })),
];

/** Puts of an object's postings: one per term and one per field. */
export function matchPostingItems(
  table: string,
  kind: PostingKind,
  id: string,
  terms: readonly WeightedTerm[],
  fields: FieldKey | readonly FieldKey[],
  data: PostingData,
): TransactItem[] {
  const fieldList = typeof fields === 'string' ? [fields] : fields;
  return postingKeys(kind, id, terms, fieldList).map((p) => ({
    Put: {
      TableName: table,
      Item: {
        ...p.key,
        entityType: LIBRARY_ENTITY.matchPosting,
        kind,
        id,
        term: p.term,
        weight: p.weight,
        field: fieldList[0],
        ...data,
      },
    },
  }));
}

/** Deletes of the postings an object had for `terms` and `fields` (a replaced profile). */
export function matchPostingDeletes(
  table: string,
  kind: PostingKind,
  id: string,
  terms: readonly WeightedTerm[],
  fields: readonly FieldKey[],
): TransactItem[] {
  return postingKeys(kind, id, terms, fields).map((p) => ({ Delete: { TableName: table, Key: p.key } }));
}

export class DynamoMatchIndex {
  constructor(private readonly store: Store) {}

  /**
   * A published demand's terms (M2) and postings (M1), written by the indexing job. Idempotent: the same items
   * again. Returns how many postings were written.
   */
  async writeDemand(d: Demand, terms: WeightedTerm[]): Promise<number> {
    const items = [
      {
        Put: {
          TableName: this.store.table,
          Item: { ...libraryKeys.demandTerms(d.id), entityType: LIBRARY_ENTITY.demandTerms, terms, field: d.field },
        },
      },
      ...matchPostingItems(this.store.table, 'D', d.id, terms, d.field, {
        name: d.title,
        region: d.region,
        ownerOrgId: d.issuerOrgId,
        ...(d.anonymous ? {} : { ownerName: d.issuerName }),
        anonymous: d.anonymous,
        deadline: d.applicationDeadline,
        issuerCreditCode: d.issuerCreditCode,
      }),
    ].map((i) => ({ PutRequest: { Item: (i as { Put: { Item: Record<string, unknown> } }).Put.Item } }));
    for (let i = 0; i < items.length; i += 25) {
      let batch: typeof items | undefined = items.slice(i, i + 25);
      for (let attempt = 0; batch && batch.length > 0; attempt++) {
        const out = await this.store.doc.send(new BatchWriteCommand({ RequestItems: { [this.store.table]: batch } }));
        batch = out.UnprocessedItems?.[this.store.table] as typeof items | undefined;
        if (batch?.length && attempt >= 5) throw new Error('matching postings: unprocessed items after 6 attempts');
        if (batch?.length) await new Promise((r) => setTimeout(r, 50 * 2 ** attempt));
      }
    }
    return items.length - 1;
  }

  async demandTerms(demandId: string): Promise<{ terms: WeightedTerm[]; field: FieldKey } | null> {
    const out = await this.store.doc.send(
      new GetCommand({ TableName: this.store.table, Key: libraryKeys.demandTerms(demandId) }),
    );
    return out.Item ? { terms: out.Item.terms as WeightedTerm[], field: out.Item.field as FieldKey } : null;
  }

  /** The heaviest postings of one term (or field) of one kind: one Query. */
  async postings(partition: string, kind: PostingKind, limit: number): Promise<Posting[]> {
    const out = await this.store.doc.send(
      new QueryCommand({
        TableName: this.store.table,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :k)',
        ExpressionAttributeValues: { ':pk': partition, ':k': `${kind}#` },
        Limit: limit,
      }),
    );
    return (out.Items ?? []).map((i) => fromItem<Posting>(i));
  }

  /**
   * What the postings cannot know now, in two BatchGetItems: the demands' current status and deadline with the
   * issuers' current affiliate-list generations, then which issuers list `creditCode` in theirs (pattern 20).
   */
  async currentState(
    demandIds: string[],
    issuerIds: string[],
    creditCode: string,
  ): Promise<{
    demands: Map<string, { status: string; applicationDeadline: string }>;
    affiliatedIssuers: Set<string>;
  }> {
    const issuers = [...new Set(issuerIds)];
    const demands = new Map<string, { status: string; applicationDeadline: string }>();
    const affiliatedIssuers = new Set<string>();
    const gens = new Map<string, string>();
    for (const item of await this.batchGet([
      ...demandIds.map((id) => keys.demand(id)),
      ...issuers.map((id) => keys.org(id)),
    ])) {
      const pk = String(item.PK);
      if (pk.startsWith('ORG#')) {
        if (typeof item.affiliatesGen === 'string') gens.set(pk.slice('ORG#'.length), item.affiliatesGen);
      } else
        demands.set(pk.slice('DEMAND#'.length), {
          status: String(item.status),
          applicationDeadline: String(item.applicationDeadline),
        });
    }
    const affiliateKeys = issuers.map((id) => keys.affiliate(id, creditCode, gens.get(id) ?? ''));
    for (const item of await this.batchGet(affiliateKeys)) affiliatedIssuers.add(String(item.PK).slice('ORG#'.length));
    return { demands, affiliatedIssuers };
  }

  /** At most 100 items by key (the candidates are capped at 50 demands and their issuers), unprocessed retried. */
  private async batchGet(want: Key[]): Promise<Record<string, unknown>[]> {
    const found: Record<string, unknown>[] = [];
    let request: Record<string, unknown>[] | undefined = want.slice(0, 100) as unknown as Record<string, unknown>[];
    for (let attempt = 0; request && request.length > 0 && attempt < 4; attempt++) {
      const out = await this.store.doc.send(
        new BatchGetCommand({
          RequestItems: {
            [this.store.table]: {
              Keys: request,
              ProjectionExpression: 'PK, SK, id, #s, applicationDeadline, affiliatesGen',
              ExpressionAttributeNames: { '#s': 'status' },
            },
          },
        }),
      );
      found.push(...(out.Responses?.[this.store.table] ?? []));
      request = out.UnprocessedKeys?.[this.store.table]?.Keys as Record<string, unknown>[] | undefined;
    }
    return found;
  }
}

/**
 * The transaction items that move an organisation's postings from its old profile to its new one: deletes of
 * the keys that are gone, puts of the new ones (a key kept is overwritten by its put, never both).
 */
export function profilePostingItems(table: string, before: Org, after: Org): TransactItem[] {
  const data = (o: Org): PostingData => ({
    name: o.name,
    region: o.region,
    ownerOrgId: o.id,
    ownerName: o.name,
    orgKind: o.kind,
    ...(o.qualifications?.length ? { qualifications: o.qualifications } : {}),
  });
  const puts = after.profile
    ? matchPostingItems(table, 'O', after.id, after.profile.terms ?? [], after.profile.techFields, data(after))
    : [];
  const kept = new Set(puts.map((p) => JSON.stringify(keyOf(p))));
  const deletes = before.profile
    ? matchPostingDeletes(table, 'O', before.id, before.profile.terms ?? [], before.profile.techFields).filter(
        (d) => !kept.has(JSON.stringify(keyOf(d))),
      )
    : [];
  return [...deletes, ...puts];
}

const keyOf = (i: TransactItem) => {
  const w = i as { Put?: { Item: Record<string, unknown> }; Delete?: { Key: Record<string, unknown> } };
  return w.Put ? { PK: w.Put.Item.PK, SK: w.Put.Item.SK } : { PK: w.Delete!.Key.PK, SK: w.Delete!.Key.SK };
};
