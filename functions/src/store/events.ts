/**
 * Items that ride along with a state change in its TransactWriteItems: the audit event and the notifications
 * (outbox). Use-cases build them with these helpers so that every change records both or neither.
 */
import type { AuditEvent, Notification } from '@jiebang/shared';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import type { Store } from './client';
import type { WriteItem } from './transact';
import { fromItem } from './items';
import { ENTITY, keys } from './keys';

/** A Put of an audit event in the object's own partition (`objectPK`, e.g. keys.demand(id).PK). */
export function auditPut(table: string, objectPK: string, e: Omit<AuditEvent, 'id'>): WriteItem {
  const id = ulid();
  return {
    Put: {
      TableName: table,
      Item: { ...keys.audit(objectPK, e.at, id), entityType: ENTITY.audit, id, ...e },
      ConditionExpression: 'attribute_not_exists(PK)',
    },
  };
}

/**
 * A Put of a notification into its principal's inbox, unread (sparse GSI1) and due for delivery now (sparse
 * outbox on GSI2). Its id is a ULID of the creation instant: inbox order is time order, and the item's key
 * derives from the id (so marking it read needs no lookup).
 */
export function notificationPut(table: string, n: Omit<Notification, 'id'>): WriteItem {
  const created = Date.parse(n.createdAt);
  const id = ulid(created);
  return {
    Put: {
      TableName: table,
      Item: {
        ...keys.inbox(n.to, id),
        ...keys.unread(n.to, id),
        // Keys compare as strings: normalise to UTC ISO whatever offset the caller used.
        ...keys.outboxPending(new Date(created).toISOString(), id),
        entityType: ENTITY.notification,
        id,
        ...n,
        delivery: 'pending',
        attempts: 0,
      },
      ConditionExpression: 'attribute_not_exists(PK)',
    },
  };
}

/** An object's audit trail, oldest first: one Query on its partition. */
export async function auditTrail(store: Store, objectPK: string): Promise<AuditEvent[]> {
  const out: AuditEvent[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await store.doc.send(
      new QueryCommand({
        TableName: store.table,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :p)',
        ExpressionAttributeValues: { ':pk': objectPK, ':p': keys.auditPrefix },
        ExclusiveStartKey: start,
      }),
    );
    out.push(...(page.Items ?? []).map((i) => fromItem<AuditEvent>(i)));
    start = page.LastEvaluatedKey;
  } while (start);
  return out;
}
