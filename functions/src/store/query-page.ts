/**
 * One page of a list: a Query of one partition (of the table, or of an index) from the signed cursor the previous
 * page gave, answering the items and the cursor of the next page (store/cursor.ts).
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Store } from './client';
import { decodeCursor, encodeCursor } from './cursor';
import { fromItem } from './items';
import type { Page } from './repositories';

export interface PageQuery {
  partition: string;
  /** The index whose partition it is (`<index>PK`); the table's own (`PK`) when absent. */
  index?: 'GSI1' | 'GSI2';
  /** Only the items whose sort key begins with it (a table partition holding several kinds of items). */
  prefix?: string;
  limit: number;
  cursor: string | undefined;
  /** Sort-key order (DynamoDB's default) unless false: newest first on keys that begin with a time. */
  ascending?: boolean;
  /** Read what was just written (a table query only). */
  consistent?: boolean;
}

export async function queryPage<T>(
  store: Store,
  q: PageQuery,
  map: (item: Record<string, unknown>) => T = fromItem<T>,
): Promise<Page<T>> {
  const pk = q.index ? `${q.index}PK` : 'PK';
  const out = await store.doc.send(
    new QueryCommand({
      TableName: store.table,
      ...(q.index ? { IndexName: q.index } : {}),
      KeyConditionExpression: q.prefix ? `${pk} = :pk AND begins_with(SK, :p)` : `${pk} = :pk`,
      ExpressionAttributeValues: { ':pk': q.partition, ...(q.prefix ? { ':p': q.prefix } : {}) },
      ...(q.ascending === undefined ? {} : { ScanIndexForward: q.ascending }),
      Limit: q.limit,
      ExclusiveStartKey: q.index ? decodeCursor(q.cursor, q.partition, q.index) : decodeCursor(q.cursor, q.partition),
      ...(q.consistent ? { ConsistentRead: true } : {}),
    }),
  );
  return { items: (out.Items ?? []).map((i) => map(i)), nextCursor: encodeCursor(out.LastEvaluatedKey) };
}
