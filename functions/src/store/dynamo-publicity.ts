/**
 * 公示 storage (issue 17; keys P1–P4): objections to the 揭榜名单 and their answers, and the reopening of a demand's
 * selection when one is upheld.
 *
 * A demand's result lines (E4/E5) carry the state the public page shows: `pendingObjections` (ADDed by a filing,
 * taken back by its answer, in the same transactions) and `reopened` (set by an upheld objection; the next
 * selection replaces or deletes the lines). Each write is conditional: a filing on lines that exist and are not
 * reopened (`result_changed`), an answer on an objection still pending (`objection_answered`: of concurrent
 * answers exactly one passes), a reopening on the demand's status and version (`demand_changed`) and each
 * application's status (`application_changed`).
 *
 * The objector is stored on the objection (the ministry answers it, the objector follows it) and in the
 * objection's own audit trail; it never reaches a line, the demand's trail or a notification to the issuer.
 */
import type { Demand, Notification } from '@jiebang/shared';

import { catalogueWrites } from './dynamo-demands';
import type { Store } from './client';
import { counterUpdates, countChange } from './counters';
import { demandContribution, selectionContribution } from '../domain/stats';
import { auditPut, notificationPut, type AuditInput } from './events';
import type { EvaluationEntry, StoredResultLine } from './dynamo-evaluation';
import { resultsVersionBump } from './dynamo-evaluation';
import { fromItem, getRecord } from './items';
import { evaluationKeys as ek, keys, publicityKeys as pk, PUBLICITY_ENTITY } from './keys';
import { queryAll } from './query-all';
import { named, transact, TransactionRefused, transactionSize, type TransactItem } from './transact';

export interface ObjectionRecord {
  id: string;
  campaignYear: number;
  demandId: string;
  demandTitle: string;
  objectorOrgId: string;
  objectorName: string;
  objectorUserId: string;
  text: string;
  attachments: { key: string; name: string }[];
  status: 'pending' | 'upheld' | 'dismissed';
  filedAt: string;
  noticeUntil: string;
  reply?: string;
  answeredAt?: string;
  answeredBy?: string;
}

/** A result line with its 公示 state. */
export type PublicityLine = StoredResultLine & { reopened?: boolean; pendingObjections?: number };

/** What an upheld objection reopens: the demand and the applications decided with it. */
export interface Reopening {
  before: Demand;
  after: Demand;
  decidedAt: string;
  audit: AuditInput;
  /** Each decided application, back to `released`, with its trail's event and its applicant's notice. */
  applications: { entry: EvaluationEntry; audit: AuditInput; notification: Omit<Notification, 'id'> }[];
}

/** A transaction may hold this many items (DynamoDB's limit). */
const MAX_ITEMS = 100;

export class DynamoPublicityRepository {
  constructor(private readonly store: Store) {}

  private get table() {
    return this.store.table;
  }

  /** Both copies of each line: the campaign's list and its applicant's region list. */
  private lineKeys(lines: readonly PublicityLine[]) {
    return lines.flatMap((l) => [
      ek.resultLine(l.campaignYear, undefined, l.demandId, l.applicationId),
      ek.resultLine(l.campaignYear, l.authorityRegion, l.demandId, l.applicationId),
    ]);
  }

  /** Lines updated in a transaction, refused (`result_changed`) when a line is gone or already reopened. */
  private lineUpdates(lines: readonly PublicityLine[], update: string, values: Record<string, unknown>) {
    return this.lineKeys(lines).map((Key) =>
      named('result_changed', {
        Update: {
          TableName: this.table,
          Key,
          UpdateExpression: update,
          ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(reopened)',
          ExpressionAttributeValues: values,
        },
      }),
    );
  }

  /**
   * File an objection: the objection (with both list entries), the count on the demand's lines, the objection's
   * trail, the notices, and `checks` (its attachments exist) in one transaction.
   */
  async file(
    o: ObjectionRecord,
    lines: readonly PublicityLine[],
    checks: TransactItem[],
    audit: AuditInput,
    notifications: Omit<Notification, 'id'>[],
  ): Promise<void> {
    await transact(this.store, [
      {
        Put: {
          TableName: this.table,
          Item: {
            ...pk.objection(o.id),
            ...pk.allObjections(o.filedAt, o.id),
            ...pk.orgObjections(o.objectorOrgId, o.filedAt, o.id),
            entityType: PUBLICITY_ENTITY.objection,
            ...o,
          },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      },
      ...this.lineUpdates(lines, 'ADD pendingObjections :one', { ':one': 1 }),
      ...checks,
      auditPut(this.table, pk.objection(o.id).PK, audit),
      ...notifications.map((n) => notificationPut(this.table, n)),
    ]);
  }

  async get(id: string): Promise<ObjectionRecord | null> {
    return getRecord<ObjectionRecord>(this.store, pk.objection(id), true);
  }

  /** Every objection, newest first (P2), or one enterprise's (P3). */
  async list(orgId?: string): Promise<ObjectionRecord[]> {
    const items = await queryAll(this.store, {
      IndexName: orgId ? 'GSI2' : 'GSI1',
      KeyConditionExpression: orgId ? 'GSI2PK = :pk' : 'GSI1PK = :pk',
      ExpressionAttributeValues: { ':pk': orgId ? pk.orgObjectionsPartition(orgId) : pk.allObjectionsPartition },
      ScanIndexForward: false,
    });
    return items.map((i) => fromItem<ObjectionRecord>(i));
  }

  /**
   * Answer an objection once: the objection (conditional on `pending`), the count on the lines taken back, the
   * trail and the notices; upheld (`reopening` given), the lines are marked reopened and the reopening rides along. Applications that
   * do not fit in the transaction are reopened right after, each conditional on the status it was decided to.
   */
  async answer(
    o: ObjectionRecord,
    answer: { status: 'upheld' | 'dismissed'; reply: string; at: string; by: string },
    lines: readonly PublicityLine[],
    audit: AuditInput,
    notifications: Omit<Notification, 'id'>[],
    reopening: Reopening | null,
  ): Promise<void> {
    const live = lines.filter((l) => !l.reopened);
    const items: TransactItem[] = [
      named('objection_answered', {
        Update: {
          TableName: this.table,
          Key: pk.objection(o.id),
          UpdateExpression: 'SET #status = :s, reply = :r, answeredAt = :at, answeredBy = :by',
          ConditionExpression: '#status = :pending',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':s': answer.status,
            ':r': answer.reply,
            ':at': answer.at,
            ':by': answer.by,
            ':pending': 'pending',
          },
        },
      }),
      // Lines already reopened by another upheld objection (or replaced by a new selection) are left as they are.
      ...(reopening
        ? this.lineUpdates(live, 'SET reopened = :t REMOVE pendingObjections', { ':t': true })
        : this.lineUpdates(
            live.filter((l) => (l.pendingObjections ?? 0) > 0),
            'ADD pendingObjections :minus',
            { ':minus': -1 },
          )),
      auditPut(this.table, pk.objection(o.id).PK, audit),
      ...notifications.map((n) => notificationPut(this.table, n)),
    ];
    if (!reopening) {
      await transact(this.store, items);
      return;
    }
    items.push(...this.reopenDemand(reopening, lines));
    const apps = reopening.applications.map((a) => this.reopenApplication(a, reopening.decidedAt));
    let used = transactionSize(items);
    let i = 0;
    for (; i < apps.length && used + transactionSize(apps[i]!) <= MAX_ITEMS; i++) {
      items.push(...apps[i]!);
      used += transactionSize(apps[i]!);
    }
    await transact(this.store, items);
    // The rest (a demand with many not-selected applicants): each conditional on its decided status, so a rerun
    // skips what is done; the issuer sees them released as they come.
    for (const rest of apps.slice(i)) {
      try {
        await transact(this.store, rest);
      } catch (err) {
        if (!(err instanceof TransactionRefused)) throw err;
      }
    }
  }

  /** The demand back to `evaluating` (conditional on the status and version read), its decision removed. */
  private reopenDemand(r: Reopening, lines: readonly PublicityLine[]): TransactItem[] {
    return [
      named('demand_changed', {
        Update: {
          TableName: this.table,
          Key: keys.demand(r.before.id),
          // reopenedAt: the next selection looks for the lines of this one to replace (use-cases/selection.ts).
          UpdateExpression:
            'SET #status = :to, #version = :nv, updatedAt = :at, reopenedAt = :at REMOVE decidedAt, acceptancePending',
          ConditionExpression: '#status = :from AND #version = :v',
          ExpressionAttributeNames: { '#status': 'status', '#version': 'version' },
          ExpressionAttributeValues: {
            ':to': r.after.status,
            ':nv': r.after.version,
            ':at': r.after.updatedAt,
            ':from': r.before.status,
            ':v': r.before.version,
          },
        },
      }),
      named('demand_changed', {
        Delete: { TableName: this.table, Key: ek.decision(r.before.id), ConditionExpression: 'attribute_exists(PK)' },
      }),
      ...(lines.length > 0
        ? [
            resultsVersionBump(
              this.table,
              lines[0]!.campaignYear,
              lines.map((l) => l.authorityRegion),
              true,
            ),
          ]
        : []),
      auditPut(this.table, keys.demand(r.before.id).PK, r.audit),
      ...catalogueWrites(this.table, r.before, r.after),
      ...countChange(this.table, demandContribution(r.before), demandContribution(r.after)),
    ];
  }

  /** One decided application back to `released` with its evaluation entry; a selection no longer counted. */
  private reopenApplication(a: Reopening['applications'][number], decidedAt: string): TransactItem[] {
    const was = a.entry.status;
    return [
      named('application_changed', {
        Update: {
          TableName: this.table,
          Key: keys.application(a.entry.applicationId),
          UpdateExpression: 'SET #status = :released, #version = #version + :one, updatedAt = :at REMOVE decidedAt',
          ConditionExpression: '#status = :was',
          ExpressionAttributeNames: { '#status': 'status', '#version': 'version' },
          ExpressionAttributeValues: { ':released': 'released', ':one': 1, ':at': a.audit.at, ':was': was },
        },
      }),
      {
        Update: {
          TableName: this.table,
          Key: ek.entry(a.entry.demandId, a.entry.applicationId),
          UpdateExpression: 'SET #status = :released',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':released': 'released' },
        },
      },
      auditPut(this.table, keys.application(a.entry.applicationId).PK, a.audit),
      notificationPut(this.table, a.notification),
      ...(was === 'selected'
        ? counterUpdates(this.table, [
            { ...selectionContribution(a.entry.authorityRegion, a.entry.applicationId, decidedAt), n: -1 },
          ])
        : []),
    ];
  }
}
