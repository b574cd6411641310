import type { Affiliate, AuditEvent, DemandTrack, Org } from '@jiebang/shared';
import { GetCommand, PutCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Store } from './client';
import { conditionHeld, fromItem, getRecord, putIf } from './items';
import { ENTITY, keys, LIBRARY_ENTITY, libraryKeys } from './keys';
import type { OrgRepository } from './repositories';
import {
  existsCheck,
  named,
  transact,
  transactOutcome,
  TransactionRefused,
  writeItem,
  type NamedItem,
  type TransactItem,
  type WriteItem,
} from './transact';
import type { DynamoUserRepository } from './dynamo-users';
import { auditPut } from './events';
import { batchWriteAll } from './batch-write';
import { queryAll } from './query-all';

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

/**
 * A new generation of an affiliate list: `g` (never in a credit code's alphabet, which is upper-case) + the
 * creation time in base 36 + 4 random characters, so that two imports never write the same keys.
 */
export function newAffiliateGeneration(now: Date): string {
  return `g${now.getTime().toString(36)}${Math.random().toString(36).slice(2, 6).padEnd(4, '0')}`;
}
/** The generation of an affiliate item's SK ('' for `AFFILIATE#<code>`). */
const generationOf = (sk: string) => {
  const rest = sk.slice('AFFILIATE#'.length);
  const cut = rest.indexOf('#');
  return cut < 0 ? '' : rest.slice(0, cut);
};
const isGenerationItem = (sk: string) => generationOf(sk) !== '';
/** The credit code an affiliate item names (the last part of its sort key). */
const codeOf = (sk: string) => sk.slice(sk.lastIndexOf('#') + 1);

/**
 * The reverse entry (keys.ts M3) of one affiliate item: "generation `gen` of `issuerOrgId`'s list names
 * `creditCode`". Written with the item (same transaction for a declared list, same batches for an import), deleted
 * with it, so M3 never names fewer issuers than the current lists do.
 */
const affiliatedByItem = (creditCode: string, issuerOrgId: string, gen: string) => ({
  ...libraryKeys.affiliatedBy(creditCode, issuerOrgId, gen),
  entityType: LIBRARY_ENTITY.affiliatedBy,
  issuerOrgId,
  gen,
});

/** What a recommendation reads of an organisation (M3 `#ORG`), written in every transaction that writes the org. */
export function matchViewPut(table: string, org: Org): WriteItem {
  const { id, creditCode, region, profile, controllingShareholderCreditCode } = org;
  return {
    Put: {
      TableName: table,
      Item: {
        ...libraryKeys.matchView(creditCode),
        entityType: LIBRARY_ENTITY.matchView,
        id,
        creditCode,
        region,
        ...(profile ? { profile } : {}),
        ...(controllingShareholderCreditCode ? { controllingShareholderCreditCode } : {}),
      },
    },
  };
}

/** When a generation was created (ms), from its id. */
const generationTime = (gen: string) => parseInt(gen.slice(1, -4), 36);

/** Most bytes of one part of an affiliate list's directory (an item holds 400 KB; UTF-8 counted at 3 per char). */
const DIRECTORY_PART_BYTES = 300 * 1024;

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
        new TransactWriteCommand({
          TransactItems: [this.markerPut(org), this.orgPut(org), matchViewPut(this.store.table, org)].map(writeItem),
        }),
      ),
    );
  }

  /**
   * Registration: credit-code marker, enterprise, the registering user becoming its admin, audit — one
   * transaction, so 50 racing registrations of one code make exactly one enterprise and one admin.
   */
  async register(org: Org, userId: string, audit: AuditInput): Promise<'ok' | 'duplicate' | 'already_in_org'> {
    return transactOutcome(
      this.store,
      [
        this.markerPut(org),
        this.orgPut(org),
        matchViewPut(this.store.table, org),
        this.users.joinOrgItem(userId, org.id, ['org_admin'], org.creditCode),
        this.auditItem(org.id, audit),
        this.adminsPut(org.id, [userId]),
      ],
      { credit_code_taken: 'duplicate', user_in_an_org: 'already_in_org' },
    );
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
    // The Put rewrites the item: the affiliate list's pointer it carries must be the one stored (an import or an
    // edit of the list meanwhile makes this write stale rather than undone).
    const listVersion = (org as { affiliatesVersion?: number }).affiliatesVersion;
    const listCond =
      listVersion === undefined ? 'attribute_not_exists(affiliatesVersion)' : 'affiliatesVersion = :listVersion';
    try {
      await transact(this.store, [
        {
          Put: {
            TableName: this.store.table,
            Item: { ...keys.org(org.id), entityType: ENTITY.org, ...org },
            ConditionExpression: `attribute_exists(PK) AND ${cond.expr} AND ${listCond}`,
            ExpressionAttributeValues: {
              ...cond.values,
              ...(listVersion === undefined ? {} : { ':listVersion': listVersion }),
            },
          },
        },
        matchViewPut(this.store.table, org),
        this.auditItem(org.id, audit),
        ...extra,
      ]);
      return 'ok';
    } catch (err) {
      if (err instanceof TransactionRefused) return 'stale';
      throw err;
    }
  }

  /** The issuer's declared affiliates: the items of the list's current generation `gen` (org item's `affiliatesGen`). */
  async listAffiliates(orgId: string, gen = ''): Promise<Affiliate[]> {
    const items = await queryAll(this.store, {
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :p)',
      ExpressionAttributeValues: { ':pk': keys.org(orgId).PK, ':p': keys.affiliateGenPrefix(gen) },
    });
    return items
      .filter((i) => gen !== '' || !isGenerationItem(String(i.SK)))
      .map((i) => {
        const a = fromItem<Affiliate & { orgId: string }>(i);
        return { creditCode: a.creditCode, relation: a.relation, ...(a.name ? { name: a.name } : {}) };
      });
  }

  /** One entry of generation `gen` of the issuer's list, by its credit code (one GetItem), or null. */
  async getAffiliate(orgId: string, creditCode: string, gen = ''): Promise<Affiliate | null> {
    const out = await this.store.doc.send(
      new GetCommand({ TableName: this.store.table, Key: keys.affiliate(orgId, creditCode, gen) }),
    );
    if (!out.Item) return null;
    const a = fromItem<Affiliate>(out.Item);
    return { creditCode: a.creditCode, relation: a.relation, ...(a.name ? { name: a.name } : {}) };
  }

  /**
   * The list's directory as built for version `version` (pattern 20d: one Query of its few parts), or null when
   * none was built for that version (never, or the list changed since).
   */
  async affiliateDirectory(orgId: string, version: number): Promise<Affiliate[] | null> {
    const items = await queryAll(this.store, {
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :p)',
      ExpressionAttributeValues: { ':pk': keys.org(orgId).PK, ':p': keys.affiliateDirectoryPrefix },
    });
    const mine = items.filter((i) => i.listVersion === version);
    const parts = mine[0]?.parts;
    if (typeof parts !== 'number' || mine.length !== parts) return null;
    return mine.flatMap((i) =>
      (JSON.parse(String(i.rows)) as [string, string, Affiliate['relation']][]).map(([creditCode, name, relation]) => ({
        creditCode,
        relation,
        ...(name ? { name } : {}),
      })),
    );
  }

  /**
   * Store `list` (in its order) as the directory of version `version`, in parts of ≤ 300 KB. Each part is written
   * only over nothing or an older version's (a builder that read an older list never overwrites a newer one).
   */
  async saveAffiliateDirectory(orgId: string, version: number, list: Affiliate[]): Promise<void> {
    const parts: string[] = [];
    let rows: string[] = [];
    let bytes = 0;
    for (const a of list) {
      const row = JSON.stringify([a.creditCode, a.name ?? '', a.relation]);
      if (bytes + row.length * 3 > DIRECTORY_PART_BYTES && rows.length > 0) {
        parts.push(`[${rows.join(',')}]`);
        rows = [];
        bytes = 0;
      }
      rows.push(row);
      bytes += row.length * 3 + 1;
    }
    parts.push(`[${rows.join(',')}]`);
    await Promise.all(
      parts.map((part, i) =>
        putIf(this.store, {
          Item: {
            ...keys.affiliateDirectory(orgId, i),
            entityType: ENTITY.affiliateDirectory,
            listVersion: version,
            parts: parts.length,
            rows: part,
          },
          ConditionExpression: 'attribute_not_exists(PK) OR listVersion < :v',
          ExpressionAttributeValues: { ':v': version },
        }),
      ),
    );
  }

  /** The generation of an issuer's affiliate list that readers use now ('' before its first import). */
  async affiliatesGeneration(orgId: string): Promise<string> {
    const out = await this.store.doc.send(
      new GetCommand({ TableName: this.store.table, Key: keys.org(orgId), ProjectionExpression: 'affiliatesGen' }),
    );
    return typeof out.Item?.affiliatesGen === 'string' ? out.Item.affiliatesGen : '';
  }

  private affiliateItem(orgId: string, gen: string, a: Affiliate) {
    return { ...keys.affiliate(orgId, a.creditCode, gen), entityType: ENTITY.affiliate, orgId, ...a };
  }

  /** The org item's update that moves `affiliatesVersion` from `expected` to the next (and more, in `extra`). */
  private listBump(orgId: string, expected: number, gen: string, set: { to: string; values: Record<string, unknown> }) {
    const version =
      expected === 0
        ? '(attribute_not_exists(affiliatesVersion) OR affiliatesVersion = :zero)'
        : 'affiliatesVersion = :v';
    const generation = gen === '' ? 'attribute_not_exists(affiliatesGen)' : 'affiliatesGen = :gen';
    return named('affiliates_changed', {
      Update: {
        TableName: this.store.table,
        Key: keys.org(orgId),
        UpdateExpression: `SET affiliatesVersion = :next${set.to}`,
        ConditionExpression: `attribute_exists(PK) AND ${version} AND ${generation}`,
        ExpressionAttributeValues: {
          ':next': expected + 1,
          ...(expected === 0 ? { ':zero': 0 } : { ':v': expected }),
          ...(gen === '' ? {} : { ':gen': gen }),
          ...set.values,
        },
      },
    });
  }

  /**
   * Replace the affiliate list by writing only the difference within its current generation `gen`, in one
   * transaction with the org's `affiliatesVersion` bump (so two concurrent replacements, or a replacement and an
   * import, cannot interleave) and the audit event.
   */
  async replaceAffiliates(
    orgId: string,
    gen: string,
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
        Put: { TableName: this.store.table, Item: this.affiliateItem(orgId, gen, a) },
      })),
      ...deletes.map((a): TransactItem => ({
        Delete: { TableName: this.store.table, Key: keys.affiliate(orgId, a.creditCode, gen) },
      })),
      // The reverse entries (M3) of the codes that enter or leave the list.
      ...puts
        .filter((a) => !before.has(a.creditCode))
        .map((a): TransactItem => ({
          Put: { TableName: this.store.table, Item: affiliatedByItem(a.creditCode, orgId, gen) },
        })),
      ...deletes.map((a): TransactItem => ({
        Delete: { TableName: this.store.table, Key: libraryKeys.affiliatedBy(a.creditCode, orgId, gen) },
      })),
    ];
    if (changes.length + 2 > TRANSACTION_LIMIT) return 'too_many_changes';
    try {
      await transact(this.store, [
        this.listBump(orgId, expectedListVersion, gen, { to: '', values: {} }),
        ...changes,
        this.auditItem(orgId, audit),
      ]);
      return 'ok';
    } catch (err) {
      if (err instanceof TransactionRefused) return 'stale';
      throw err;
    }
  }

  /**
   * An import, step 1: the whole new list as generation `gen` (BatchWriteItem, 25 a request). Nobody reads it
   * until `flipAffiliates` names it; a crash here leaves only unread items behind.
   */
  async writeAffiliateGeneration(orgId: string, gen: string, list: Affiliate[]): Promise<void> {
    // With their reverse entries (M3), before the flip: once readers see the generation, recommendations do too.
    await batchWriteAll(
      this.store,
      list.flatMap((a) => [
        { PutRequest: { Item: this.affiliateItem(orgId, gen, a) } },
        { PutRequest: { Item: affiliatedByItem(a.creditCode, orgId, gen) } },
      ]),
    );
  }

  /**
   * An import, step 2: readers move from generation `from` to `to` in one conditioned write with the audit event:
   * 'stale' when the list changed since `expectedListVersion` was read (another import or edit won).
   */
  async flipAffiliates(
    orgId: string,
    from: string,
    to: string,
    expectedListVersion: number,
    audit: AuditInput,
  ): Promise<'ok' | 'stale'> {
    try {
      await transact(this.store, [
        this.listBump(orgId, expectedListVersion, from, { to: ', affiliatesGen = :to', values: { ':to': to } }),
        this.auditItem(orgId, audit),
      ]);
      return 'ok';
    } catch (err) {
      if (err instanceof TransactionRefused) return 'stale';
      throw err;
    }
  }

  /**
   * An import, step 3 (best effort): remove the items of generations nobody reads — `replaced` (the one just
   * flipped away from, '' = the items from before imports; or the import's own after it lost), and when
   * `abandonedBefore` is given any other older than it (an import that crashed before its flip: one in progress
   * is younger). Never `current`. Returns the count.
   */
  async deleteAffiliateGenerations(
    orgId: string,
    current: string,
    replaced: string,
    abandonedBefore: Date | null,
  ): Promise<number> {
    const items = await queryAll(this.store, {
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :p)',
      ExpressionAttributeValues: { ':pk': keys.org(orgId).PK, ':p': keys.affiliatePrefix },
      ProjectionExpression: 'PK, SK',
    });
    const doomed = items.filter((i) => {
      const gen = generationOf(String(i.SK));
      if (gen === current) return false;
      if (gen === replaced) return true;
      return abandonedBefore !== null && gen !== '' && generationTime(gen) < abandonedBefore.getTime();
    });
    // Each with its reverse entry (M3) in the same batch or after it: a crash in between leaves an issuer excluded
    // from recommendations, never one recommended whose current list names the caller.
    const deleted = await batchWriteAll(
      this.store,
      doomed.flatMap((i) => [
        { DeleteRequest: { Key: { PK: i.PK, SK: i.SK } } },
        {
          DeleteRequest: {
            Key: { ...libraryKeys.affiliatedBy(codeOf(String(i.SK)), orgId, generationOf(String(i.SK))) },
          },
        },
      ]),
    );
    return deleted / 2;
  }

  /** Transaction item: `creditCode` is NOT in generation `gen` of the issuer's affiliate list (a direct key lookup). */
  notAffiliateCheck(issuerOrgId: string, creditCode: string, gen = ''): NamedItem {
    return named('affiliate_of_issuer', {
      ConditionCheck: {
        TableName: this.store.table,
        Key: keys.affiliate(issuerOrgId, creditCode, gen),
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    });
  }

  /** Transaction item: generation `gen` is still the issuer's current affiliate list (no import flipped it). */
  affiliatesGenerationCheck(issuerOrgId: string, gen: string): NamedItem {
    return named('issuer_affiliates_changed', {
      ConditionCheck: {
        TableName: this.store.table,
        Key: keys.org(issuerOrgId),
        ConditionExpression: gen === '' ? 'attribute_not_exists(affiliatesGen)' : 'affiliatesGen = :gen',
        ...(gen === '' ? {} : { ExpressionAttributeValues: { ':gen': gen } }),
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
    orgCreditCode: string,
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
        this.users.joinOrgItem(userId, invite.orgId, ['org_member'], orgCreditCode),
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
    return existsCheck('attachment_missing', this.store.table, keys.attachment(orgId, id));
  }
}
