import type { Application, ApplicationReview, ApplicationSummary, AuditEvent, Notification } from '@jiebang/shared';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Store } from './client';
import { fromItem, getRecord } from './items';
import { auditPut, notificationPut } from './events';
import { evaluationEntrySync } from './dynamo-evaluation';
import { ENTITY, keys, reviewedKeys } from './keys';
import { queryPage } from './query-page';
import { filteredPage, type ItemFilter } from './filtered-page';
import { listReviewed, reviewedPut } from './reviewed';
import { countChange } from './counters';
import { applicationContribution } from '../domain/stats';
import { named, publishedCheck, transact, TransactionRefused, type NamedItem, type TransactItem } from './transact';

/** What rides along with every change of an application: its audit event and notifications (outbox). */
export interface ApplicationChange {
  audit: Omit<AuditEvent, 'id'>;
  notifications: Omit<Notification, 'id'>[];
}

/** design (issue 18): an application as an authority decided it (已审), with the decision and its instant. */
export type ReviewedApplication = ApplicationSummary & {
  decision: ApplicationReview['decision'];
  decidedAt: string;
};

/** The stored application: the form and its state, plus the issuer's id, which is never shown to the applicant. */
export type ApplicationRecord = Application & { issuerOrgId: string };

import type { Page } from './repositories';
export type { Page };

/** Where the application waits for review, if anywhere, or that it is a draft (sparse GSI2 entry, from its status). */
function queueOf(a: ApplicationRecord): Record<string, string> {
  if (a.status === 'submitted' && a.submittedAt) {
    return keys.applicationQueueEntry(keys.provinceApplicationQueue(a.authorityRegion), a.submittedAt, a.id);
  }
  if (a.status === 'forwarded' && a.forwardedAt) {
    return keys.applicationQueueEntry(keys.ministryApplicationQueue, a.forwardedAt, a.id);
  }
  // 33: drafts of a demand, for its deadline reminders (notifications area).
  if (a.status === 'draft') return keys.demandDraft(a.demandId, a.createdAt, a.id);
  return {};
}

export class DynamoApplicationRepository {
  constructor(private readonly store: Store) {}

  /**
   * The whole item, keys derived from the record: every write replaces the item, so GSI2 queue attributes exist
   * exactly while the status is one that waits for an authority, and leaving a queue removes them.
   */
  private item(a: ApplicationRecord) {
    return {
      ...keys.application(a.id),
      ...keys.orgApplications(a.orgId, a.createdAt, a.id),
      ...queueOf(a),
      entityType: ENTITY.application,
      ...a,
    };
  }

  async get(id: string): Promise<ApplicationRecord | null> {
    return getRecord<ApplicationRecord>(this.store, keys.application(id));
  }

  private changeItems(id: string, change: ApplicationChange): TransactItem[] {
    return [
      auditPut(this.store.table, keys.application(id).PK, change.audit),
      ...change.notifications.map((n) => notificationPut(this.store.table, n)),
    ];
  }

  /** Insert a draft with its audit event. */
  async create(a: ApplicationRecord, change: ApplicationChange): Promise<void> {
    await transact(this.store, [
      { Put: { TableName: this.store.table, Item: this.item(a), ConditionExpression: 'attribute_not_exists(PK)' } },
      ...this.changeItems(a.id, change),
      ...countChange(this.store.table, [], applicationContribution(a)),
    ]);
  }

  /**
   * Write the application's new state, conditional on the status and version that were read, together with
   * `extra` items (markers, checks, idempotency record), the audit event, the notifications and the statistics
   * counters (the move from `expected`, the record that was read, to `next`). Throws
   * TransactionRefused naming the refused conditions: `application_changed` (status or version no longer those
   * read) or the names of the `extra` items.
   */
  async write(
    next: ApplicationRecord,
    expected: ApplicationRecord,
    change: ApplicationChange,
    extra: TransactItem[] = [],
  ): Promise<void> {
    await transact(this.store, [
      named('application_changed', {
        Put: {
          TableName: this.store.table,
          Item: this.item(next),
          ConditionExpression: '#status = :status AND version = :version',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':status': expected.status, ':version': expected.version },
        },
      }),
      ...extra,
      ...this.changeItems(next.id, change),
      // From its release on, the issuer's evaluation entry follows every change (store/dynamo-evaluation.ts).
      ...(next.releasedAt ? [evaluationEntrySync(this.store.table, next)] : []),
      ...countChange(this.store.table, applicationContribution(expected), applicationContribution(next)),
    ]);
  }

  /** Transaction item: claim "one application per SME per demand" for `applicationId` (or keep holding it). */
  applicantMarkerPut(demandId: string, orgId: string, applicationId: string, at: string): NamedItem {
    return named('applicant_marker_taken', {
      Put: {
        TableName: this.store.table,
        Item: {
          ...keys.applicant(demandId, orgId),
          entityType: ENTITY.applicantMarker,
          demandId,
          orgId,
          applicationId,
          at,
        },
        ConditionExpression: 'attribute_not_exists(PK) OR applicationId = :id',
        ExpressionAttributeValues: { ':id': applicationId },
      },
    });
  }

  /** Transaction item: the marker is free or held by this application (the condition of applicantMarkerPut). */
  applicantMarkerCheck(demandId: string, orgId: string, applicationId: string): TransactItem {
    return {
      ConditionCheck: {
        TableName: this.store.table,
        Key: keys.applicant(demandId, orgId),
        ConditionExpression: 'attribute_not_exists(PK) OR applicationId = :id',
        ExpressionAttributeValues: { ':id': applicationId },
      },
    };
  }

  /**
   * Evaluate condition checks alone, writing nothing; throws TransactionRefused with the indexes of `checks` that
   * failed.
   */
  async check(checks: TransactItem[]): Promise<void> {
    await transact(this.store, checks);
  }

  /** Transaction item: release the marker, only if this application holds it. */
  applicantMarkerDelete(demandId: string, orgId: string, applicationId: string): NamedItem {
    return named('applicant_marker_held_by_other', {
      Delete: {
        TableName: this.store.table,
        Key: keys.applicant(demandId, orgId),
        ConditionExpression: 'attribute_not_exists(PK) OR applicationId = :id',
        ExpressionAttributeValues: { ':id': applicationId },
      },
    });
  }

  /** Transaction item: the demand is still published (not withdrawn or closed for evaluation meanwhile). */
  demandPublishedCheck(demandId: string): NamedItem {
    return publishedCheck('demand_not_published', this.store.table, keys.demand(demandId));
  }

  /**
   * The ids of a demand's applications still in play: those holding the one-per-demand marker (24: submitted and
   * later, until withdrawn) and the drafts (33). Paginated Queries; used when the demand is withdrawn.
   */
  async openIdsOfDemand(demandId: string): Promise<string[]> {
    const ids = new Set<string>();
    for (const q of [
      { KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': keys.applicant(demandId, '').PK } },
      {
        IndexName: 'GSI2',
        KeyConditionExpression: 'GSI2PK = :pk',
        ExpressionAttributeValues: { ':pk': keys.demandDraftsPartition(demandId) },
      },
    ]) {
      let start: Record<string, unknown> | undefined;
      do {
        const page = await this.store.doc.send(
          new QueryCommand({ TableName: this.store.table, ...q, ExclusiveStartKey: start }),
        );
        for (const item of page.Items ?? []) ids.add(String(q.IndexName ? item.id : item.applicationId));
        start = page.LastEvaluatedKey;
      } while (start);
    }
    return [...ids];
  }

  /** An SME's applications, newest first: one Query on GSI1. */
  async listByOrg(orgId: string, limit: number, cursor?: string): Promise<Page<ApplicationRecord>> {
    return this.queryIndex('GSI1', keys.orgApplicationsPartition(orgId), limit, cursor);
  }

  /**
   * A review queue (province or ministry), oldest first — first come, first reviewed: one Query on GSI2 (with a
   * filter, up to three of that partition to fill the page; see filtered-page.ts).
   */
  async listQueue(
    queue: string,
    limit: number,
    cursor?: string,
    filter: ItemFilter = {},
  ): Promise<Page<ApplicationRecord>> {
    const page = await filteredPage(
      this.store,
      { index: 'GSI2', partition: queue, filter, ascending: true },
      limit,
      cursor,
    );
    return { ...page, items: page.items.map((i) => fromItem<ApplicationRecord>(i)) };
  }

  /** design (issue 18): what an authority (`ministry` or a region) decided (D2), newest first. */
  async listReviewed(authority: string, limit: number, cursor: string | undefined, filter: ItemFilter) {
    const page = await listReviewed(this.store, reviewedKeys.applications(authority), limit, cursor, filter);
    return { ...page, items: page.items.map((i) => fromItem<ReviewedApplication>(i)) };
  }

  /** The 已审 entry of a decision: an `extra` item of `write`. */
  reviewedPut(authority: string, entry: ReviewedApplication): TransactItem {
    return reviewedPut(this.store.table, reviewedKeys.applications(authority), entry);
  }

  private queryIndex(index: 'GSI1' | 'GSI2', partition: string, limit: number, cursor?: string, ascending = false) {
    return queryPage<ApplicationRecord>(this.store, { index, partition, limit, cursor, ascending });
  }
}

export { TransactionRefused };
