/**
 * Questions on demands (答疑, trust; key pattern T4): one partition per demand, apart from the demand's own so that
 * reading a demand never meets them. The asker is stored (abuse, the person's own data) and never leaves here in
 * a view: `questionView` in the use-case picks the public fields.
 */
import type { Notification } from '@jiebang/shared';

import type { Store } from './client';
import { auditPut, notificationPut, type AuditInput } from './events';
import { fromItem, getRecord } from './items';
import { ENTITY, keys } from './keys';
import { queryAll } from './query-all';
import { named, publishedCheck, transact, type TransactItem } from './transact';

export interface QuestionRecord {
  id: string;
  demandId: string;
  text: string;
  status: 'open' | 'answered';
  askedAt: string;
  askerOrgId: string;
  askerUserId: string;
  answer?: string;
  answeredAt?: string;
  answeredBy?: string;
}

/** Notifications beyond this many are written after the answer's transaction, in transactions of their own. */
const INLINE_NOTIFICATIONS = 90;

export class DynamoClarificationRepository {
  constructor(private readonly store: Store) {}

  /**
   * Store a question, conditional on the demand still being published (`demand_not_open`), with the issuer's
   * to-do in the same transaction.
   */
  async ask(q: QuestionRecord, notifications: Omit<Notification, 'id'>[]): Promise<void> {
    await transact(this.store, [
      {
        Put: {
          TableName: this.store.table,
          Item: { ...keys.question(q.demandId, q.id), entityType: ENTITY.question, ...q },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      },
      publishedCheck('demand_not_open', this.store.table, keys.demand(q.demandId)),
      ...notifications.map((n) => notificationPut(this.store.table, n)),
    ]);
  }

  async get(demandId: string, qid: string): Promise<QuestionRecord | null> {
    return getRecord<QuestionRecord>(this.store, keys.question(demandId, qid), true);
  }

  /** Every question of a demand, in asking order (a demand gets tens, not thousands: pages are followed). */
  async list(demandId: string): Promise<QuestionRecord[]> {
    const items = await queryAll(this.store, {
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': keys.questionsPartition(demandId) },
    });
    return items.map((i) => fromItem<QuestionRecord>(i));
  }

  /** The enterprises with a draft application to the demand (the sparse drafts index, pattern 33). */
  async draftingOrgs(demandId: string): Promise<string[]> {
    const items = await queryAll(this.store, {
      IndexName: 'GSI2',
      KeyConditionExpression: 'GSI2PK = :pk',
      ExpressionAttributeValues: { ':pk': keys.demandDraftsPartition(demandId) },
      ProjectionExpression: 'orgId',
    });
    return [...new Set(items.flatMap((i) => (typeof i.orgId === 'string' ? [i.orgId] : [])))];
  }

  /**
   * Record the answer, conditional on the question being still open (`question_answered`), with the demand's
   * audit event and the notifications (the first 90 in the same transaction; a demand followed by more gets the
   * rest right after, in transactions of 100).
   */
  async answer(
    q: QuestionRecord,
    answer: { text: string; at: string; by: string },
    audit: AuditInput,
    notifications: Omit<Notification, 'id'>[],
  ): Promise<void> {
    const inline = notifications.slice(0, INLINE_NOTIFICATIONS);
    const items: TransactItem[] = [
      named('question_answered', {
        Update: {
          TableName: this.store.table,
          Key: keys.question(q.demandId, q.id),
          UpdateExpression: 'SET #status = :answered, answer = :text, answeredAt = :at, answeredBy = :by',
          ConditionExpression: '#status = :open',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':answered': 'answered',
            ':open': 'open',
            ':text': answer.text,
            ':at': answer.at,
            ':by': answer.by,
          },
        },
      }),
      auditPut(this.store.table, keys.demand(q.demandId).PK, audit),
      ...inline.map((n) => notificationPut(this.store.table, n)),
    ];
    await transact(this.store, items);
    const rest = notifications.slice(INLINE_NOTIFICATIONS);
    for (let i = 0; i < rest.length; i += 100)
      await transact(
        this.store,
        rest.slice(i, i + 100).map((n) => notificationPut(this.store.table, n)),
      );
  }
}
