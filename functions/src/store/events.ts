/**
 * Items that ride along with a state change in its TransactWriteItems: the audit event and the notifications
 * (outbox). Use-cases build them with these helpers so that every change records both or neither.
 *
 * Audit events are chained (tamper-evident log, programmes.md §5): `auditPut` only says which event to append to
 * which object's trail; `transact` (store/transact.ts) turns it into items with `chainAudits` just before each
 * attempt — it reads the object's head (consistent), gives the event its `seq`, `prevHash` and `hash`, and adds
 * the head's new value conditional on the head it read. Two changes of one object at once cannot both append
 * after the same event: the loser's head condition fails and transact re-reads the head and tries again. An
 * `AuditPut` is not a WriteItem, so the compiler refuses an audit event sent around transact.
 */
import type { AuditEvent, Notification } from '@jiebang/shared';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { eventHash, GENESIS } from '../domain/audit-hash';
import type { Store } from './client';
import type { NamedItem, WriteItem } from './transact';
import { fromItem } from './items';
import { queryAll } from './query-all';
import { ENTITY, keys } from './keys';

export type AuditInput = Omit<AuditEvent, 'id' | 'seq' | 'prevHash' | 'hash'>;

/** An audit event to append to the trail of the object whose partition is `objectPK`; chained by transact. */
export interface AuditPut {
  readonly auditOf: string;
  readonly table: string;
  readonly event: AuditInput & { id: string };
}

export const isAuditPut = (i: unknown): i is AuditPut => typeof i === 'object' && i !== null && 'auditOf' in i;

/** The refusal of a head condition: another change of the same object appended first (transact retries). */
export const AUDIT_HEAD_MOVED = 'audit_head_moved';

/** An audit event of the object whose partition is `objectPK` (e.g. keys.demand(id).PK), appended by transact. */
export function auditPut(table: string, objectPK: string, e: AuditInput): AuditPut {
  return { auditOf: objectPK, table, event: { id: ulid(), ...e } };
}

/** The Shanghai calendar day of an instant, `yyyy-mm-dd`: the platform chain links one day at a time. */
export const shanghaiDay = (at: string | number | Date): string =>
  new Date(new Date(at).getTime() + 8 * 3600_000).toISOString().slice(0, 10);

export interface StoredHead {
  length: number;
  hash: string;
  objectType?: string;
  objectId?: string;
  at?: string;
}

/**
 * The heads of these objects' chains (absent: no chain yet), read consistently: a GetItem each, in parallel (a
 * transaction appends to one or two trails; GetItem is the permission every writing function has).
 */
export async function readHeads(store: Store, objectPKs: readonly string[]): Promise<Map<string, StoredHead>> {
  const got = await Promise.all(
    objectPKs.map((pk) =>
      store.doc.send(new GetCommand({ TableName: store.table, Key: keys.auditHead(pk), ConsistentRead: true })),
    ),
  );
  const out = new Map<string, StoredHead>();
  got.forEach((res, i) => {
    if (res.Item) out.set(objectPKs[i]!, fromItem<StoredHead>(res.Item));
  });
  return out;
}

/**
 * The items of a transaction with its audit events chained: each `AuditPut` becomes the event's Put (with `seq`,
 * `prevHash`, `hash`), and each object whose trail grows gets one head Put, named AUDIT_HEAD_MOVED, conditional on
 * the head read here. Several events of one object in one transaction chain one after another.
 */
export async function chainAudits<T>(
  store: Store,
  items: readonly (T | AuditPut)[],
): Promise<(T | WriteItem | NamedItem)[]> {
  const audits = items.filter(isAuditPut);
  if (audits.length === 0) return items as T[];
  const pks = [...new Set(audits.map((a) => a.auditOf))];
  const read = await readHeads(store, pks);
  const heads = new Map(
    pks.map((pk) => [
      pk,
      {
        before: read.get(pk) ?? null,
        length: read.get(pk)?.length ?? 0,
        hash: read.get(pk)?.hash ?? GENESIS,
        last: audits[0]!.event,
      },
    ]),
  );
  const out: (T | WriteItem | NamedItem)[] = items.map((i) => {
    if (!isAuditPut(i)) return i;
    const h = heads.get(i.auditOf)!;
    const chained: Record<string, unknown> = { ...i.event, seq: h.length + 1, prevHash: h.hash };
    chained.hash = eventHash(chained);
    h.length += 1;
    h.hash = chained.hash as string;
    h.last = i.event;
    return {
      Put: {
        TableName: i.table,
        Item: { ...keys.audit(i.auditOf, i.event.at, i.event.id), entityType: ENTITY.audit, ...chained },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    };
  });
  const table = audits[0]!.table;
  for (const [pk, h] of heads) {
    out.push({
      refusal: AUDIT_HEAD_MOVED,
      item: {
        Put: {
          TableName: table,
          Item: {
            ...keys.auditHead(pk),
            ...keys.auditHeadDay(shanghaiDay(h.last.at), pk),
            entityType: ENTITY.auditHead,
            length: h.length,
            hash: h.hash,
            objectType: h.last.objectType,
            objectId: h.last.objectId,
            at: h.last.at,
          },
          ...(h.before
            ? {
                ConditionExpression: '#length = :length AND #hash = :hash',
                ExpressionAttributeNames: { '#length': 'length', '#hash': 'hash' },
                ExpressionAttributeValues: { ':length': h.before.length, ':hash': h.before.hash },
              }
            : { ConditionExpression: 'attribute_not_exists(PK)' }),
        },
      },
    });
  }
  return out;
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
  const items = await queryAll(store, {
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :p)',
    ExpressionAttributeValues: { ':pk': objectPK, ':p': keys.auditPrefix },
  });
  return items.map((i) => fromItem<AuditEvent>(i));
}
