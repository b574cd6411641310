/**
 * Storage of the notifications area: inboxes (10, 28), the outbox and its failures (11, 29), subscribe consents
 * (30, 31), demand watchers (32), reminder markers (34) and job watermarks (35). See keys.ts for the patterns.
 */
import type { Notification, TemplateKey } from '@jiebang/shared';
import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Store } from './client';
import { fromItem, getRecord, isConditionFailure, updateIf } from './items';
import { ENTITY, keys } from './keys';
import { named, transact, type NamedItem, type TransactItem } from './transact';
import { dueOnOutbox, queryAll, queryOnce } from './query-all';

/** The stored notification: the inbox entry plus its delivery state. */
export interface NotificationRecord extends Notification {
  delivery: 'pending' | 'dispatching' | 'delivered' | 'failed';
  attempts: number;
  nextAttemptAt?: string;
  leaseId?: string;
  deliveredAt?: string;
  failedAt?: string;
  lastError?: string;
  /** Per recipient user: what happened to the WeChat copy. */
  wechat?: Record<string, WeChatOutcome>;
}

export interface WeChatOutcome {
  status: 'sending' | 'sent' | 'refused' | 'retry' | 'failed' | 'unknown';
  consentId?: string;
  errcode?: number;
  msgid?: string;
  at: string;
}

export type ConsentStatus = 'unused' | 'sending' | 'used' | 'refused' | 'unknown';

export interface ConsentRecord {
  id: string;
  userId: string;
  openid: string;
  templateKey: TemplateKey;
  demandId?: string;
  /** The enterprise / authority the user acts for when the consent was given (for group notifications). */
  group?: string;
  status: ConsentStatus;
  notificationId?: string;
  createdAt: string;
  usedAt?: string;
}

export interface WatcherRecord {
  demandId: string;
  userId: string;
  orgId: string | null;
  createdAt: string;
}

export interface OutboxEntry {
  record: NotificationRecord;
  /** The outbox sort key as read: claims are conditional on it (nobody else moved the item meanwhile). */
  dueKey: string;
}

/** ISO instants of far-apart days compare as strings once normalised to UTC. */
const iso = (instant: string | Date) => new Date(instant).toISOString();
const TTL_DAYS_USED_CONSENT = 180;
/** Items a page of one tab reads per principal at most before it answers with what it found (a safety valve). */
const MATCH_BUDGET = 5000;

export class DynamoNotificationRepository {
  constructor(private readonly store: Store) {}

  private get table() {
    return this.store.table;
  }

  // ---- inbox ----

  /**
   * One page of a principal's inbox (or its unread entries), newest first, strictly older than `before` (an id):
   * `limit` items at most, and `more` when older ones remain. Without `match`, one Query.
   *
   * With `match` (the inbox's tabs by kind, issue 18: a rule over the item, `shared/src/rules/inbox.ts`), Queries
   * follow each other down the partition — 3 × limit items, then twice as many each time, up to 1,000 — until
   * `limit` items match or the partition ends, so a page is not empty while an older matching item exists: the
   * read grows with the principal's inbox, never with the table. A safety valve stops after `MATCH_BUDGET` items
   * read; `examinedTo` is then the oldest id read (everything newer was looked at, older items are for the next
   * page, which may be the first to find one).
   */
  async inboxPage(
    principal: string,
    limit: number,
    before: string | undefined,
    unreadOnly: boolean,
    match?: (n: NotificationRecord) => boolean,
  ): Promise<{ items: NotificationRecord[]; more: boolean; examinedTo?: string }> {
    const page = (after: string | undefined) =>
      unreadOnly
        ? {
            IndexName: 'GSI1',
            KeyConditionExpression: after ? 'GSI1PK = :pk AND GSI1SK < :b' : 'GSI1PK = :pk',
            ExpressionAttributeValues: { ':pk': keys.unreadPartition(principal), ...(after ? { ':b': after } : {}) },
          }
        : {
            KeyConditionExpression: after ? 'PK = :pk AND SK < :b' : 'PK = :pk AND begins_with(SK, :b)',
            ExpressionAttributeValues: {
              ':pk': keys.inboxPartition(principal),
              ':b': after ? `${keys.inboxPrefix}${after}` : keys.inboxPrefix,
            },
          };
    const items: NotificationRecord[] = [];
    let after = before;
    let read = 0;
    for (let size = match ? limit * 3 : limit; ; size = Math.min(size * 2, 1000)) {
      const out = await this.store.doc.send(
        new QueryCommand({ TableName: this.table, ...page(after), ScanIndexForward: false, Limit: size }),
      );
      const got = (out.Items ?? []).map((i) => fromItem<NotificationRecord>(i));
      for (const [k, n] of got.entries()) {
        if (match && !match(n)) continue;
        items.push(n);
        // Full: what follows in this read or the partition is for the next page.
        if (items.length === limit) return { items, more: k < got.length - 1 || out.LastEvaluatedKey !== undefined };
      }
      if (out.LastEvaluatedKey === undefined || got.length === 0) return { items, more: false };
      after = got[got.length - 1]!.id;
      read += got.length;
      if (!match || read >= MATCH_BUDGET) return { items, more: true, examinedTo: after };
    }
  }

  /** Unread entries of a principal, counting at most `cap + 1` (one Query reading keys-sized entries). */
  async unreadCount(principal: string, cap: number): Promise<number> {
    const out = await this.store.doc.send(
      new QueryCommand({
        TableName: this.table,
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :pk',
        ExpressionAttributeValues: { ':pk': keys.unreadPartition(principal) },
        Select: 'COUNT',
        Limit: cap + 1,
      }),
    );
    return out.Count ?? 0;
  }

  /**
   * Mark a notification of `principal` read (first read wins; the unread entry goes). Null when the principal
   * has no such notification. One conditional write.
   */
  async markRead(principal: string, id: string, at: Date): Promise<NotificationRecord | null> {
    try {
      const out = await this.store.doc.send(
        new UpdateCommand({
          TableName: this.table,
          Key: keys.inbox(principal, id),
          UpdateExpression: 'SET readAt = if_not_exists(readAt, :at) REMOVE GSI1PK, GSI1SK',
          ConditionExpression: 'attribute_exists(PK)',
          ExpressionAttributeValues: { ':at': at.toISOString() },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return fromItem<NotificationRecord>(out.Attributes!);
    } catch (err) {
      if (isConditionFailure(err)) return null;
      throw err;
    }
  }

  /**
   * Mark read the unread notifications of `principal` up to `upTo` (an id; all when absent), at most `limit`:
   * one Query of the sparse unread index (keys only), then one UpdateItem each, conditional on the entry still
   * being unread — so two calls at once count each notification once, and a repeat marks nothing. `more` when
   * unread ones remain beyond `limit`.
   */
  async markAllRead(principal: string, upTo: string | undefined, limit: number, at: Date) {
    const out = await this.store.doc.send(
      new QueryCommand({
        TableName: this.table,
        IndexName: 'GSI1',
        KeyConditionExpression: upTo ? 'GSI1PK = :pk AND GSI1SK <= :upTo' : 'GSI1PK = :pk',
        ExpressionAttributeValues: { ':pk': keys.unreadPartition(principal), ...(upTo ? { ':upTo': upTo } : {}) },
        ProjectionExpression: 'PK, SK',
        Limit: limit,
      }),
    );
    const found = (out.Items ?? []) as { PK: string; SK: string }[];
    let marked = 0;
    // Ten writes in flight: a few round trips for a full batch, well inside DynamoDB's per-partition rate.
    for (let i = 0; i < found.length; i += 10) {
      const done = await Promise.all(
        found.slice(i, i + 10).map(async (key) => {
          try {
            await this.store.doc.send(
              new UpdateCommand({
                TableName: this.table,
                Key: { PK: key.PK, SK: key.SK },
                UpdateExpression: 'SET readAt = if_not_exists(readAt, :at) REMOVE GSI1PK, GSI1SK',
                ConditionExpression: 'attribute_exists(GSI1PK)',
                ExpressionAttributeValues: { ':at': at.toISOString() },
              }),
            );
            return 1;
          } catch (err) {
            if (isConditionFailure(err)) return 0; // read meanwhile, by another member or another call
            throw err;
          }
        }),
      );
      marked += done.reduce((a: number, b) => a + b, 0);
    }
    return { marked, more: out.LastEvaluatedKey !== undefined };
  }

  async get(principal: string, id: string): Promise<NotificationRecord | null> {
    return getRecord<NotificationRecord>(this.store, keys.inbox(principal, id), true);
  }

  // ---- outbox ----

  /** Notifications due at `now`, oldest due first: one Query on the sparse outbox. */
  async due(now: Date, limit: number): Promise<OutboxEntry[]> {
    const due = await dueOnOutbox(this.store, keys.outboxPendingPartition, now, limit);
    return due.map((i) => ({ record: fromItem<NotificationRecord>(i), dueKey: i.GSI2SK as string }));
  }

  /**
   * Claim a due notification for this run: it moves to `leaseUntil` in the outbox (so a crashed run's items come
   * back after the lease), only if nobody moved it since it was read. False when another run was first.
   */
  async claim(e: OutboxEntry, leaseId: string, leaseUntil: Date): Promise<boolean> {
    const { record: n } = e;
    return updateIf(this.store, {
      Key: keys.inbox(n.to, n.id),
      UpdateExpression: 'SET GSI2SK = :lease, leaseId = :lid, delivery = :d, wechat = if_not_exists(wechat, :empty)',
      ConditionExpression: 'GSI2PK = :pk AND GSI2SK = :seen',
      ExpressionAttributeValues: {
        ':lease': keys.outboxPending(iso(leaseUntil), n.id).GSI2SK,
        ':lid': leaseId,
        ':d': 'dispatching',
        ':empty': {},
        ':pk': keys.outboxPendingPartition,
        ':seen': e.dueKey,
      },
    });
  }

  /** Transaction item: record the WeChat outcome for one user, only while this run holds the lease. */
  outcomeItem(n: NotificationRecord, leaseId: string, userId: string, outcome: WeChatOutcome): NamedItem {
    return named('lease_lost', {
      Update: {
        TableName: this.table,
        Key: keys.inbox(n.to, n.id),
        UpdateExpression: 'SET wechat.#u = :o',
        ConditionExpression: 'leaseId = :lid',
        ExpressionAttributeNames: { '#u': userId },
        ExpressionAttributeValues: { ':o': outcome, ':lid': leaseId },
      },
    });
  }

  /** Finish: delivered (leaves the outbox), retry later (back in the outbox at `nextAt`) or failed (29). */
  async finish(
    n: NotificationRecord,
    leaseId: string | null,
    dueKey: string | null,
    result:
      | { kind: 'delivered'; at: Date }
      | { kind: 'retry'; at: Date; nextAt: Date; attempts: number; error: string }
      | { kind: 'failed'; at: Date; attempts: number; error: string },
  ): Promise<boolean> {
    // Without a lease (nothing to send), the item must still be where it was read.
    const condition = leaseId ? 'leaseId = :lid' : 'GSI2PK = :pk AND GSI2SK = :seen';
    const guard = leaseId ? { ':lid': leaseId } : { ':pk': keys.outboxPendingPartition, ':seen': dueKey };
    let update: string;
    let values: Record<string, unknown>;
    if (result.kind === 'delivered') {
      update = 'SET delivery = :d, deliveredAt = :at REMOVE GSI2PK, GSI2SK, leaseId, nextAttemptAt';
      values = { ':d': 'delivered', ':at': iso(result.at) };
    } else if (result.kind === 'retry') {
      update = 'SET delivery = :d, attempts = :n, nextAttemptAt = :next, GSI2SK = :sk, lastError = :e REMOVE leaseId';
      values = {
        ':d': 'pending',
        ':n': result.attempts,
        ':next': iso(result.nextAt),
        ':sk': keys.outboxPending(iso(result.nextAt), n.id).GSI2SK,
        ':e': result.error,
      };
    } else {
      const failed = keys.outboxFailed(iso(result.at), n.id);
      update =
        'SET delivery = :d, attempts = :n, failedAt = :at, GSI2PK = :fpk, GSI2SK = :fsk, lastError = :e REMOVE leaseId, nextAttemptAt';
      values = {
        ':d': 'failed',
        ':n': result.attempts,
        ':at': iso(result.at),
        ':fpk': failed.GSI2PK,
        ':fsk': failed.GSI2SK,
        ':e': result.error,
      };
    }
    return updateIf(this.store, {
      Key: keys.inbox(n.to, n.id),
      UpdateExpression: update,
      ConditionExpression: condition,
      ExpressionAttributeValues: { ...values, ...guard },
    });
  }

  /** Notifications the dispatcher gave up on, newest first (29): one Query. */
  async failed(limit: number, before?: string) {
    const out = await this.store.doc.send(
      new QueryCommand({
        TableName: this.table,
        IndexName: 'GSI2',
        KeyConditionExpression: before ? 'GSI2PK = :pk AND GSI2SK < :b' : 'GSI2PK = :pk',
        ExpressionAttributeValues: { ':pk': keys.outboxFailedPartition, ...(before ? { ':b': before } : {}) },
        ScanIndexForward: false,
        Limit: limit,
      }),
    );
    return {
      items: (out.Items ?? []).map((i) => ({ record: fromItem<NotificationRecord>(i), sk: i.GSI2SK as string })),
      more: out.LastEvaluatedKey !== undefined,
    };
  }

  // ---- consents and watchers ----

  /** Record a consent (and, for a demand, watch it) in one transaction. */
  async addConsent(c: ConsentRecord, watcher: WatcherRecord | null): Promise<void> {
    const items: TransactItem[] = [
      {
        Put: {
          TableName: this.table,
          Item: {
            ...keys.consent(c.userId, c.templateKey, c.id),
            ...(c.group ? keys.groupConsents(c.group, c.templateKey, c.id) : {}),
            entityType: ENTITY.consent,
            ...c,
          },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      },
    ];
    if (watcher) {
      items.push({
        Put: {
          TableName: this.table,
          Item: { ...keys.watcher(watcher.demandId, watcher.userId), entityType: ENTITY.watcher, ...watcher },
        },
      });
    }
    await transact(this.store, items);
  }

  /** A user's unused consents for a template, oldest first: one Query. */
  async userConsents(userId: string, templateKey: TemplateKey): Promise<ConsentRecord[]> {
    const consents = await queryOnce(this.store, {
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :p)',
      FilterExpression: '#s = :unused',
      ExpressionAttributeNames: { '#s': 'status' },
      ExpressionAttributeValues: {
        ':pk': keys.user(userId).PK,
        ':p': keys.consentPrefix(templateKey),
        ':unused': 'unused',
      },
      ConsistentRead: true,
    });
    return consents.map((i) => fromItem<ConsentRecord>(i));
  }

  /** Unused consents of the members of an enterprise / authority for a template, oldest first: one Query (31). */
  async groupConsents(group: string, templateKey: TemplateKey, limit = 100): Promise<ConsentRecord[]> {
    const out = await this.store.doc.send(
      new QueryCommand({
        TableName: this.table,
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :pk',
        ExpressionAttributeValues: { ':pk': keys.groupConsentsPartition(group, templateKey) },
        Limit: limit,
      }),
    );
    return (out.Items ?? []).map((i) => fromItem<ConsentRecord>(i));
  }

  /**
   * Transaction item: take an unused consent for notification `notificationId` (it leaves the group index). The
   * condition makes a consent serve one send at most, whatever runs race for it.
   */
  consumeConsentItem(c: ConsentRecord, notificationId: string, at: Date): NamedItem {
    return named('consent_used', {
      Update: {
        TableName: this.table,
        Key: keys.consent(c.userId, c.templateKey, c.id),
        UpdateExpression: 'SET #s = :sending, notificationId = :n, usedAt = :at REMOVE GSI1PK, GSI1SK',
        ConditionExpression: '#s = :unused',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':sending': 'sending', ':unused': 'unused', ':n': notificationId, ':at': iso(at) },
      },
    });
  }

  /** Transaction item: the send's result on the consent (used / refused / unknown), or release it (unused). */
  settleConsentItem(c: ConsentRecord, notificationId: string, status: ConsentStatus, at: Date): TransactItem {
    const release = status === 'unused';
    const group = c.group ? keys.groupConsents(c.group, c.templateKey, c.id) : null;
    return {
      Update: {
        TableName: this.table,
        Key: keys.consent(c.userId, c.templateKey, c.id),
        UpdateExpression: release
          ? `SET #s = :st${c.group ? ', GSI1PK = :g1pk, GSI1SK = :g1sk' : ''} REMOVE notificationId, usedAt`
          : 'SET #s = :st, settledAt = :at, #ttl = :ttl',
        ConditionExpression: '#s = :sending AND notificationId = :n',
        ExpressionAttributeNames: { '#s': 'status', ...(release ? {} : { '#ttl': 'ttl' }) },
        ExpressionAttributeValues: {
          ':st': status,
          ':sending': 'sending',
          ':n': notificationId,
          ...(release
            ? group
              ? { ':g1pk': group.GSI1PK, ':g1sk': group.GSI1SK }
              : {}
            : { ':at': iso(at), ':ttl': Math.floor(at.getTime() / 1000) + TTL_DAYS_USED_CONSENT * 86_400 }),
        },
      },
    };
  }

  async getConsent(userId: string, templateKey: TemplateKey, id: string): Promise<ConsentRecord | null> {
    return getRecord<ConsentRecord>(this.store, keys.consent(userId, templateKey, id), true);
  }

  /** Users watching a demand: one Query per page of 1 MB. */
  async watchers(demandId: string): Promise<WatcherRecord[]> {
    const items = await queryAll(this.store, {
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': keys.watchersPartition(demandId) },
    });
    return items.map((i) => fromItem<WatcherRecord>(i));
  }

  // ---- reminders ----

  /** Transaction item: "reminder `kind` about `subjectId` went to `principal`" — refused when it already did. */
  reminderMarkerItem(subjectId: string, kind: string, principal: string, at: Date, ttlAt: Date): NamedItem {
    return named('reminder_already_sent', {
      Put: {
        TableName: this.table,
        Item: {
          ...keys.reminderSent(subjectId, kind, principal),
          entityType: ENTITY.reminderMarker,
          subjectId,
          kind,
          principal,
          at: iso(at),
          ttl: Math.floor(ttlAt.getTime() / 1000),
        },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    });
  }

  async watermark(job: string): Promise<string | null> {
    const out = await this.store.doc.send(
      new GetCommand({ TableName: this.table, Key: keys.jobWatermark(job), ConsistentRead: true }),
    );
    return (out.Item?.at as string | undefined) ?? null;
  }

  /** Move a job's watermark forward (never back). */
  async setWatermark(job: string, at: Date): Promise<void> {
    try {
      await this.store.doc.send(
        new PutCommand({
          TableName: this.table,
          Item: { ...keys.jobWatermark(job), entityType: ENTITY.jobWatermark, job, at: iso(at) },
          ConditionExpression: 'attribute_not_exists(PK) OR #at < :at',
          ExpressionAttributeNames: { '#at': 'at' },
          ExpressionAttributeValues: { ':at': iso(at) },
        }),
      );
    } catch (err) {
      if (!isConditionFailure(err)) throw err;
    }
  }
}
