/**
 * Statistics: the counters as the dashboards read them (S1; written by store/counters.ts), and the 统计表 (S2–S4).
 */
import type { AuditEvent, StatsReport } from '@jiebang/shared';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Store } from './client';
import { readCounters, type RegionCounters } from './counters';
import { auditPut } from './events';
import { fromItem, getRecord } from './items';
import { statsKeys, STATS_ENTITY } from './keys';
import { named, transact, type TransactItem, transactUnlessRefused } from './transact';
import { queryAll } from './query-all';

/** A stored 统计表: the answer's fields that are not derived at read time (lateness, totals, period label). */
export type StoredReport = Omit<StatsReport, 'late' | 'total' | 'periodLabel' | 'deadline'> & {
  firstSubmittedAt?: string;
};

export class DynamoStatsRepository {
  constructor(private readonly store: Store) {}

  private get table() {
    return this.store.table;
  }

  /** A year's counters, of every region or of one: one Query. */
  read(year: number, region?: string): Promise<RegionCounters> {
    return readCounters(this.store, year, region);
  }

  /** The deadline of a period as the campaign data sets it, or null (the notice's default applies). */
  async periodDeadline(period: string): Promise<string | null> {
    const out = await this.store.doc.send(new GetCommand({ TableName: this.table, Key: statsKeys.period(period) }));
    return out.Item ? String(out.Item.deadline) : null;
  }

  /** Every period deadline the campaign data sets (a handful of items beside the campaigns): one Query. */
  async periodDeadlines(): Promise<Map<string, string>> {
    const items = await queryAll(this.store, {
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
      ExpressionAttributeValues: { ':pk': statsKeys.period('').PK, ':sk': statsKeys.period('').SK },
      ProjectionExpression: 'period, deadline',
    });
    return new Map(items.map((i) => [String(i.period), String(i.deadline)]));
  }

  /** Seed and ministry set-up: a period's deadline; false when it was already set. */
  async setPeriodDeadlineIfAbsent(period: string, deadline: string): Promise<boolean> {
    return transactUnlessRefused(this.store, [
      {
        Put: {
          TableName: this.table,
          Item: { ...statsKeys.period(period), entityType: STATS_ENTITY.period, period, deadline },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      },
    ]);
  }

  async getReport(period: string, region: string): Promise<StoredReport | null> {
    return getRecord<StoredReport>(this.store, statsKeys.report(period, region));
  }

  /** Every stored report of a period (≤ 37): one Query. */
  async listReports(period: string): Promise<StoredReport[]> {
    const items = await queryAll(this.store, {
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': statsKeys.reportPartition(period) },
    });
    return items.map((i) => fromItem<StoredReport>(i));
  }

  /**
   * Write `next` in place of the report at `expectedVersion` (0: none stored yet), with its audit event; a
   * submission also keeps `next` as its revision (S3), never overwritten. Refused (`report_changed`) when someone
   * else changed it meanwhile.
   */
  async writeReport(next: StoredReport, expectedVersion: number, audit: Omit<AuditEvent, 'id'>, keepRevision: boolean) {
    const item = { ...statsKeys.report(next.period, next.region), entityType: STATS_ENTITY.report, ...next };
    const items: TransactItem[] = [
      named('report_changed', {
        Put: {
          TableName: this.table,
          Item: item,
          ...(expectedVersion === 0
            ? { ConditionExpression: 'attribute_not_exists(PK)' }
            : {
                ConditionExpression: '#v = :v',
                ExpressionAttributeNames: { '#v': 'version' },
                ExpressionAttributeValues: { ':v': expectedVersion },
              }),
        },
      }),
      // Beside the revisions, so that the period's Query (S2) reads reports only.
      auditPut(this.table, statsKeys.revision(next.period, next.region, 0).PK, audit),
    ];
    if (keepRevision)
      items.push(
        named('revision_exists', {
          Put: {
            TableName: this.table,
            Item: {
              ...statsKeys.revision(next.period, next.region, next.revision),
              entityType: STATS_ENTITY.revision,
              ...next,
            },
            ConditionExpression: 'attribute_not_exists(PK)',
          },
        }),
      );
    await transact(this.store, items);
  }

  /** A kept revision (what the ministry read when it was submitted). */
  async getRevision(period: string, region: string, n: number): Promise<StoredReport | null> {
    return getRecord<StoredReport>(this.store, statsKeys.revision(period, region, n));
  }
}
