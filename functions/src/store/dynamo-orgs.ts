import type { Affiliate, AuditEvent, DemandTrack, Org } from '@jiebang/shared';
import { GetCommand, PutCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Store } from './client';
import { conditionHeld, fromItem, getRecord } from './items';
import { ENTITY, keys } from './keys';
import type { OrgRepository } from './repositories';
import { named, transact, TransactionRefused, writeItem, type NamedItem, type TransactItem } from './transact';
import type { DynamoUserRepository } from './dynamo-users';
import { auditPut } from './events';

export type AuditInput = Omit<AuditEvent, 'id'>;

/** An invite code: single use, expires (the TTL attribute removes it eventually; the condition decides). */
export interface InviteRecord {
  code: string;
  orgId: string;
  createdBy: string;
  createdAt: string;
  expiresAt: string;
}

/** An uploaded attachment, recorded once its content was checked (a PDF of at most 10 MB). */
export interface AttachmentRecord {
  id: string;
  orgId: string;
  key: string;
  size: number;
  uploadedBy: string;
  createdAt: string;
}

/** Most items of one TransactWriteItems (DynamoDB's limit). */
const TRANSACTION_LIMIT = 100;

/** Condition that an item's `version` is `expected`; items written before versions existed count as 0. */
const versionIs = (expected: number) =>
  expected === 0
    ? { expr: '(attribute_not_exists(version) OR version = :v)', values: { ':v': 0 } }
    : { expr: 'version = :v', values: { ':v': expected } };

export class DynamoOrgRepository implements OrgRepository {
  constructor(
    private readonly store: Store,
    private readonly users: DynamoUserRepository,
  ) {}

  /** The audit event of a change to the enterprise, in its own partition. */
  private auditItem(orgId: string, e: AuditInput): TransactItem {
    return auditPut(this.store.table, keys.org(orgId).PK, e);
  }

  async get(id: string): Promise<Org | null> {
    return getRecord<Org>(this.store, keys.org(id));
  }

  private markerPut(org: Org): NamedItem {
    return named('credit_code_taken', {
      Put: {
        TableName: this.store.table,
        Item: { ...keys.creditCode(org.creditCode), entityType: ENTITY.creditCode, orgId: org.id },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    });
  }

  private orgPut(org: Org): TransactItem {
    return {
      Put: {
        TableName: this.store.table,
        Item: { ...keys.org(org.id), entityType: ENTITY.org, ...org },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    };
  }

  /** Seed: the enterprise and its credit-code marker in one transaction; false when the code is taken. */
  async create(org: Org): Promise<boolean> {
    return conditionHeld(() =>
      this.store.doc.send(
        new TransactWriteCommand({ TransactItems: [this.markerPut(org), this.orgPut(org)].map(writeItem) }),
      ),
    );
  }

  /**
   * Registration: credit-code marker, enterprise, the registering user becoming its admin, audit — one
   * transaction, so 50 racing registrations of one code make exactly one enterprise and one admin.
   */
  async register(org: Org, userId: string, audit: AuditInput): Promise<'ok' | 'duplicate' | 'already_in_org'> {
    try {
      await transact(this.store, [
        this.markerPut(org),
        this.orgPut(org),
        this.users.joinOrgItem(userId, org.id, ['org_admin']),
        this.auditItem(org.id, audit),
        this.adminsPut(org.id, [userId]),
      ]);
      return 'ok';
    } catch (err) {
      if (!(err instanceof TransactionRefused)) throw err;
      if (err.by('credit_code_taken')) return 'duplicate';
      if (err.by('user_in_an_org')) return 'already_in_org';
      throw err;
    }
  }

  /** Replace the enterprise's form, conditional on the version read. */
  async update(
    org: Org,
    expectedVersion: number,
    audit: AuditInput,
    // More items of the same transaction: the profile's matching postings (library area, issue 15).
    extra: TransactItem[] = [],
  ): Promise<'ok' | 'stale'> {
    const cond = versionIs(expectedVersion);
    try {
      await transact(this.store, [
        {
          Put: {
            TableName: this.store.table,
            Item: { ...keys.org(org.id), entityType: ENTITY.org, ...org },
            ConditionExpression: `attribute_exists(PK) AND ${cond.expr}`,
            ExpressionAttributeValues: cond.values,
          },
        },
        this.auditItem(org.id, audit),
        ...extra,
      ]);
      return 'ok';
    } catch (err) {
      if (err instanceof TransactionRefused) return 'stale';
      throw err;
    }
  }

  /** The issuer's declared affiliates (one marker item each, all in the org's partition). */
  async listAffiliates(orgId: string): Promise<Affiliate[]> {
    const out: Affiliate[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.store.doc.send(
        new QueryCommand({
          TableName: this.store.table,
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :p)',
          ExpressionAttributeValues: { ':pk': keys.org(orgId).PK, ':p': keys.affiliatePrefix },
          ExclusiveStartKey: start,
        }),
      );
      for (const i of page.Items ?? []) {
        const a = fromItem<Affiliate & { orgId: string }>(i);
        out.push({ creditCode: a.creditCode, relation: a.relation, ...(a.name ? { name: a.name } : {}) });
      }
      start = page.LastEvaluatedKey;
    } while (start);
    return out;
  }

  /**
   * Replace the affiliate list by writing only the difference, in one transaction with the org's
   * `affiliatesVersion` bump (so two concurrent replacements cannot interleave) and the audit event.
   */
  async replaceAffiliates(
    orgId: string,
    current: Affiliate[],
    next: Affiliate[],
    expectedListVersion: number,
    audit: AuditInput,
  ): Promise<'ok' | 'too_many_changes' | 'stale'> {
    const same = (a: Affiliate, b: Affiliate) => a.name === b.name && a.relation === b.relation;
    const before = new Map(current.map((a) => [a.creditCode, a]));
    const after = new Map(next.map((a) => [a.creditCode, a]));
    const puts = next.filter((a) => !before.has(a.creditCode) || !same(before.get(a.creditCode)!, a));
    const deletes = current.filter((a) => !after.has(a.creditCode));
    const changes: TransactItem[] = [
      ...puts.map((a): TransactItem => ({
        Put: {
          TableName: this.store.table,
          Item: { ...keys.affiliate(orgId, a.creditCode), entityType: ENTITY.affiliate, orgId, ...a },
        },
      })),
      ...deletes.map((a): TransactItem => ({
        Delete: { TableName: this.store.table, Key: keys.affiliate(orgId, a.creditCode) },
      })),
    ];
    if (changes.length + 2 > TRANSACTION_LIMIT) return 'too_many_changes';
    const bump: TransactItem =
      expectedListVersion === 0
        ? {
            Update: {
              TableName: this.store.table,
              Key: keys.org(orgId),
              UpdateExpression: 'SET affiliatesVersion = :one',
              ConditionExpression:
                'attribute_exists(PK) AND (attribute_not_exists(affiliatesVersion) OR affiliatesVersion = :zero)',
              ExpressionAttributeValues: { ':one': 1, ':zero': 0 },
            },
          }
        : {
            Update: {
              TableName: this.store.table,
              Key: keys.org(orgId),
              UpdateExpression: 'SET affiliatesVersion = :next',
              ConditionExpression: 'affiliatesVersion = :v',
              ExpressionAttributeValues: { ':next': expectedListVersion + 1, ':v': expectedListVersion },
            },
          };
    try {
      await transact(this.store, [bump, ...changes, this.auditItem(orgId, audit)]);
      return 'ok';
    } catch (err) {
      if (err instanceof TransactionRefused) return 'stale';
      throw err;
    }
  }

  /** Transaction item: `creditCode` is NOT on the issuer's affiliate list (a direct key lookup, atomic with the write). */
  notAffiliateCheck(issuerOrgId: string, creditCode: string): NamedItem {
    return named('affiliate_of_issuer', {
      ConditionCheck: {
        TableName: this.store.table,
        Key: keys.affiliate(issuerOrgId, creditCode),
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    });
  }

  /**
   * Transaction item: the enterprise is still an SME that does not name `issuerCreditCode` as its controlling
   * shareholder — the facts the submit decided on cannot change underneath it.
   */
  stillEligibleCheck(orgId: string, issuerCreditCode: string, track: DemandTrack = 'large'): NamedItem {
    const notHeldByIssuer =
      '(attribute_not_exists(controllingShareholderCreditCode) OR controllingShareholderCreditCode <> :issuer)';
    // SME 发榜 (library area): an sme-track demand is answered by universities and institutes (no size).
    const condition =
      track === 'sme'
        ? {
            ConditionExpression: `kind IN (:university, :institute) AND ${notHeldByIssuer}`,
            ExpressionAttributeValues: {
              ':university': 'university',
              ':institute': 'institute',
              ':issuer': issuerCreditCode,
            },
          }
        : {
            ConditionExpression: `kind = :sme AND #size <> :large AND ${notHeldByIssuer}`,
            ExpressionAttributeNames: { '#size': 'size' },
            ExpressionAttributeValues: { ':sme': 'sme', ':large': 'large', ':issuer': issuerCreditCode },
          };
    return named('org_no_longer_eligible', {
      ConditionCheck: { TableName: this.store.table, Key: keys.org(orgId), ...condition },
    });
  }

  async createInvite(invite: InviteRecord): Promise<void> {
    await this.store.doc.send(
      new PutCommand({
        TableName: this.store.table,
        Item: {
          ...keys.invite(invite.code),
          entityType: ENTITY.invite,
          ...invite,
          ttl: Math.ceil(Date.parse(invite.expiresAt) / 1000),
        },
        ConditionExpression: 'attribute_not_exists(PK)',
      }),
    );
  }

  async getInvite(code: string): Promise<InviteRecord | null> {
    return getRecord<InviteRecord>(this.store, keys.invite(code));
  }

  /**
   * Use an invite: delete it (condition: still there and not expired — TTL deletion lags by hours) and make the
   * user a member, in one transaction, so a code admits exactly one user.
   */
  async acceptInvite(
    invite: InviteRecord,
    userId: string,
    now: Date,
    audit: AuditInput,
  ): Promise<'ok' | 'gone' | 'already_in_org'> {
    try {
      await transact(this.store, [
        named('invite_gone', {
          Delete: {
            TableName: this.store.table,
            Key: keys.invite(invite.code),
            ConditionExpression: 'attribute_exists(PK) AND expiresAt > :now',
            ExpressionAttributeValues: { ':now': now.toISOString() },
          },
        }),
        this.users.joinOrgItem(userId, invite.orgId, ['org_member']),
        this.auditItem(invite.orgId, audit),
      ]);
      return 'ok';
    } catch (err) {
      if (!(err instanceof TransactionRefused)) throw err;
      if (err.by('invite_gone')) return 'gone';
      return 'already_in_org';
    }
  }

  /** The admins item of an enterprise (condition: none yet). An empty set cannot be stored: then no attribute. */
  private adminsPut(orgId: string, adminIds: string[]): TransactItem {
    return {
      Put: {
        TableName: this.store.table,
        Item: {
          ...keys.orgAdmins(orgId),
          entityType: ENTITY.orgAdmins,
          orgId,
          ...(adminIds.length > 0 ? { adminIds: new Set(adminIds) } : {}),
        },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    };
  }

  /**
   * Transaction item on the admins set: `target` becomes (ADD) or stops being (DELETE) an admin. Conditions, so
   * that the rights follow the store whatever the session says: the actor is still an admin (unless it acts on
   * itself), and a DELETE leaves at least one admin. Two admins demoting each other at once: the second
   * transaction finds its actor gone from the set and is refused — never zero admins.
   */
  private adminsChange(orgId: string, actorId: string, targetId: string, op: 'ADD' | 'DELETE'): TransactItem {
    const actorIsAdmin = actorId === targetId ? null : 'contains(adminIds, :a)';
    const keepsOne = op === 'DELETE' ? '(NOT contains(adminIds, :t) OR size(adminIds) > :one)' : null;
    const condition = ['attribute_exists(PK)', actorIsAdmin, keepsOne].filter(Boolean).join(' AND ');
    return {
      Update: {
        TableName: this.store.table,
        Key: keys.orgAdmins(orgId),
        UpdateExpression: `${op} adminIds :set`,
        ConditionExpression: condition,
        ExpressionAttributeValues: {
          ':set': new Set([targetId]),
          ...(actorIsAdmin ? { ':a': actorId } : {}),
          ...(keepsOne ? { ':t': targetId, ':one': 1 } : {}),
        },
      },
    };
  }

  /**
   * Enterprises registered before the admins item existed (and the seed's) get it on their first role change,
   * from their members' stored roles; a concurrent first change that wrote it already wins.
   */
  private async backfillAdmins(orgId: string): Promise<void> {
    const admins: string[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.store.doc.send(
        new QueryCommand({
          TableName: this.store.table,
          IndexName: 'GSI1',
          KeyConditionExpression: 'GSI1PK = :pk',
          ExpressionAttributeValues: { ':pk': keys.orgMembersPartition(orgId) },
          ExclusiveStartKey: start,
        }),
      );
      for (const i of page.Items ?? []) {
        if (i.orgId === orgId && Array.isArray(i.roles) && i.roles.includes('org_admin')) admins.push(i.id as string);
      }
      start = page.LastEvaluatedKey;
    } while (start);
    try {
      await transact(this.store, [this.adminsPut(orgId, admins)]);
    } catch (err) {
      if (!(err instanceof TransactionRefused)) throw err;
    }
  }

  /** Why the admins condition refused, read after the fact (the decision itself was the condition's). */
  private async adminsRefusal(
    orgId: string,
    actorId: string,
    targetId: string,
  ): Promise<'missing' | 'not_admin' | 'last_admin' | 'changed'> {
    const out = await this.store.doc.send(
      new GetCommand({ TableName: this.store.table, Key: keys.orgAdmins(orgId), ConsistentRead: true }),
    );
    if (!out.Item) return 'missing';
    const raw = out.Item.adminIds as Iterable<string> | undefined;
    const ids = new Set<string>(raw ? [...raw] : []);
    if (ids.has(targetId) && ids.size <= 1) return 'last_admin';
    if (actorId !== targetId && !ids.has(actorId)) return 'not_admin';
    return 'changed';
  }

  /**
   * A membership change guarded by the admins item: `userItem` (its condition: the user belongs to the org), the
   * admins change and the audit event in one transaction. The admins item is created on first need; a refusal
   * whose cause is gone when explained (the set changed in between) is tried again.
   */
  private async changeMembership(
    orgId: string,
    actorId: string,
    userId: string,
    userItem: TransactItem,
    op: 'ADD' | 'DELETE',
    audit: AuditInput,
  ): Promise<'ok' | 'not_member' | 'not_admin' | 'last_admin'> {
    for (let attempt = 0; ; attempt++) {
      try {
        await transact(this.store, [
          named('user_not_member', writeItem(userItem)),
          named('admins_refused', writeItem(this.adminsChange(orgId, actorId, userId, op))),
          this.auditItem(orgId, audit),
        ]);
        return 'ok';
      } catch (err) {
        if (!(err instanceof TransactionRefused)) throw err;
        if (err.by('admins_refused')) {
          const why = await this.adminsRefusal(orgId, actorId, userId);
          if (why === 'not_admin' || why === 'last_admin') return why;
          if (attempt >= 2) throw err;
          if (why === 'missing') await this.backfillAdmins(orgId);
          continue;
        }
        if (err.by('user_not_member')) return 'not_member';
        throw err;
      }
    }
  }

  /**
   * Set a member's roles: the user belongs to the org, the actor is still its admin, and demoting an admin leaves
   * one (conditions of the one transaction, with the audit event).
   */
  async setMemberRoles(
    orgId: string,
    actorId: string,
    userId: string,
    roles: string[],
    audit: AuditInput,
  ): Promise<'ok' | 'not_member' | 'not_admin' | 'last_admin'> {
    const op = roles.includes('org_admin') ? 'ADD' : 'DELETE';
    return this.changeMembership(orgId, actorId, userId, this.users.setRolesItem(userId, orgId, roles), op, audit);
  }

  /**
   * Remove a member (or let one leave, `actorId === userId`): it loses the enterprise and its roles in the same
   * transaction as the admins change and the audit event; the last admin can neither leave nor be removed.
   */
  async removeMember(
    orgId: string,
    actorId: string,
    userId: string,
    audit: AuditInput,
  ): Promise<'ok' | 'not_member' | 'not_admin' | 'last_admin'> {
    return this.changeMembership(orgId, actorId, userId, this.users.leaveOrgItem(userId, orgId), 'DELETE', audit);
  }

  async putAttachment(a: AttachmentRecord): Promise<void> {
    await this.store.doc.send(
      new PutCommand({
        TableName: this.store.table,
        Item: { ...keys.attachment(a.orgId, a.id), entityType: ENTITY.attachment, ...a },
      }),
    );
  }

  async getAttachment(orgId: string, id: string): Promise<AttachmentRecord | null> {
    return getRecord<AttachmentRecord>(this.store, keys.attachment(orgId, id));
  }

  /** Transaction item: the attachment was uploaded and checked (exists as a record of this org). */
  attachmentCheck(orgId: string, id: string): NamedItem {
    return named('attachment_missing', {
      ConditionCheck: {
        TableName: this.store.table,
        Key: keys.attachment(orgId, id),
        ConditionExpression: 'attribute_exists(PK)',
      },
    });
  }
}
