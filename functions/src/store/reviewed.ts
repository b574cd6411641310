/**
 * design (issue 18): 已审 — what an authority decided (keys D1, D2 in keys.ts). The entry is put by the decision's
 * own transaction and never updated; the list is a Query of the authority's partition, newest first.
 */
import type { Store } from './client';
import { pageWithTotal, type ItemFilter } from './filtered-page';
import { reviewedKeys } from './keys';
import type { TransactItem } from './transact';

export function reviewedPut(table: string, partition: string, entry: { id: string; decidedAt: string }): TransactItem {
  const Item = {
    ...reviewedKeys.entry(partition, entry.decidedAt, entry.id),
    entityType: reviewedKeys.entity,
    ...entry,
  };
  return { Put: { TableName: table, Item } };
}

export function listReviewed(
  store: Store,
  partition: string,
  limit: number,
  cursor: string | undefined,
  filter: ItemFilter,
) {
  return pageWithTotal(store, { partition, filter, ascending: false }, limit, cursor);
}
