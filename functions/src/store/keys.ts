/**
 * Every key of the single table is built here, and nowhere else.
 *
 * Access patterns (pattern → table/index, key condition):
 *
 * | # | pattern                                  | where  | key                                                        |
 * |---|------------------------------------------|--------|------------------------------------------------------------|
 * | 1 | user by id (login, /me)                  | table  | PK=USER#<userId>            SK=PROFILE                     |
 * | 2 | enterprise by id                         | table  | PK=ORG#<orgId>              SK=PROFILE                     |
 * | 3 | one enterprise per credit code           | table  | PK=CREDITCODE#<code>        SK=MARKER  (uniqueness marker) |
 * | 4 | campaign of a year / the current one     | table  | PK=CAMPAIGN                 SK=YEAR#<yyyy> (Query desc, 1) |
 * | 5 | demand by id (detail, all roles)         | table  | PK=DEMAND#<id>              SK=PROFILE                     |
 * | 6 | published catalogue, newest first        | table  | PK=CATALOGUE#ALL            SK=<publishedAt>#<id> (desc)   |
 * | 7 | an issuer's demands, newest first        | GSI1   | GSI1PK=ORG#<orgId>#DEMANDS  GSI1SK=<createdAt>#<id>        |
 * | 8 | idempotency record of a request          | table  | PK=IDEMPOTENCY#<userId>#<key> SK=RECORD (ttl)              |
 * | 9 | audit timeline of an object, oldest first| table  | PK=<object's PK>            SK begins_with AUDIT#          |
 * |10 | a principal's notifications, newest first| table  | PK=INBOX#<principal>        SK=NOTIF#<createdAt>#<id>      |
 * |11 | notifications waiting for delivery       | GSI2   | GSI2PK=OUTBOX#PENDING       GSI2SK=<createdAt>#<id> (sparse)|
 *
 * Catalogue cards (6) are small copies of a published demand's public part, written in the same transaction
 * that publishes or changes it, so that a page is one Query that never touches private data. Later
 * filters (field, region, keyword) add partitions of the same shape: CATALOGUE#F#<field>, CATALOGUE#R#<region>, …
 */

export interface Key {
  PK: string;
  SK: string;
}

const PROFILE = 'PROFILE';

export const keys = {
  user: (userId: string): Key => ({ PK: `USER#${userId}`, SK: PROFILE }),
  org: (orgId: string): Key => ({ PK: `ORG#${orgId}`, SK: PROFILE }),
  creditCode: (code: string): Key => ({ PK: `CREDITCODE#${code}`, SK: 'MARKER' }),
  campaign: (year: number): Key => ({ PK: 'CAMPAIGN', SK: `YEAR#${year}` }),
  campaignPartition: 'CAMPAIGN',
  demand: (id: string): Key => ({ PK: `DEMAND#${id}`, SK: PROFILE }),
  catalogueAll: 'CATALOGUE#ALL',
  catalogueCard: (publishedAt: string, id: string): Key => ({ PK: 'CATALOGUE#ALL', SK: `${publishedAt}#${id}` }),
  issuerDemands: (orgId: string, createdAt: string, id: string) => ({
    GSI1PK: `ORG#${orgId}#DEMANDS`,
    GSI1SK: `${createdAt}#${id}`,
  }),
  idempotency: (userId: string, key: string): Key => ({ PK: `IDEMPOTENCY#${userId}#${key}`, SK: 'RECORD' }),
  /** An audit event lives in the partition of the object it is about, so a timeline is one Query. */
  audit: (objectPK: string, at: string, id: string): Key => ({ PK: objectPK, SK: `AUDIT#${at}#${id}` }),
  auditPrefix: 'AUDIT#',
  inbox: (principal: string, createdAt: string, id: string): Key => ({
    PK: `INBOX#${principal}`,
    SK: `NOTIF#${createdAt}#${id}`,
  }),
  inboxPartition: (principal: string) => `INBOX#${principal}`,
  outboxPending: (createdAt: string, id: string) => ({ GSI2PK: 'OUTBOX#PENDING', GSI2SK: `${createdAt}#${id}` }),
} as const;

/** Entity type tag carried by every item. */
export const ENTITY = {
  user: 'User',
  org: 'Org',
  creditCode: 'CreditCodeMarker',
  campaign: 'Campaign',
  demand: 'Demand',
  catalogueCard: 'CatalogueCard',
  idempotency: 'IdempotencyRecord',
  audit: 'AuditEvent',
  notification: 'Notification',
} as const;
