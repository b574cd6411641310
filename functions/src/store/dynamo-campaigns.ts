import type { Campaign } from '@jiebang/shared';
import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Store } from './client';
import { fromItem, isConditionFailure } from './items';
import { ENTITY, keys } from './keys';
import type { CampaignRepository } from './repositories';

export class DynamoCampaignRepository implements CampaignRepository {
  constructor(private readonly store: Store) {}

  /** The newest year's campaign: one Query, one item. */
  async current(): Promise<Campaign | null> {
    const out = await this.store.doc.send(
      new QueryCommand({
        TableName: this.store.table,
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': keys.campaignPartition },
        ScanIndexForward: false,
        Limit: 1,
      }),
    );
    const item = out.Items?.[0];
    return item ? fromItem<Campaign>(item) : null;
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
}
