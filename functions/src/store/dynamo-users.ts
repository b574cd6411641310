import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Member } from '@jiebang/shared';
import type { Store } from './client';
import { fromItem, isConditionFailure } from './items';
import { ENTITY, keys } from './keys';
import type { UserRecord, UserRepository } from './repositories';
import { queryPage } from './query-page';
import { named, transact, TransactionRefused, type NamedItem, type WriteItem } from './transact';

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
          '#roles = if_not_exists(#roles, :noRoles), orgId = if_not_exists(orgId, :noOrg) ' +
          // pipl: signing in again after an erasure opens a new, empty account under the same pseudonymous id
          'REMOVE erasedAt',
        ExpressionAttributeNames: { '#roles': 'roles' },
        ExpressionAttributeValues: {
          ':t': ENTITY.user,
          ':id': id,
          ':o': openid,
          ':at': at,
          ':noRoles': [],
          ':noOrg': null,
        },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return fromItem<UserRecord>(out.Attributes!);
  }

  async get(id: string): Promise<UserRecord | null> {
    const out = await this.store.doc.send(new GetCommand({ TableName: this.store.table, Key: keys.user(id) }));
    return out.Item && !out.Item.erasedAt ? fromItem<UserRecord>(out.Item) : null;
  }

  /**
   * The user's enterprise and roles as stored now: one strongly consistent GetItem of two attributes, read on
   * every request that acts for an enterprise (auth/membership.ts). null when the user does not exist.
   */
  async membership(id: string): Promise<{ roles: string[]; orgId: string | null; orgCreditCode?: string } | null> {
    const out = await this.store.doc.send(
      new GetCommand({
        TableName: this.store.table,
        Key: keys.user(id),
        ProjectionExpression: '#roles, orgId, orgCreditCode, erasedAt',
        ExpressionAttributeNames: { '#roles': 'roles' },
        ConsistentRead: true,
      }),
    );
    if (!out.Item || out.Item.erasedAt) return null; // pipl: an erased account has no session
    const roles = Array.isArray(out.Item.roles)
      ? (out.Item.roles as unknown[]).filter((r) => typeof r === 'string')
      : [];
    const orgId = typeof out.Item.orgId === 'string' ? out.Item.orgId : null;
    // The enterprise's credit code (immutable) rides along, so a recommendation reads its affiliations at once.
    const code = orgId && typeof out.Item.orgCreditCode === 'string' ? { orgCreditCode: out.Item.orgCreditCode } : {};
    return { roles: roles as string[], orgId, ...code };
  }

  async createIfAbsent(user: UserRecord): Promise<boolean> {
    const put: WriteItem = {
      Put: {
        TableName: this.store.table,
        Item: {
          ...keys.user(user.id),
          ...(user.orgId ? keys.orgMember(user.orgId, user.id) : {}),
          entityType: ENTITY.user,
          ...user,
        },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    };
    try {
      if (user.orgId && user.roles.includes('org_admin')) {
        // An admin created directly (seed, fixtures) also joins the enterprise's admins set (keys.orgAdmins).
        await transact(this.store, [
          put,
          {
            Update: {
              TableName: this.store.table,
              Key: keys.orgAdmins(user.orgId),
              UpdateExpression: 'SET entityType = :t, orgId = :org ADD adminIds :u',
              ExpressionAttributeValues: { ':t': ENTITY.orgAdmins, ':org': user.orgId, ':u': new Set([user.id]) },
            },
          },
        ]);
      } else {
        await this.store.doc.send(new PutCommand(put.Put!));
      }
      return true;
    } catch (err) {
      if (err instanceof TransactionRefused || isConditionFailure(err)) return false;
      throw err;
    }
  }

  /**
   * Transaction item: the user joins `orgId` with `roles`, only if it exists and belongs to no enterprise yet
   * (a second registration or invite racing the first fails here). Also indexes it among the org's members.
   */
  joinOrgItem(userId: string, orgId: string, roles: string[], orgCreditCode: string): NamedItem {
    return named('user_in_an_org', {
      Update: {
        TableName: this.store.table,
        Key: keys.user(userId),
        UpdateExpression: 'SET #roles = :roles, orgId = :org, orgCreditCode = :code, GSI1PK = :g1pk, GSI1SK = :g1sk',
        ConditionExpression: 'attribute_exists(PK) AND (attribute_not_exists(orgId) OR orgId = :none)',
        ExpressionAttributeNames: { '#roles': 'roles' },
        ExpressionAttributeValues: {
          ':roles': roles,
          ':org': orgId,
          ':code': orgCreditCode,
          ':none': null,
          ':g1pk': keys.orgMember(orgId, userId).GSI1PK,
          ':g1sk': keys.orgMember(orgId, userId).GSI1SK,
        },
      },
    });
  }

  /** Transaction item: set the roles of a user that belongs to `orgId` (condition), keeping authority roles out. */
  setRolesItem(userId: string, orgId: string, roles: string[]): NamedItem {
    return named('user_not_member', {
      Update: {
        TableName: this.store.table,
        Key: keys.user(userId),
        UpdateExpression: 'SET #roles = :roles',
        ConditionExpression: 'orgId = :org',
        ExpressionAttributeNames: { '#roles': 'roles' },
        ExpressionAttributeValues: { ':roles': roles, ':org': orgId },
      },
    });
  }

  /**
   * Transaction item: the user leaves `orgId` (condition: still a member) — enterprise, roles and the members-index
   * entry go together, so the next request of its old token finds a user without enterprise.
   */
  leaveOrgItem(userId: string, orgId: string): NamedItem {
    return named('user_not_member', {
      Update: {
        TableName: this.store.table,
        Key: keys.user(userId),
        UpdateExpression: 'SET #roles = :none, orgId = :null REMOVE GSI1PK, GSI1SK, orgCreditCode',
        ConditionExpression: 'orgId = :org',
        ExpressionAttributeNames: { '#roles': 'roles' },
        ExpressionAttributeValues: { ':none': [], ':null': null, ':org': orgId },
      },
    });
  }

  /** Members of an enterprise: one Query on GSI1 per page. */
  async listMembers(
    orgId: string,
    limit: number,
    cursor?: string,
  ): Promise<{ items: Member[]; nextCursor: string | null }> {
    const partition = keys.orgMembersPartition(orgId);
    return queryPage(this.store, { index: 'GSI1', partition, limit, cursor }, (i): Member => {
      const u = fromItem<UserRecord>(i);
      return { id: u.id, roles: u.roles ?? [], ...(u.displayName ? { displayName: u.displayName } : {}) };
    });
  }
}
