/**
 * 揭榜企业与政策支持 storage (issue 16, item 7; keys SP1–SP3): one entry per selected SME and campaign, in the
 * campaign's partition and in its authority region's, and the support records of each SME.
 *
 * The entries are written by the selection transaction (`smeEntryUpdates`: the SME's data from its result line and
 * `ADD demands` of the demand it was selected on) and, for a selection replaced after an upheld objection, the
 * demand is taken out again (`smeEntryRemovals`); an entry whose set of demands is empty is no longer listed. A
 * support record is one transaction: the record (attribute_not_exists), `ADD` to the count and total of both
 * entries (conditional on the SME being selected, `not_selected`), the SME's audit event and, with an
 * Idempotency-Key, the answer.
 */
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { SupportQualification } from '@jiebang/shared';
import type { Store } from './client';
import { auditPut, type AuditInput } from './events';
import { filteredPage } from './filtered-page';
import { fromItem } from './items';
import { keys, supportKeys as sk, SUPPORT_ENTITY } from './keys';
import type { Page } from './repositories';
import { named, transact, type NamedItem, type TransactItem } from './transact';
import type { StoredResultLine } from './dynamo-evaluation';

/** An SME's entry as stored: `demands` holds "<demandId>|<title>" for each demand it was selected on. */
export interface StoredSupportedSme {
  campaignYear: number;
  orgId: string;
  orgName: string;
  creditCode: string;
  orgSize: StoredResultLine['orgSize'];
  authorityRegion: string;
  qualifications: StoredResultLine['qualifications'];
  demands?: Set<string> | string[];
  supportCount?: number;
  supportTotalYuan?: number;
  lastSupportDate?: string;
}

export interface StoredSupportRecord {
  id: string;
  orgId: string;
  campaignYear: number;
  measure: string;
  amountYuan: number;
  date: string;
  note?: string;
  recordedAt: string;
  recordedBy: string;
  recordedByName: string;
}

/** The element of an entry's demand set for a line (fixed at selection: the title does not change after it). */
const demandElement = (l: Pick<StoredResultLine, 'demandId' | 'demandTitle'>) => `${l.demandId}|${l.demandTitle}`;

/** Both copies of an SME's entry: the campaign's and its region's. */
const entryKeys = (year: number, region: string, orgId: string) => [
  sk.sme(year, undefined, orgId),
  sk.sme(year, region, orgId),
];

/** Selection transaction: the selected SME's entries, with the demand added to their set. */
export function smeEntryUpdates(table: string, l: StoredResultLine): TransactItem[] {
  return entryKeys(l.campaignYear, l.authorityRegion, l.orgId).map((Key): TransactItem => ({
    Update: {
      TableName: table,
      Key,
      UpdateExpression:
        'SET entityType = :et, campaignYear = :y, orgId = :o, orgName = :n, creditCode = :c, orgSize = :s, ' +
        'authorityRegion = :r, qualifications = :q ADD demands :d',
      ExpressionAttributeValues: {
        ':et': SUPPORT_ENTITY.sme,
        ':y': l.campaignYear,
        ':o': l.orgId,
        ':n': l.orgName,
        ':c': l.creditCode,
        ':s': l.orgSize,
        ':r': l.authorityRegion,
        ':q': l.qualifications,
        ':d': new Set([demandElement(l)]),
      },
    },
  }));
}

/** Selection transaction replacing one reopened by an objection: the demand out of a no-longer-selected SME's set. */
export function smeEntryRemovals(table: string, l: StoredResultLine): TransactItem[] {
  return entryKeys(l.campaignYear, l.authorityRegion, l.orgId).map((Key): TransactItem => ({
    Update: {
      TableName: table,
      Key,
      UpdateExpression: 'DELETE demands :d',
      ExpressionAttributeValues: { ':d': new Set([demandElement(l)]) },
    },
  }));
}

export class DynamoPolicySupportRepository {
  constructor(private readonly store: Store) {}

  private get table() {
    return this.store.table;
  }

  /** A page of a campaign's (or one region's) selected SMEs, optionally of one qualification. */
  async list(
    year: number,
    region: string | undefined,
    qualification: SupportQualification | undefined,
    limit: number,
    cursor: string | undefined,
  ): Promise<Page<StoredSupportedSme>> {
    const page = await filteredPage(
      this.store,
      {
        partition: sk.smesPartition(year, region),
        filter: { exists: ['demands'], contains: { attributes: ['qualifications'], text: qualification } },
        ascending: true,
      },
      limit,
      cursor,
    );
    return { items: page.items.map((i) => fromItem<StoredSupportedSme>(i)), nextCursor: page.nextCursor };
  }

  /** Every entry of the list (the export): paginated. */
  async all(
    year: number,
    region: string | undefined,
    qualification: SupportQualification | undefined,
  ): Promise<StoredSupportedSme[]> {
    const out: StoredSupportedSme[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.list(year, region, qualification, 50, cursor);
      out.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return out;
  }

  /** An SME's entry in the campaign's partition, or in one region's (a province reads only its own). */
  async get(year: number, region: string | undefined, orgId: string): Promise<StoredSupportedSme | null> {
    const out = await this.store.doc.send(
      new GetCommand({ TableName: this.table, Key: sk.sme(year, region, orgId), ConsistentRead: true }),
    );
    const item = out.Item ? fromItem<StoredSupportedSme>(out.Item) : null;
    return item && item.demands ? item : null;
  }

  /** An SME's support records of a campaign, newest first. */
  async records(year: number, orgId: string): Promise<StoredSupportRecord[]> {
    const out: StoredSupportRecord[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.store.doc.send(
        new QueryCommand({
          TableName: this.table,
          KeyConditionExpression: 'PK = :pk',
          ExpressionAttributeValues: { ':pk': sk.recordsPartition(year, orgId) },
          ScanIndexForward: false,
          ExclusiveStartKey: start,
        }),
      );
      out.push(...(page.Items ?? []).map((i) => fromItem<StoredSupportRecord>(i)));
      start = page.LastEvaluatedKey;
    } while (start);
    return out;
  }

  /**
   * Record a support: the record, the count and total on both entries (refused `not_selected` when the SME is not
   * a selected SME of the campaign), the audit event on the SME's trail and `extra` (the idempotent answer).
   */
  async record(r: StoredSupportRecord, region: string, audit: AuditInput, extra: NamedItem[]): Promise<void> {
    await transact(this.store, [
      {
        Put: {
          TableName: this.table,
          Item: {
            ...sk.record(r.campaignYear, r.orgId, r.recordedAt, r.id),
            entityType: SUPPORT_ENTITY.record,
            ...r,
          },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      },
      ...entryKeys(r.campaignYear, region, r.orgId).map((Key) =>
        named('not_selected', {
          Update: {
            TableName: this.table,
            Key,
            UpdateExpression: 'ADD supportCount :one, supportTotalYuan :amt SET lastSupportDate = :d',
            ConditionExpression: 'attribute_exists(demands)',
            ExpressionAttributeValues: { ':one': 1, ':amt': r.amountYuan, ':d': r.date },
          },
        }),
      ),
      auditPut(this.table, keys.org(r.orgId).PK, audit),
      ...extra,
    ]);
  }

  /**
   * Backfill (infra/cli.ts `support-index`): the entries of selections decided before the entries existed, from
   * the campaign's result lines; idempotent (a set), reopened lines are skipped. Returns how many lines it wrote.
   */
  async rebuild(lines: readonly (StoredResultLine & { reopened?: boolean })[]): Promise<number> {
    let n = 0;
    for (const l of lines) {
      if (l.reopened) continue;
      await transact(this.store, smeEntryUpdates(this.table, l));
      n++;
    }
    return n;
  }
}
