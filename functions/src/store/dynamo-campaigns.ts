import type { AuditEvent, Campaign, Cutoff, Notification } from '@jiebang/shared';
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Store } from './client';
import { auditPut, notificationPut } from './events';
import { fromItem, getRecord, putIf } from './items';
import { ENTITY, LETTER_ENTITY, keys, letterKeys } from './keys';
import { named, transact, transactUnlessRefused } from './transact';
import type { CampaignRepository } from './repositories';

export class DynamoCampaignRepository implements CampaignRepository {
  constructor(private readonly store: Store) {}

  /** The newest year's campaign: one Query, one item (the partition also holds the campaigns' audit events). */
  async current(): Promise<Campaign | null> {
    const out = await this.store.doc.send(
      new QueryCommand({
        TableName: this.store.table,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :year)',
        ExpressionAttributeValues: { ':pk': keys.campaignPartition, ':year': keys.campaignYearPrefix },
        ScanIndexForward: false,
        Limit: 1,
      }),
    );
    const item = out.Items?.[0];
    return item ? fromItem<Campaign>(item) : null;
  }

  async get(year: number): Promise<Campaign | null> {
    return getRecord<Campaign>(this.store, keys.campaign(year));
  }

  async createIfAbsent(c: Campaign): Promise<boolean> {
    return putIf(this.store, {
      Item: { ...keys.campaign(c.year), entityType: ENTITY.campaign, ...c },
      ConditionExpression: 'attribute_not_exists(PK)',
    });
  }

  async create(c: Campaign, audit: Omit<AuditEvent, 'id'>): Promise<boolean> {
    return transactUnlessRefused(this.store, [
      {
        Put: {
          TableName: this.store.table,
          Item: { ...keys.campaign(c.year), entityType: ENTITY.campaign, ...c },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      },
      auditPut(this.store.table, keys.campaignPartition, audit),
    ]);
  }

  // 221号 to the letter (issue 16): the ministry changes the deadlines; provinces set their own cut-off.

  /**
   * Replace the campaign, conditional on the version read (absent = 0), with its audit event and the
   * notifications in the same transaction. False when someone changed it meanwhile (or it does not exist).
   */
  async update(
    before: Campaign,
    after: Campaign,
    audit: Omit<AuditEvent, 'id'>,
    notifications: Omit<Notification, 'id'>[],
  ): Promise<boolean> {
    const t = this.store.table;
    return transactUnlessRefused(this.store, [
      named('campaign_changed', {
        Put: {
          TableName: t,
          Item: { ...keys.campaign(after.year), entityType: ENTITY.campaign, ...after },
          ConditionExpression: before.version
            ? 'attribute_exists(PK) AND #v = :v'
            : 'attribute_exists(PK) AND attribute_not_exists(#v)',
          ExpressionAttributeNames: { '#v': 'version' },
          ...(before.version ? { ExpressionAttributeValues: { ':v': before.version } } : {}),
        },
      }),
      auditPut(t, keys.campaignPartition, audit),
      ...notifications.map((n) => notificationPut(t, n)),
    ]);
  }

  /** A province's cut-off for its issuers, or null. One GetItem. */
  async cutoff(year: number, region: string): Promise<string | null> {
    const out = await this.store.doc.send(
      new GetCommand({ TableName: this.store.table, Key: letterKeys.cutoff(year, region) }),
    );
    return (out.Item?.cutoff as string | undefined) ?? null;
  }

  /** Set (or, with `cutoff: null`, clear) a province's cut-off, with its audit event in the campaign's trail. */
  async putCutoff(c: Cutoff, audit: Omit<AuditEvent, 'id'>): Promise<void> {
    const t = this.store.table;
    await transact(this.store, [
      c.cutoff === null
        ? { Delete: { TableName: t, Key: letterKeys.cutoff(c.year, c.region) } }
        : {
            Put: {
              TableName: t,
              Item: { ...letterKeys.cutoff(c.year, c.region), entityType: LETTER_ENTITY.cutoff, ...c },
            },
          },
      auditPut(t, keys.campaignPartition, audit),
    ]);
  }
}
