import type { Org } from '@jiebang/shared';
import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Store } from './client';
import { fromItem, isConditionFailure } from './items';
import { ENTITY, keys } from './keys';
import type { OrgRepository } from './repositories';

export class DynamoOrgRepository implements OrgRepository {
  constructor(private readonly store: Store) {}

  async get(id: string): Promise<Org | null> {
    const out = await this.store.doc.send(new GetCommand({ TableName: this.store.table, Key: keys.org(id) }));
    return out.Item ? fromItem<Org>(out.Item) : null;
  }

  async create(org: Org): Promise<boolean> {
    try {
      await this.store.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.store.table,
                Item: { ...keys.creditCode(org.creditCode), entityType: ENTITY.creditCode, orgId: org.id },
                ConditionExpression: 'attribute_not_exists(PK)',
              },
            },
            {
              Put: {
                TableName: this.store.table,
                Item: { ...keys.org(org.id), entityType: ENTITY.org, ...org },
                ConditionExpression: 'attribute_not_exists(PK)',
              },
            },
          ],
        }),
      );
      return true;
    } catch (err) {
      if (isConditionFailure(err)) return false;
      throw err;
    }
  }
}
