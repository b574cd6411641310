/**
 * 科技成果赋智 (issue 15): achievements, their library cards and review queue, interests (对接意向). Keys: L1–L8 of
 * keys.ts. Every state change is one transaction conditional on the status and version the use-case decided on,
 * with its audit event; a refusal names the condition.
 */
import type {
  Achievement,
  AchievementCard,
  AuditEvent,
  FieldKey,
  Interest,
  Notification,
  TransferMode,
} from '@jiebang/shared';
import { BatchGetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Store } from './client';
import { decodeCursor, encodeCursor } from './cursor';
import { queryPage } from './query-page';
import { auditPut, notificationPut } from './events';
import { fromItem, getRecord } from './items';
import { keys, LIBRARY_ENTITY, libraryKeys } from './keys';
import type { Page } from './repositories';
import { named, publishedCheck, transact, transactOutcome, TransactionRefused, type TransactItem } from './transact';
import { matchPostingItems } from './dynamo-match-index';

export type AuditInput = Omit<AuditEvent, 'id'>;
/** Notifications written with an interest's change (library area: the other side is told). */
export type NotificationInput = Omit<Notification, 'id'>;

/** An interest as stored: both sides' contacts are copied in at creation and shown only once accepted. */
export type InterestRecord = Omit<Interest, 'contacts' | 'allowedDecisions' | 'side'> & {
  ownerContact: Achievement['contact'];
  senderContact: Achievement['contact'];
};

export interface LibraryFilter {
  field?: FieldKey | undefined;
  maturity?: number | undefined;
  mode?: TransferMode | undefined;
  q?: string | undefined;
}

/** The public card of a published achievement (never the contact), with its lower-cased searchable text. */
export function toLibraryCard(a: Achievement): AchievementCard {
  return {
    id: a.id,
    title: a.title,
    field: a.field,
    summary: a.summary,
    maturity: a.maturity,
    transferModes: a.transferModes,
    price: a.price,
    ownerOrgId: a.ownerOrgId,
    ownerName: a.ownerName,
    ownerKind: a.ownerKind,
    region: a.region,
    publishedAt: a.publishedAt!,
  };
}

const searchText = (a: Achievement) =>
  [a.title, a.summary, a.ownerName, ...(a.terms ?? []).map((t) => t.term)].join(' ').toLowerCase();

/** Most Query pages a filtered library page reads to fill itself (filters drop cards after the read). */
const FILTER_PAGES = 3;

export class DynamoLibraryRepository {
  constructor(private readonly store: Store) {}

  private get table() {
    return this.store.table;
  }

  async get(id: string, consistent = false): Promise<Achievement | null> {
    return getRecord<Achievement>(this.store, libraryKeys.achievement(id), consistent);
  }

  /** The achievement item with the index entries its status implies (queue while submitted). */
  private achievementPut(a: Achievement): { TableName: string; Item: Record<string, unknown> } {
    return {
      TableName: this.table,
      Item: {
        ...libraryKeys.achievement(a.id),
        ...libraryKeys.orgAchievements(a.ownerOrgId, a.createdAt, a.id),
        ...(a.status === 'submitted' ? libraryKeys.queueEntry(a.authorityRegion, a.submittedAt!, a.id) : {}),
        entityType: LIBRARY_ENTITY.achievement,
        ...a,
      },
    };
  }

  /** Cards (all, field) and matching postings of a published achievement. */
  private publishedItems(a: Achievement): TransactItem[] {
    const card = { ...toLibraryCard(a), searchText: searchText(a) };
    return [
      ...[undefined, a.field].map((f) => ({
        Put: {
          TableName: this.table,
          Item: {
            ...libraryKeys.libraryCard(f, a.publishedAt!, a.id),
            entityType: LIBRARY_ENTITY.libraryCard,
            ...card,
          },
        },
      })),
      ...matchPostingItems(this.table, 'A', a.id, a.terms ?? [], a.field, {
        name: a.title,
        ownerOrgId: a.ownerOrgId,
        ownerName: a.ownerName,
        region: a.region,
        maturity: a.maturity,
      }),
    ];
  }

  /** A new draft with its audit event; false when the id is taken. */
  async create(a: Achievement, audit: AuditInput): Promise<boolean> {
    try {
      await transact(this.store, [
        named('achievement_exists', {
          Put: { ...this.achievementPut(a), ConditionExpression: 'attribute_not_exists(PK)' },
        }),
        auditPut(this.table, libraryKeys.achievement(a.id).PK, audit),
      ]);
      return true;
    } catch (err) {
      if (err instanceof TransactionRefused && err.by('achievement_exists')) return false;
      throw err;
    }
  }

  /** Seed: an achievement in any status with its cards and postings; false when it exists. */
  async createIfAbsent(a: Achievement): Promise<boolean> {
    try {
      await transact(this.store, [
        named('achievement_exists', {
          Put: { ...this.achievementPut(a), ConditionExpression: 'attribute_not_exists(PK)' },
        }),
        ...(a.status === 'published' ? this.publishedItems(a) : []),
      ]);
      return true;
    } catch (err) {
      if (err instanceof TransactionRefused && err.by('achievement_exists')) return false;
      throw err;
    }
  }

  /**
   * Replace `before` by `after` — only if the stored achievement still has `before`'s status and version — with
   * the audit event, and on publication the library cards and matching postings, in one transaction.
   */
  async transition(before: Achievement, after: Achievement, audit: AuditInput): Promise<boolean> {
    try {
      await transact(this.store, [
        named('achievement_changed', {
          Put: {
            ...this.achievementPut(after),
            ConditionExpression: '#s = :s AND version = :v',
            ExpressionAttributeNames: { '#s': 'status' },
            ExpressionAttributeValues: { ':s': before.status, ':v': before.version },
          },
        }),
        auditPut(this.table, libraryKeys.achievement(after.id).PK, audit),
        ...(after.status === 'published' && before.status !== 'published' ? this.publishedItems(after) : []),
      ]);
      return true;
    } catch (err) {
      if (err instanceof TransactionRefused && err.by('achievement_changed')) return false;
      throw err;
    }
  }

  private queryIndex<T>(index: 'GSI1' | 'GSI2', partition: string, limit: number, cursor?: string, asc = false) {
    return queryPage<T>(this.store, { index, partition, limit, cursor, ascending: asc });
  }

  /** An organisation's achievements, newest first (L2). */
  listByOrg(orgId: string, limit: number, cursor?: string): Promise<Page<Achievement>> {
    return this.queryIndex('GSI1', libraryKeys.orgAchievementsPartition(orgId), limit, cursor);
  }

  /** An authority's review queue, oldest first (L3). */
  listQueue(region: string, limit: number, cursor?: string): Promise<Page<Achievement>> {
    return this.queryIndex('GSI2', libraryKeys.reviewQueue(region), limit, cursor, true);
  }

  /**
   * A page of the public library, newest first (L4): the field's partition or all; maturity, mode and q filter the
   * page (up to FILTER_PAGES reads to fill it).
   */
  async listLibrary(filter: LibraryFilter, limit: number, cursor?: string): Promise<Page<AchievementCard>> {
    const partition = libraryKeys.libraryPartition(filter.field);
    const conditions: string[] = [];
    const values: Record<string, unknown> = { ':pk': partition };
    if (filter.maturity !== undefined) {
      conditions.push('maturity >= :m');
      values[':m'] = filter.maturity;
    }
    if (filter.mode) {
      conditions.push('contains(transferModes, :mode)');
      values[':mode'] = filter.mode;
    }
    if (filter.q) {
      conditions.push('contains(searchText, :q)');
      values[':q'] = filter.q.toLowerCase();
    }
    const items: AchievementCard[] = [];
    let start = decodeCursor(cursor, partition) as Record<string, unknown> | undefined;
    let next: Record<string, unknown> | undefined;
    for (let page = 0; page < (conditions.length ? FILTER_PAGES : 1); page++) {
      const out = await this.store.doc.send(
        new QueryCommand({
          TableName: this.table,
          KeyConditionExpression: 'PK = :pk',
          ExpressionAttributeValues: values,
          ...(conditions.length ? { FilterExpression: conditions.join(' AND ') } : {}),
          ScanIndexForward: false,
          Limit: conditions.length ? limit * 3 : limit,
          ExclusiveStartKey: start,
        }),
      );
      const got = out.Items ?? [];
      let i = 0;
      for (; i < got.length && items.length < limit; i++) {
        const { searchText: _t, ...card } = fromItem<AchievementCard & { searchText?: string }>(got[i]!);
        items.push(card);
      }
      if (i < got.length) {
        // Stopped inside the page: continue after the last card kept.
        next = { PK: got[i - 1]!.PK, SK: got[i - 1]!.SK };
        break;
      }
      next = out.LastEvaluatedKey;
      if (!next || items.length >= limit) break;
      start = next;
    }
    return { items, nextCursor: encodeCursor(next) };
  }

  async getInterest(id: string): Promise<InterestRecord | null> {
    return getRecord<InterestRecord>(this.store, libraryKeys.interest(id));
  }

  private interestItem(i: InterestRecord) {
    return {
      ...libraryKeys.interest(i.id),
      ...libraryKeys.interestsIn(i.ownerOrgId, i.createdAt, i.id),
      ...libraryKeys.interestsOut(i.senderOrgId, i.createdAt, i.id),
      entityType: LIBRARY_ENTITY.interest,
      ...i,
    };
  }

  /**
   * A new interest: the marker (one per organisation per achievement), a check that the achievement is still
   * published, the interest and its audit event — one transaction.
   */
  async createInterest(
    i: InterestRecord,
    audit: AuditInput,
    notifications: NotificationInput[] = [],
  ): Promise<'ok' | 'duplicate' | 'not_published'> {
    return transactOutcome(
      this.store,
      [
        named('interest_exists', {
          Put: {
            TableName: this.table,
            Item: {
              ...libraryKeys.interestMarker(i.achievementId, i.senderOrgId),
              entityType: LIBRARY_ENTITY.interestMarker,
              interestId: i.id,
            },
            ConditionExpression: 'attribute_not_exists(PK)',
          },
        }),
        publishedCheck('achievement_not_published', this.table, libraryKeys.achievement(i.achievementId)),
        { Put: { TableName: this.table, Item: this.interestItem(i), ConditionExpression: 'attribute_not_exists(PK)' } },
        auditPut(this.table, libraryKeys.interest(i.id).PK, audit),
        ...notifications.map((n) => notificationPut(this.table, n)),
      ],
      { interest_exists: 'duplicate', achievement_not_published: 'not_published' },
    );
  }

  /** Transaction item: `after` replaces the interest while it still has the status and version of `before`. */
  private interestUpdate(before: InterestRecord, after: InterestRecord) {
    return named('interest_changed', {
      Put: {
        TableName: this.table,
        Item: this.interestItem(after),
        ConditionExpression: '#s = :s AND version = :v',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':s': before.status, ':v': before.version },
      },
    });
  }

  /** The decision, conditional on the status and version it was taken on. */
  async decideInterest(
    before: InterestRecord,
    after: InterestRecord,
    audit: AuditInput,
    notifications: NotificationInput[] = [],
  ): Promise<boolean> {
    try {
      await transact(this.store, [
        this.interestUpdate(before, after),
        auditPut(this.table, libraryKeys.interest(after.id).PK, audit),
        ...notifications.map((n) => notificationPut(this.table, n)),
      ]);
      return true;
    } catch (err) {
      if (err instanceof TransactionRefused && err.by('interest_changed')) return false;
      throw err;
    }
  }

  /** Interests an organisation received (L7, GSI1) or sent (L8, GSI2), newest first. */
  listInterests(
    box: 'received' | 'sent',
    orgId: string,
    limit: number,
    cursor?: string,
  ): Promise<Page<InterestRecord>> {
    return box === 'received'
      ? this.queryIndex('GSI1', libraryKeys.interestsInPartition(orgId), limit, cursor)
      : this.queryIndex('GSI2', libraryKeys.interestsOutPartition(orgId), limit, cursor);
  }

  /**
   * Attaches (or detaches) a 技术经理人, one transaction: the interest conditional on the status and version it was
   * decided on, a check that the member still belongs to the organisation they are attached from (the owner's, or
   * a service body or institute) with role tech_manager, the manager's marker
   * (L9) put and the previous one's deleted, the audit event and the notice.
   */
  async attachTechManager(
    before: InterestRecord,
    after: InterestRecord,
    audit: AuditInput,
    notifications: NotificationInput[] = [],
  ): Promise<'ok' | 'changed' | 'not_manager'> {
    const marker = (userId: string) => libraryKeys.managedInterest(userId, before.createdAt, before.id);
    const was = before.techManager?.id;
    const now = after.techManager?.id;
    const managerOrg = after.techManager?.orgId ?? before.ownerOrgId;
    return transactOutcome(
      this.store,
      [
        this.interestUpdate(before, after),
        ...(now
          ? [
              named('not_manager', {
                ConditionCheck: {
                  TableName: this.table,
                  Key: keys.user(now),
                  ConditionExpression: 'orgId = :org AND contains(#roles, :tm)',
                  ExpressionAttributeNames: { '#roles': 'roles' },
                  ExpressionAttributeValues: { ':org': managerOrg, ':tm': 'tech_manager' },
                },
              }),
              {
                Put: {
                  TableName: this.table,
                  Item: { ...marker(now), entityType: LIBRARY_ENTITY.managedInterest, interestId: before.id },
                },
              },
            ]
          : []),
        ...(was && was !== now ? [{ Delete: { TableName: this.table, Key: marker(was) } }] : []),
        auditPut(this.table, libraryKeys.interest(after.id).PK, audit),
        ...notifications.map((n) => notificationPut(this.table, n)),
      ],
      { interest_changed: 'changed', not_manager: 'not_manager' },
    );
  }

  /**
   * Interests attached to a 技术经理人, newest first: one Query of its markers (L9) and one BatchGetItem of the
   * interests. An interest detached since its marker was read is left out (its techManager is checked).
   */
  async listManagedInterests(userId: string, limit: number, cursor?: string): Promise<Page<InterestRecord>> {
    const page = await queryPage<string>(
      this.store,
      { partition: libraryKeys.managedInterestsPartition(userId), limit, cursor, ascending: false },
      (i) => String(i.interestId),
    );
    if (page.items.length === 0) return { items: [], nextCursor: page.nextCursor };
    const found = new Map<string, InterestRecord>();
    let request: Record<string, unknown>[] | undefined = page.items.map((id) => ({ ...libraryKeys.interest(id) }));
    for (let attempt = 0; request && request.length > 0 && attempt < 4; attempt++) {
      const out = await this.store.doc.send(new BatchGetCommand({ RequestItems: { [this.table]: { Keys: request } } }));
      for (const item of out.Responses?.[this.table] ?? []) {
        const i = fromItem<InterestRecord>(item);
        found.set(i.id, i);
      }
      request = out.UnprocessedKeys?.[this.table]?.Keys as Record<string, unknown>[] | undefined;
    }
    return {
      items: page.items.flatMap((id) => {
        const i = found.get(id);
        return i && i.techManager?.id === userId ? [i] : [];
      }),
      nextCursor: page.nextCursor,
    };
  }
}
