/**
 * Personal data of one person (PIPL): read everything held about a user, and erase it. The user's items live in
 * two partitions of their own — `USER#<id>` (profile, subscribe consents) and `INBOX#user:<id>` (notifications
 * addressed to the person) — so both are Queries, never a Scan.
 */
import { BatchWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ERASED_USER_LABEL } from '@jiebang/shared/schemas/personal-data';
import type { Store } from './client';
import { fromItem, isConditionFailure, updateIf } from './items';
import { keys, personalKeys } from './keys';
import { queryAll } from './query-all';

type Item = Record<string, unknown>;

export interface PersonalHoldings {
  user: Item | null;
  consents: Item[];
  notifications: Item[];
  /** pipl: the demands whose contact the person entered (U1), with that contact. */
  demandContacts: Item[];
}

export class DynamoPersonalDataRepository {
  constructor(private readonly store: Store) {}

  async holdings(userId: string): Promise<PersonalHoldings> {
    const [own, inbox] = await Promise.all([
      queryAll(this.store, {
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': keys.user(userId).PK },
        ConsistentRead: true,
      }),
      queryAll(this.store, {
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': keys.inboxPartition(`user:${userId}`) },
      }),
    ]);
    const profile = own.find((i) => i.SK === keys.user(userId).SK);
    return {
      user: profile && !profile.erasedAt ? fromItem<Item>(profile) : null,
      consents: own.filter((i) => String(i.SK).startsWith('CONSENT#')).map((i) => fromItem<Item>(i)),
      notifications: inbox.map((i) => fromItem<Item>(i)),
      demandContacts: own.filter((i) => String(i.SK).startsWith(personalKeys.demandContactPrefix)),
    };
  }

  /**
   * The profile keeps only its id (the hash of the openid, which other records reference), a tombstone and no
   * enterprise: the openid, name and login times go. Conditional on not being erased already, so two erasures at
   * once give one. Returns false when there was nothing to erase.
   */
  async eraseProfile(userId: string, at: Date): Promise<boolean> {
    return updateIf(this.store, {
      Key: keys.user(userId),
      UpdateExpression:
        'SET erasedAt = :at, #roles = :none, orgId = :null ' +
        'REMOVE openid, displayName, lastLoginAt, privacyVersion, privacyAcceptedAt, GSI1PK, GSI1SK',
      ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(erasedAt)',
      ExpressionAttributeNames: { '#roles': 'roles' },
      ExpressionAttributeValues: { ':at': at.toISOString(), ':none': [], ':null': null },
    });
  }

  /** Record the privacy notice `version` accepted at `at` (the user must exist and not be erased). */
  async acceptPrivacy(userId: string, version: string, at: Date): Promise<boolean> {
    return updateIf(this.store, {
      Key: keys.user(userId),
      UpdateExpression: 'SET privacyVersion = :v, privacyAcceptedAt = :at',
      ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(erasedAt)',
      ExpressionAttributeValues: { ':v': version, ':at': at.toISOString() },
    });
  }

  /**
   * The enterprise's contact, when this person entered it: replaced by the erased placeholder (no phone, no email)
   * and the form's version moved on, so that an edit begun before cannot write the old contact back unnoticed.
   * Returns false when someone else entered the contact (it is theirs, not this person's).
   */
  async eraseOrgContact(orgId: string, userId: string): Promise<boolean> {
    return updateIf(this.store, {
      Key: keys.org(orgId),
      UpdateExpression: 'SET contact = :c, version = if_not_exists(version, :zero) + :one REMOVE contactUserId',
      ConditionExpression: 'contactUserId = :u',
      ExpressionAttributeValues: {
        ':c': { name: ERASED_USER_LABEL, phone: '' },
        ':u': userId,
        ':zero': 0,
        ':one': 1,
      },
    });
  }

  /**
   * The contacts the person entered on demands: each replaced by the erased placeholder while it is still the
   * one the person entered (another member may have entered a new one since), and the demand's version moved on
   * so that an edit begun before cannot write it back unnoticed. Returns how many were cleared.
   */
  async eraseDemandContacts(h: PersonalHoldings): Promise<number> {
    let cleared = 0;
    for (const m of h.demandContacts) {
      try {
        await this.store.doc.send(
          new UpdateCommand({
            TableName: this.store.table,
            Key: keys.demand(String(m.demandId)),
            UpdateExpression: 'SET contact = :c, #version = #version + :one',
            ConditionExpression: 'contact = :was',
            ExpressionAttributeNames: { '#version': 'version' },
            ExpressionAttributeValues: { ':c': { name: ERASED_USER_LABEL, phone: '' }, ':was': m.contact, ':one': 1 },
          }),
        );
        cleared++;
      } catch (err) {
        if (!isConditionFailure(err)) throw err;
      }
    }
    return cleared;
  }

  /**
   * Delete the person's consents and personal inbox, the markers of the demand contacts, and the 提醒我 watches
   * (a watch is made with a consent naming its demand: pattern 32 keyed by that demand and the person), 25 keys
   * per BatchWriteItem, unprocessed ones retried.
   */
  async deleteOwnItems(h: PersonalHoldings, userId: string): Promise<number> {
    const watched = new Set(h.consents.flatMap((c) => (typeof c.demandId === 'string' ? [c.demandId] : [])));
    const targets = [
      ...h.consents.map((c) => keys.consent(userId, String(c.templateKey), String(c.id))),
      ...h.notifications.map((n) => keys.inbox(`user:${userId}`, String(n.id))),
      ...h.demandContacts.map((m) => personalKeys.demandContact(userId, String(m.demandId))),
      ...[...watched].map((demandId) => keys.watcher(demandId, userId)),
    ];
    for (let i = 0; i < targets.length; i += 25) {
      let requests: Item[] | undefined = targets.slice(i, i + 25).map((Key) => ({ DeleteRequest: { Key } }));
      for (let attempt = 0; requests && requests.length > 0 && attempt < 8; attempt++) {
        const out = await this.store.doc.send(
          new BatchWriteCommand({ RequestItems: { [this.store.table]: requests as never } }),
        );
        requests = out.UnprocessedItems?.[this.store.table] as Item[] | undefined;
      }
    }
    return targets.length;
  }
}
