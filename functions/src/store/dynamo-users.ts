import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Store } from './client';
import { fromItem, isConditionFailure } from './items';
import { ENTITY, keys } from './keys';
import type { UserRecord, UserRepository } from './repositories';

export class DynamoUserRepository implements UserRepository {
  constructor(private readonly store: Store) {}

  async recordLogin(id: string, openid: string, now: Date): Promise<UserRecord> {
    const at = now.toISOString();
    const out = await this.store.doc.send(
      new UpdateCommand({
        TableName: this.store.table,
        Key: keys.user(id),
        UpdateExpression:
          'SET entityType = :t, id = :id, openid = :o, lastLoginAt = :at, createdAt = if_not_exists(createdAt, :at), ' +
          '#roles = if_not_exists(#roles, :noRoles), orgId = if_not_exists(orgId, :noOrg)',
        ExpressionAttributeNames: { '#roles': 'roles' },
        ExpressionAttributeValues: { ':t': ENTITY.user, ':id': id, ':o': openid, ':at': at, ':noRoles': [], ':noOrg': null },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return fromItem<UserRecord>(out.Attributes!);
  }

  async get(id: string): Promise<UserRecord | null> {
    const out = await this.store.doc.send(new GetCommand({ TableName: this.store.table, Key: keys.user(id) }));
    return out.Item ? fromItem<UserRecord>(out.Item) : null;
  }

  async createIfAbsent(user: UserRecord): Promise<boolean> {
    try {
      await this.store.doc.send(
        new PutCommand({
          TableName: this.store.table,
          Item: { ...keys.user(user.id), entityType: ENTITY.user, ...user },
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
