/**
 * Matching postings (keys.ts M1, M2, M3): one small item per (term, object) carrying what a ranking needs, so that
 * ranking for an organisation is one Query of its M3 partition (its matching view and the issuers whose affiliate
 * lists name it) plus one Query per term: a demand's postings exist only while it is published (written by the indexer on
 * condition that it is, deleted in the withdrawal's transaction, expired by TTL at its deadline and dropped by the
 * read after it), so no read checks them afterwards. Terms are computed when a text is written — an organisation's profile (its update transaction), an achievement (its form), a published demand
 * (the search indexer's job) — never on a read.
 */
import { randomUUID } from 'node:crypto';
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Demand, FieldKey, Org } from '@jiebang/shared';
import type { Store } from './client';
import { fromItem, getRecord } from './items';
import { queryAll } from './query-all';
import { LIBRARY_ENTITY, libraryKeys, keys } from './keys';
import { named, publishedCheck, transact, TransactionRefused, type TransactItem } from './transact';

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
  /** Demands: DynamoDB's expiry (epoch seconds) at the deadline. */
  ttl?: number;
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
   * A published demand's terms (M2) and postings (M1), written by the indexing job in one transaction with a check
   * that the demand is still published: a withdrawal that commits first leaves no postings behind, and one that
   * commits after finds the terms item this wrote (its condition on M2, `unpostDemandItems`). Postings of terms the
   * demand no longer has (a rebuild with other terms) are deleted in the same transaction, conditional on the terms
   * item read. Idempotent. Returns how many postings were written (0 when the demand is no longer published).
   */
  async writeDemand(d: Demand, terms: WeightedTerm[]): Promise<number> {
    const table = this.store.table;
    const before = await this.storedTerms(d.id);
    const puts = matchPostingItems(table, 'D', d.id, terms, d.field, {
      name: d.title,
      region: d.region,
      ownerOrgId: d.issuerOrgId,
      ...(d.anonymous ? {} : { ownerName: d.issuerName }),
      anonymous: d.anonymous,
      deadline: d.applicationDeadline,
      issuerCreditCode: d.issuerCreditCode,
      // DynamoDB's TTL removes a closed demand's postings; until then the read drops them by their deadline.
      ttl: Math.ceil(Date.parse(d.applicationDeadline) / 1000),
    });
    const kept = new Set(puts.map((p) => JSON.stringify(keyOf(p))));
    const stale = before
      ? matchPostingDeletes(table, 'D', d.id, before.terms, [before.field]).filter(
          (x) => !kept.has(JSON.stringify(keyOf(x))),
        )
      : [];
    const unchanged = termsUnchanged(before);
    try {
      await transact(this.store, [
        publishedCheck('demand_not_published', table, keys.demand(d.id)),
        named('demand_terms_changed', {
          Put: {
            TableName: table,
            Item: {
              ...libraryKeys.demandTerms(d.id),
              entityType: LIBRARY_ENTITY.demandTerms,
              terms,
              field: d.field,
              rev: randomUUID(),
            },
            ...unchanged,
          },
        }),
        ...stale,
        ...puts,
      ]);
    } catch (err) {
      if (err instanceof TransactionRefused && err.by('demand_not_published')) return 0;
      throw err;
    }
    return puts.length;
  }

  /**
   * The writes that take a demand's postings out of matching, for the transaction in which it stops being
   * published (a withdrawal): the terms item (M2, read now, consistently) conditional on being the one read — or
   * still absent — and the deletes of its postings. An indexing job racing it either finds the demand no longer
   * published, or changed M2 first and this transaction is refused (`demand_terms_changed`: the caller reads again).
   */
  async unpostDemandItems(demandId: string): Promise<TransactItem[]> {
    const table = this.store.table;
    const before = await this.storedTerms(demandId);
    const key = libraryKeys.demandTerms(demandId);
    if (!before)
      return [
        named('demand_terms_changed', {
          ConditionCheck: { TableName: table, Key: key, ConditionExpression: 'attribute_not_exists(PK)' },
        }),
      ];
    const unchanged = termsUnchanged(before);
    return [
      named('demand_terms_changed', {
        Update: {
          TableName: table,
          Key: key,
          UpdateExpression: 'SET unposted = :t, rev = :next',
          ConditionExpression: unchanged.ConditionExpression,
          ExpressionAttributeValues: { ':t': true, ':next': randomUUID(), ...unchanged.ExpressionAttributeValues },
        },
      }),
      ...matchPostingDeletes(table, 'D', demandId, before.terms, [before.field]),
    ];
  }

  private async storedTerms(
    demandId: string,
  ): Promise<{ terms: WeightedTerm[]; field: FieldKey; rev?: string } | null> {
    const out = await this.store.doc.send(
      new GetCommand({ TableName: this.store.table, Key: libraryKeys.demandTerms(demandId), ConsistentRead: true }),
    );
    if (!out.Item) return null;
    return {
      terms: out.Item.terms as WeightedTerm[],
      field: out.Item.field as FieldKey,
      ...(typeof out.Item.rev === 'string' ? { rev: out.Item.rev } : {}),
    };
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
   * The first read of a recommendation, one Query of the caller's partition M3 (consistent): its matching view
   * (`#ORG`, written with the org item) and the issuers whose affiliate lists name its code — every generation still
   * stored (one being imported, the current one, one replaced and not yet deleted), so never fewer than the current
   * lists name. Without the code (a membership written before it carried one) or without a view (an org written
   * before views existed: `npm run matching:backfill`), the org item is read first: one request more.
   */
  async caller(
    orgId: string,
    creditCode: string | undefined,
  ): Promise<{ org: Org | null; affiliatedIssuers: Set<string> }> {
    let items = creditCode ? await this.affiliationPartition(creditCode) : [];
    let view = items.find((i) => i.SK === '#ORG' && i.id === orgId);
    if (!view) {
      const org = await getRecord<Org>(this.store, keys.org(orgId));
      if (!org) return { org: null, affiliatedIssuers: new Set() };
      if (org.creditCode !== creditCode) items = await this.affiliationPartition(org.creditCode);
      view = org as unknown as Record<string, unknown>;
    }
    const affiliatedIssuers = new Set(
      items.filter((i) => String(i.SK).startsWith('ISSUER#')).map((i) => String(i.issuerOrgId)),
    );
    return { org: fromItem<Org>(view), affiliatedIssuers };
  }

  private async affiliationPartition(creditCode: string): Promise<Record<string, unknown>[]> {
    return queryAll(this.store, {
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': libraryKeys.affiliatedByPartition(creditCode) },
      ConsistentRead: true,
    });
  }
}

/** The condition that the terms item (M2) is the one read (`before`), or still absent. */
function termsUnchanged(before: { rev?: string } | null): {
  ConditionExpression: string;
  ExpressionAttributeValues?: Record<string, unknown>;
} {
  if (!before) return { ConditionExpression: 'attribute_not_exists(PK)' };
  if (!before.rev) return { ConditionExpression: 'attribute_not_exists(rev)' };
  return { ConditionExpression: 'rev = :rev', ExpressionAttributeValues: { ':rev': before.rev } };
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
