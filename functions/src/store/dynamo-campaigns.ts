import type { AuditEvent, Campaign } from '@jiebang/shared';
import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Store } from './client';
import { auditPut } from './events';
import { fromItem, isConditionFailure } from './items';
import { ENTITY, keys } from './keys';
import { transact, TransactionRefused } from './transact';
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
    const out = await this.store.doc.send(new GetCommand({ TableName: this.store.table, Key: keys.campaign(year) }));
    return out.Item ? fromItem<Campaign>(out.Item) : null;
  }

  async createIfAbsent(c: Campaign): Promise<boolean> {
    try {
      await this.store.doc.send(
        new PutCommand({
          TableName: this.store.table,
          Item: { ...keys.campaign(c.year), entityType: ENTITY.campaign, ...c },
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
      return true;
    } catch (err) {
      if (isConditionFailure(err)) return false;
      throw err;
    }
  }

  async create(c: Campaign, audit: Omit<AuditEvent, 'id'>): Promise<boolean> {
    try {
      await transact(this.store, [
        {
          Put: {
            TableName: this.store.table,
            Item: { ...keys.campaign(c.year), entityType: ENTITY.campaign, ...c },
            ConditionExpression: 'attribute_not_exists(PK)',
          },
        },
        auditPut(this.store.table, keys.campaignPartition, audit),
      ]);
      return true;
    } catch (err) {
      if (err instanceof TransactionRefused) return false;
      throw err;
    }
  }
}
