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
 * |10 | a principal's notifications, newest first| table  | PK=INBOX#<principal>        SK=NOTIF#<id> (id: ULID of createdAt)|
 * |11 | notifications due for delivery           | GSI2   | GSI2PK=OUTBOX#PENDING       GSI2SK=<dueAt>#<id> (sparse)   |
 * |12 | demand + its timeline in one request     | table  | PK=DEMAND#<id>              (no SK condition: PROFILE+AUDIT#)|
 * |13 | a province's demand review queue         | GSI2   | GSI2PK=QUEUE#DEMAND#PROVINCE#<region> GSI2SK=<submittedAt>#<id> (sparse)|
 * |14 | the ministry's demand review queue       | GSI2   | GSI2PK=QUEUE#DEMAND#MINISTRY GSI2SK=<enteredAt>#<id> (sparse)|
 * |15 | catalogue filtered by field / region     | table  | PK=CATALOGUE#F#<field> | #R#<region> | #FR#<field>#<region>, SK as 6 |
 * |15t| … and by track (SME 发榜, library area) | table  | PK=CATALOGUE#T#<track>#<scope of 6/15>, SK as 6 (also OPEN/CLOSED) |
 * |16 | open demands only (any scope of 6/15)    | table  | PK=CATALOGUE#OPEN#<scope>   SK=<publishedAt>#<id>, ttl=deadline |
 * |17 | closed demands only (any scope)          | table  | PK=CATALOGUE#CLOSED#<scope> SK=<closesAt>#<id>, SK < now (desc) |
 * |18 | keyword search: postings of a bigram     | table  | PK=SEARCH#<bigram>          SK=<publishedAt>#<id> (desc)   |
 * |19 | members of an enterprise                 | GSI1   | GSI1PK=ORG#<orgId>#MEMBERS  GSI1SK=<userId> (user item)    |
 * |20 | is X on issuer's affiliate list (submit) | table  | PK=ORG#<issuerId> SK=AFFILIATE#<gen>#<code> (gen: org's affiliatesGen) |
 * |20d| the affiliate list packed, by name (list)| table  | PK=ORG#<issuerId> SK=AFFDIR#<part> (listVersion: the list's version)|
 * |21 | invite by code (single use, ttl)         | table  | PK=INVITE#<code>            SK=INVITE                      |
 * |22 | application by id                        | table  | PK=APP#<id>                 SK=PROFILE (+ AUDIT# timeline) |
 * |23 | an SME's applications, newest first      | GSI1   | GSI1PK=ORG#<orgId>#APPS     GSI1SK=<createdAt>#<id>        |
 * |24 | one application per SME per demand       | table  | PK=DEMAND#<demandId>#APPLICANTS SK=ORG#<orgId> (marker)    |
 * |25 | a province's application review queue    | GSI2   | GSI2PK=QUEUE#APP#PROVINCE#<region> GSI2SK=<submittedAt>#<id> (sparse)|
 * |26 | the ministry's application queue         | GSI2   | GSI2PK=QUEUE#APP#MINISTRY   GSI2SK=<forwardedAt>#<id> (sparse)|
 * |27 | an enterprise's uploaded attachment      | table  | PK=ORG#<orgId>              SK=ATTACHMENT#<id>             |
 * |28 | a principal's unread notifications       | GSI1   | GSI1PK=UNREAD#<principal>   GSI1SK=<id> (sparse, removed on read)|
 * |29 | notifications the dispatcher gave up on  | GSI2   | GSI2PK=OUTBOX#FAILED        GSI2SK=<failedAt>#<id> (sparse)|
 * |30 | a user's subscribe consents              | table  | PK=USER#<userId>            SK=CONSENT#<templateKey>#<id>  |
 * |31 | unused consents of a group's members     | GSI1   | GSI1PK=CONSENTS#<org:|authority:|ministry>#<templateKey> GSI1SK=<id> (sparse, while unused)|
 * |32 | users watching a demand ("提醒我")         | table  | PK=DEMAND#<demandId>#WATCHERS SK=USER#<userId>            |
 * |33 | draft applications of a demand (reminders)| GSI2  | GSI2PK=DRAFTS#DEMAND#<demandId> GSI2SK=<createdAt>#<id> (sparse, while draft)|
 * |34 | "this reminder was sent" marker          | table  | PK=REMINDER#<subjectId>     SK=<kind>#<principal> (ttl)    |
 * |35 | a scheduled job's watermark              | table  | PK=SCHEDULER                SK=JOB#<name>                  |
 * |36 | the WeChat access token, shared cache    | table  | PK=WECHAT                   SK=ACCESS_TOKEN                |
 * |37 | calls of a rate-limited route            | table  | PK=RATE#<USER#id|ADDR#address>#<bucket> SK=<window start> (ttl)|
 * |38 | an enterprise's admins (≥ 1, conditions) | table  | PK=ORG#<orgId>              SK=ADMINS (adminIds: string set)|
 * |39 | a demand's search-indexing job           | table  | PK=DEMAND#<demandId>#INDEX  SK=JOB                         |
 * |40 | indexing jobs due (the indexer's outbox) | GSI2   | GSI2PK=OUTBOX#INDEX         GSI2SK=<dueAt>#<demandId> (sparse)|
 * |T1 | head of an object's audit chain         | table  | PK=<object's PK>            SK=AUDITHEAD (length, hash)    |
 * |T1'| objects whose chain moved on a day      | GSI2   | GSI2PK=AUDITDAY#<yyyy-mm-dd> GSI2SK=<object's PK> (the head, re-keyed each change)|
 * |T2 | the platform chain, a link per day      | table  | PK=AUDITCHAIN               SK=DAY#<yyyy-mm-dd>            |
 * |T3 | the heads a day's link covers           | table  | PK=AUDITANCHOR#<yyyy-mm-dd> SK=<object's PK> (length, hash)|
 * |T4 | questions on a demand (答疑)            | table  | PK=DEMAND#<demandId>#QA     SK=Q#<qid> (asker kept, never shown)|
 * |E1 | released applications of a demand (eval) | table  | PK=DEMAND#<demandId>#EVAL   SK=APP#<applicationId>         |
 * |E2 | a reviewer's score set of an application | table  | PK=DEMAND#<demandId>#EVAL   SK=SCORE#<applicationId>#<userId>|
 * |E3 | the selection decision of a demand       | table  | PK=DEMAND#<demandId>#EVAL   SK=DECISION                    |
 * |E4 | a campaign's public 揭榜名单              | table  | PK=RESULTS#<year>           SK=DEMAND#<demandId>#APP#<appId>|
 * |E5 | selected SMEs of one authority region    | table  | PK=RESULTS#<year>#REGION#<region> SK as E4                 |
 * |E6 | version of a year's result lines (exports)| table | PK=RESULTSVERSION#<year>    SK=VERSION (counters)          |
 * |S1 | statistics counters of a year (dashboards)| table | PK=STATS#<year>  SK=R#<region>#S<shard> (Query: all, or begins_with R#<region>#)|
 * |S2 | the 统计表 of every authority for a period | table  | PK=STATSREPORT#<period>      SK=R#<region>                  |
 * |S3 | a submitted revision of one 统计表 (kept)  | table  | PK=STATSREPORT#<period>#R#<region> SK=REV#<nnnn>            |
 * |S4 | a statistics period's deadline (campaign) | table  | PK=CAMPAIGN                 SK=STATSPERIOD#<period>        |
 * |L1 | a province's cut-off for a year (221号)    | table  | PK=CAMPAIGN#<year>#CUTOFFS  SK=REGION#<region>             |
 * |L2 | a department's contacted enterprises      | table  | PK=DEPARTMENT#<key>         SK=CONTACT#<creditCode>        |
 * |L3 | the departments that contacted a code     | table  | PK=DIRECTCONTACT#<creditCode> SK=DEPARTMENT#<key> (Query, 1)|
 * |U1 | demands whose contact a person entered   | table  | PK=USER#<userId>            SK=DEMANDCONTACT#<demandId> (pipl: erasure)|
 * |P1 | an objection to the 揭榜名单 (公示)         | table  | PK=OBJECTION#<id>           SK=PROFILE (+ AUDIT# trail)     |
 * |P2 | every objection, newest first (ministry)  | GSI1   | GSI1PK=OBJECTIONS           GSI1SK=<filedAt>#<id>           |
 * |P3 | an enterprise's own objections            | GSI2   | GSI2PK=ORG#<orgId>#OBJECTIONS GSI2SK=<filedAt>#<id>         |
 * |P4 | a demand's lines in the 揭榜名单 (公示)     | table  | PK=RESULTS#<year>           SK begins_with DEMAND#<demandId>#APP# (E4)|
 * |SP1| a campaign's selected SMEs (政策支持)     | table  | PK=SMES#<year>              SK=ORG#<orgId> (one per SME)    |
 * |SP2| … of one authority region               | table  | PK=SMES#<year>#REGION#<region> SK as SP1                   |
 * |SP3| support given to one SME in a campaign  | table  | PK=SUPPORT#<year>#ORG#<orgId> SK=REC#<recordedAt>#<id>     |
 *
 * Notifications (10, 11, 28, 29): the inbox item is the notification; while it waits for delivery it carries the
 * outbox entry (GSI2, keyed by when it is next due, so retries with backoff are one Query of due items), while
 * unread the unread entry (GSI1). Read state therefore belongs to the item: one per principal, so a notification
 * to an enterprise or an authority is read for all of its members once one of them reads it. Demands by deadline
 * (for reminders) are pattern 17: CATALOGUE#CLOSED#ALL is sorted by the instant a demand closes.
 *
 * Evaluation (E1–E3, 遴选) has one partition per demand, apart from the demand's own (12) so that reading a demand
 * never meets hundreds of score items. An entry (E1) is a small copy of a released application's public part plus
 * running score sums: it is written in the same transaction as every change of the application from its release
 * on, and its sums are ADDed in the same transaction as each score put, so the ranking is one Query of entries
 * (≈400 B each: 500 applications fit in one 1 MB page). Result lines (E4, E5) are written in the selection
 * transaction, so the 揭榜名单 and the authorities' lists are Queries. Builders: `evaluationKeys` below. Every
 * transaction that writes result lines also ADDs to their version counters (E6, one item per year: `pub` for
 * the public part, `all` for the campaign partition, `r<region>` per region partition), so an export knows from
 * one GetItem whether the file it built before is still the data's.
 *
 * Applicant markers (24) live in their own partition, not the demand's, so that reading a demand with its
 * timeline (12) never meets them. Application queues (25, 26) work like the demand queues: the application item
 * carries GSI2PK/GSI2SK exactly while it waits, and each transition rewrites the item.
 *
 * Queues (13, 14): the demand item carries GSI2PK/GSI2SK exactly while it waits for that authority; every
 * transition rewrites the item, so leaving a queue removes the attributes and the index entry with it. The
 * QUEUE# prefix keeps them apart from the outbox (11) on the same index.
 *
 * Catalogue (6, 15–17): a published demand has one small card in each of the scopes ALL, F#field, R#region,
 * FR#field#region, and in each family: all public cards (newest first), OPEN (newest first; TTL at the deadline
 * removes them eventually, the read filters the few past their deadline meanwhile) and CLOSED (sorted by the
 * instant the demand closes — its deadline, or its withdrawal — so "SK < now" is exactly the closed ones). Any
 * filter combination is therefore one Query on one partition. Search postings (18) carry only keys; the page's
 * demands are then fetched by key (BatchGetItem), so a keyword page is 2 requests.
 *
 * Search indexing (39, 40): publication writes, in its own transaction, one job per demand instead of its
 * postings (a demand may have ≈ 7,000 bigrams: hundreds of BatchWriteItem calls, too many for a request). The job
 * item is on the outbox index exactly while it waits, keyed by when it is next due; the indexer
 * (functions/src/indexing/indexer.ts) claims it by moving it to "now + lease", writes the postings and deletes it.
 * Its own partition keeps it out of the demand's timeline Query (12).
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

/** SK prefix of a generation of an affiliate list ('' = the one before imports existed). */
const affiliateGenPrefix = (gen: string) => (gen ? `AFFILIATE#${gen}#` : 'AFFILIATE#');

export const keys = {
  user: (userId: string): Key => ({ PK: `USER#${userId}`, SK: PROFILE }),
  org: (orgId: string): Key => ({ PK: `ORG#${orgId}`, SK: PROFILE }),
  creditCode: (code: string): Key => ({ PK: `CREDITCODE#${code}`, SK: 'MARKER' }),
  campaign: (year: number): Key => ({ PK: 'CAMPAIGN', SK: `YEAR#${year}` }),
  campaignPartition: 'CAMPAIGN',
  campaignYearPrefix: 'YEAR#',
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
  // trust (audit chain): T1–T3 in the table above.
  /** T1: the head of an object's chain, in its partition; on GSI2 under the Shanghai day of its last change. */
  auditHead: (objectPK: string): Key => ({ PK: objectPK, SK: 'AUDITHEAD' }),
  auditHeadDay: (day: string, objectPK: string) => ({ GSI2PK: `AUDITDAY#${day}`, GSI2SK: objectPK }),
  auditHeadDayPartition: (day: string) => `AUDITDAY#${day}`,
  /** T2: the platform chain, one item per Shanghai day. */
  auditChainDay: (day: string): Key => ({ PK: 'AUDITCHAIN', SK: `DAY#${day}` }),
  auditChainPartition: 'AUDITCHAIN',
  /** T3: the heads a day's link of the platform chain covers, one line per object. */
  auditAnchorLine: (day: string, objectPK: string): Key => ({ PK: `AUDITANCHOR#${day}`, SK: objectPK }),
  auditAnchorPartition: (day: string) => `AUDITANCHOR#${day}`,
  // trust (clarifications): T4.
  /** T4: a question on a demand (qid: ULID of when it was asked, so the partition is in asking order). */
  question: (demandId: string, qid: string): Key => ({ PK: `DEMAND#${demandId}#QA`, SK: `Q#${qid}` }),
  questionsPartition: (demandId: string) => `DEMAND#${demandId}#QA`,
  /** 10: `id` is a ULID made from the creation instant, so the sort key orders by time and derives from the id. */
  inbox: (principal: string, id: string): Key => ({ PK: `INBOX#${principal}`, SK: `NOTIF#${id}` }),
  inboxPartition: (principal: string) => `INBOX#${principal}`,
  inboxPrefix: 'NOTIF#',
  /** 11: due for delivery at `dueAt` (UTC ISO). */
  outboxPending: (dueAt: string, id: string) => ({ GSI2PK: 'OUTBOX#PENDING', GSI2SK: `${dueAt}#${id}` }),
  outboxPendingPartition: 'OUTBOX#PENDING',
  /** 28 */
  unread: (principal: string, id: string) => ({ GSI1PK: `UNREAD#${principal}`, GSI1SK: id }),
  unreadPartition: (principal: string) => `UNREAD#${principal}`,
  /** 29 */
  outboxFailed: (failedAt: string, id: string) => ({ GSI2PK: 'OUTBOX#FAILED', GSI2SK: `${failedAt}#${id}` }),
  outboxFailedPartition: 'OUTBOX#FAILED',
  /** 30 */
  consent: (userId: string, templateKey: string, id: string): Key => ({
    PK: `USER#${userId}`,
    SK: `CONSENT#${templateKey}#${id}`,
  }),
  consentPrefix: (templateKey: string) => `CONSENT#${templateKey}#`,
  /** 31 */
  groupConsents: (group: string, templateKey: string, id: string) => ({
    GSI1PK: `CONSENTS#${group}#${templateKey}`,
    GSI1SK: id,
  }),
  groupConsentsPartition: (group: string, templateKey: string) => `CONSENTS#${group}#${templateKey}`,
  /** 32 */
  watcher: (demandId: string, userId: string): Key => ({ PK: `DEMAND#${demandId}#WATCHERS`, SK: `USER#${userId}` }),
  watchersPartition: (demandId: string) => `DEMAND#${demandId}#WATCHERS`,
  /** 33 */
  demandDraft: (demandId: string, createdAt: string, id: string) => ({
    GSI2PK: `DRAFTS#DEMAND#${demandId}`,
    GSI2SK: `${createdAt}#${id}`,
  }),
  demandDraftsPartition: (demandId: string) => `DRAFTS#DEMAND#${demandId}`,
  /** 34 */
  reminderSent: (subjectId: string, kind: string, principal: string): Key => ({
    PK: `REMINDER#${subjectId}`,
    SK: `${kind}#${principal}`,
  }),
  /** 35 */
  jobWatermark: (job: string): Key => ({ PK: 'SCHEDULER', SK: `JOB#${job}` }),
  /** 36 */
  wechatToken: { PK: 'WECHAT', SK: 'ACCESS_TOKEN' } as Key,
  /** 37: one counter per subject (`rateSubject`), bucket and fixed window (ISO instant of its start). */
  rateWindow: (subject: string, bucket: string, windowStart: string): Key => ({
    PK: `RATE#${subject}#${bucket}`,
    SK: windowStart,
  }),
  /** 37: whose calls a counter counts: a signed-in user, or a source address (IPv4, or an IPv6 /64). */
  rateSubject: (kind: 'user' | 'address', id: string) => (kind === 'user' ? `USER#${id}` : `ADDR#${id}`),
  /** 13: a province's queue of submitted demands (sparse GSI2). */
  provinceDemandQueue: (region: string) => `QUEUE#DEMAND#PROVINCE#${region}`,
  /** 14: the ministry's queue: forwarded demands and direct (ministry-channel) submissions (sparse GSI2). */
  ministryDemandQueue: 'QUEUE#DEMAND#MINISTRY',
  queueEntry: (queue: string, enteredAt: string, id: string) => ({ GSI2PK: queue, GSI2SK: `${enteredAt}#${id}` }),
  /** 6, 15: scope of a catalogue filter: ALL, F#<field>, R#<region> or FR#<field>#<region>. */
  catalogueScope: (field?: string, region?: string, track?: string): string =>
    // SME 发榜 (library area): the same scopes again under T#<track>#, so a track filter is one Query too.
    (track ? `T#${track}#` : '') +
    (field && region ? `FR#${field}#${region}` : field ? `F#${field}` : region ? `R#${region}` : 'ALL'),
  /** 6, 15–17: the partition of a catalogue family ('' = all public cards, OPEN, CLOSED) and scope. */
  cataloguePartition: (family: '' | 'OPEN' | 'CLOSED', scope: string): string =>
    family ? `CATALOGUE#${family}#${scope}` : `CATALOGUE#${scope}`,
  catalogueScopedCard: (family: '' | 'OPEN' | 'CLOSED', scope: string, sortAt: string, id: string): Key => ({
    PK: family ? `CATALOGUE#${family}#${scope}` : `CATALOGUE#${scope}`,
    SK: `${sortAt}#${id}`,
  }),
  /** 18: one search posting (a bigram occurring in a published demand's searchable text). */
  searchPartition: (term: string) => `SEARCH#${term}`,
  searchPosting: (term: string, publishedAt: string, id: string): Key => ({
    PK: `SEARCH#${term}`,
    SK: `${publishedAt}#${id}`,
  }),
  /** 39: the one indexing job of a demand (re-enqueuing an already waiting demand finds it there). */
  indexJob: (demandId: string): Key => ({ PK: `DEMAND#${demandId}#INDEX`, SK: 'JOB' }),
  /** 40: due for indexing at `dueAt` (UTC ISO). */
  indexOutbox: (dueAt: string, demandId: string) => ({ GSI2PK: 'OUTBOX#INDEX', GSI2SK: `${dueAt}#${demandId}` }),
  indexOutboxPartition: 'OUTBOX#INDEX',
  /** 19: GSI1 attributes of a user item while it belongs to an enterprise. */
  orgMember: (orgId: string, userId: string) => ({ GSI1PK: `ORG#${orgId}#MEMBERS`, GSI1SK: userId }),
  orgMembersPartition: (orgId: string) => `ORG#${orgId}#MEMBERS`,
  /**
   * 20: one declared affiliate of an issuer in a generation of its list; the org item's `affiliatesGen` names the
   * current one (absent: '' — the items written before imports existed, `AFFILIATE#<code>`). An import writes a
   * new generation, then flips the pointer (dynamo-orgs.ts). The submit check is a direct key lookup.
   */
  affiliate: (issuerOrgId: string, creditCode: string, gen = ''): Key => ({
    PK: `ORG#${issuerOrgId}`,
    SK: `${affiliateGenPrefix(gen)}${creditCode}`,
  }),
  affiliatePrefix: 'AFFILIATE#',
  affiliateGenPrefix: (gen: string) => affiliateGenPrefix(gen),
  /**
   * 20d: part `part` of the affiliate list's directory — every entry packed in a few items, in name order, built
   * from pattern 20 for one `affiliatesVersion` of the list and rebuilt when it moves (the list page and search).
   */
  affiliateDirectory: (issuerOrgId: string, part: number): Key => ({
    PK: `ORG#${issuerOrgId}`,
    SK: `AFFDIR#${String(part).padStart(3, '0')}`,
  }),
  affiliateDirectoryPrefix: 'AFFDIR#',
  /** 21 */
  invite: (code: string): Key => ({ PK: `INVITE#${code}`, SK: 'INVITE' }),
  /** 22 */
  application: (id: string): Key => ({ PK: `APP#${id}`, SK: PROFILE }),
  /** 23 */
  orgApplications: (orgId: string, createdAt: string, id: string) => ({
    GSI1PK: `ORG#${orgId}#APPS`,
    GSI1SK: `${createdAt}#${id}`,
  }),
  orgApplicationsPartition: (orgId: string) => `ORG#${orgId}#APPS`,
  /** 24 */
  applicant: (demandId: string, orgId: string): Key => ({ PK: `DEMAND#${demandId}#APPLICANTS`, SK: `ORG#${orgId}` }),
  /** 25, 26 (entries built with applicationQueueEntry) */
  provinceApplicationQueue: (region: string) => `QUEUE#APP#PROVINCE#${region}`,
  ministryApplicationQueue: 'QUEUE#APP#MINISTRY',
  /**
   * 38: the ids of the enterprise's admins as one set, so that a role change or removal can require "the actor is
   * still an admin" and "an admin remains" in the condition of its own transaction.
   */
  orgAdmins: (orgId: string): Key => ({ PK: `ORG#${orgId}`, SK: 'ADMINS' }),
  /** 27 */
  attachment: (orgId: string, id: string): Key => ({ PK: `ORG#${orgId}`, SK: `ATTACHMENT#${id}` }),
  applicationQueueEntry: (queue: string, enteredAt: string, id: string) => ({
    GSI2PK: queue,
    GSI2SK: `${enteredAt}#${id}`,
  }),
} as const;

/**
 * 221号 to the letter (issue 16): L1–L3 above. A cut-off is one item per region and year, in a partition apart from
 * CAMPAIGN (whose Query for the current year reads YEAR# keys). A department's contact is written twice in one
 * transaction: in the department's list (L2, its screen) and under the credit code (L3), so that a direct
 * submission finds its department with one Query and re-checks it as a condition of its own transaction.
 */
export const letterKeys = {
  cutoff: (year: number, region: string): Key => ({ PK: `CAMPAIGN#${year}#CUTOFFS`, SK: `REGION#${region}` }),
  cutoffPartition: (year: number) => `CAMPAIGN#${year}#CUTOFFS`,
  contact: (department: string, creditCode: string): Key => ({
    PK: `DEPARTMENT#${department}`,
    SK: `CONTACT#${creditCode}`,
  }),
  contactPartition: (department: string) => `DEPARTMENT#${department}`,
  contactPrefix: 'CONTACT#',
  directContact: (creditCode: string, department: string): Key => ({
    PK: `DIRECTCONTACT#${creditCode}`,
    SK: `DEPARTMENT#${department}`,
  }),
  directContactPartition: (creditCode: string) => `DIRECTCONTACT#${creditCode}`,
} as const;

export const LETTER_ENTITY = {
  cutoff: 'IntakeCutoff',
  contact: 'DirectContact',
  directContact: 'DirectContactMarker',
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
  searchPosting: 'SearchPosting',
  indexJob: 'IndexJob',
  affiliate: 'AffiliateMarker',
  affiliateDirectory: 'AffiliateDirectory',
  invite: 'Invite',
  application: 'Application',
  applicantMarker: 'ApplicantMarker',
  attachment: 'Attachment',
  consent: 'SubscribeConsent',
  watcher: 'DemandWatcher',
  reminderMarker: 'ReminderMarker',
  jobWatermark: 'JobWatermark',
  wechatToken: 'WeChatToken',
  rateWindow: 'RateWindow',
  orgAdmins: 'OrgAdmins',
  // trust (audit chain)
  auditHead: 'AuditHead',
  auditChainDay: 'AuditChainDay',
  auditAnchorLine: 'AuditAnchorLine',
  // trust (clarifications)
  question: 'Question',
} as const;

/** Keys of evaluation and selection (E1–E5 in the table above; store/dynamo-evaluation.ts). */
export const evaluationKeys = {
  partition: (demandId: string) => `DEMAND#${demandId}#EVAL`,
  entry: (demandId: string, applicationId: string): Key => ({
    PK: `DEMAND#${demandId}#EVAL`,
    SK: `APP#${applicationId}`,
  }),
  entryPrefix: 'APP#',
  scoreSet: (demandId: string, applicationId: string, reviewerId: string): Key => ({
    PK: `DEMAND#${demandId}#EVAL`,
    SK: `SCORE#${applicationId}#${reviewerId}`,
  }),
  scoreSetPrefix: (applicationId: string) => `SCORE#${applicationId}#`,
  decision: (demandId: string): Key => ({ PK: `DEMAND#${demandId}#EVAL`, SK: 'DECISION' }),
  resultsPartition: (year: number, region?: string) =>
    region ? `RESULTS#${year}#REGION#${region}` : `RESULTS#${year}`,
  resultLine: (year: number, region: string | undefined, demandId: string, applicationId: string): Key => ({
    PK: region ? `RESULTS#${year}#REGION#${region}` : `RESULTS#${year}`,
    SK: `DEMAND#${demandId}#APP#${applicationId}`,
  }),
  /** E6: its own partition, so that a Query of the lines never meets it. */
  resultsVersion: (year: number): Key => ({ PK: `RESULTSVERSION#${year}`, SK: 'VERSION' }),
  /** E6: the counter of one partition's lines, and of the public part of the campaign's. */
  resultsVersionCounter: (scope: 'public' | 'all' | { region: string }) =>
    scope === 'public' ? 'pub' : scope === 'all' ? 'all' : `r${scope.region}`,
} as const;

export const EVALUATION_ENTITY = {
  entry: 'EvaluationEntry',
  scoreSet: 'ScoreSet',
  decision: 'SelectionDecision',
  resultLine: 'ResultLine',
  resultsVersion: 'ResultsVersion',
} as const;

// Statistics (area "stats"): counters moved in the transaction of the change they count (store/counters.ts).
/**
 * S1: one counter item per year, authority region and shard (domain/stats.ts STATS_SHARDS): a national dashboard
 * is one Query of the year's partition, a province's one Query of its prefix. Shards spread concurrent changes of
 * one region over several items (fewer transaction conflicts); reading them all costs the same one Query.
 */
export const statsKeys = {
  partition: (year: number) => `STATS#${year}`,
  regionPrefix: (region: string) => `R#${region}#`,
  /** The national items (pseudo-region `nation`, domain/stats.ts `NATION`): the national dashboard's Query. */
  nationPrefix: 'N#',
  counter: (year: number, region: string, shard: number): Key => ({
    PK: `STATS#${year}`,
    SK: region === 'nation' ? `N#S${shard}` : `R#${region}#S${shard}`,
  }),
  /** S2: the ministry's table of a period is one Query of this partition. */
  reportPartition: (period: string) => `STATSREPORT#${period}`,
  report: (period: string, region: string): Key => ({ PK: `STATSREPORT#${period}`, SK: `R#${region}` }),
  /** S3: its own partition, so that the period's Query (S2) never reads revisions. */
  revision: (period: string, region: string, n: number): Key => ({
    PK: `STATSREPORT#${period}#R#${region}`,
    SK: `REV#${String(n).padStart(4, '0')}`,
  }),
  /** S4: beside the campaigns (pattern 4 reads only YEAR# sort keys). */
  period: (period: string): Key => ({ PK: 'CAMPAIGN', SK: `STATSPERIOD#${period}` }),
} as const;

export const STATS_ENTITY = {
  counter: 'StatsCounter',
  report: 'StatsReport',
  revision: 'StatsReportRevision',
  period: 'StatsPeriod',
} as const;

// ---- events (百场万企): keys EV1–EV13 ----
/**
 * | # | pattern                                   | where | key                                                         |
 * |---|-------------------------------------------|-------|-------------------------------------------------------------|
 * |EV1| event by id                               | table | PK=EVENT#<id>               SK=PROFILE                      |
 * |EV2| an organiser's events, newest first       | GSI1  | GSI1PK=ORGANISER#<principal>#EVENTS GSI1SK=<createdAt>#<id> |
 * |EV3| public calendar, any filter combination   | table | PK=EVENTS#<scope>           SK=<startsAt>#<id> (upcoming: SK >= now)|
 * |EV4| registrations of an event (one per org)   | table | PK=EVENT#<id>#REG           SK=REG#<registrationIdOf(event, org)>|
 * |EV5| an enterprise's registrations             | GSI1  | GSI1PK=ORG#<orgId>#EVENTREGS GSI1SK=<startsAt>#<eventId>   |
 * |EV6| check-in code → registration (single use) | table | PK=EVENT#<id>#CHECKIN#<code> SK=CODE                        |
 * |EV7| the fixed 预对接企业名单                   | table | PK=EVENT#<id>#PREMATCH      SK=LIST                         |
 * |EV8| meeting by id                             | table | PK=MEETING#<id>             SK=PROFILE                      |
 * |EV9| meetings of an event, by slot             | GSI1  | GSI1PK=EVENT#<id>#MEETINGS  GSI1SK=<slotStart>#<meetingId>  |
 * |EV10| a registrant's accepted meeting in a slot| table | PK=EVENT#<id>#SLOTS         SK=<registrationId>#<slotStart> |
 * |EV11| outcome by id                            | table | PK=OUTCOME#<id>             SK=PROFILE                      |
 * |EV12| outcomes of an event                     | GSI1  | GSI1PK=EVENT#<id>#OUTCOMES  GSI1SK=<createdAt>#<outcomeId>  |
 * |EV13| accepted meetings by slot (reminders)    | GSI2  | GSI2PK=MEETINGSLOTS#<UTC day> GSI2SK=<slotStart>#<meetingId> (sparse: accepted only)|
 *
 * The registration's id is derived from (event, enterprise), so "one registration per enterprise per event" is
 * the key itself (attribute_not_exists) and the own registration is one GetItem. The calendar has a card per
 * filter combination (8 scopes: ALL, R, C, T, RC, RT, CT, RCT), written with every state change of the event, so
 * any filter is one Query. Slot locks (EV10) exist exactly for accepted meetings: "no side holds two accepted
 * meetings in one slot" is their attribute_not_exists condition in the accept transaction.
 */
export const eventKeys = {
  event: (id: string): Key => ({ PK: `EVENT#${id}`, SK: PROFILE }),
  organiserEvents: (principal: string, createdAt: string, id: string) => ({
    GSI1PK: `ORGANISER#${principal}#EVENTS`,
    GSI1SK: `${createdAt}#${id}`,
  }),
  organiserEventsPartition: (principal: string) => `ORGANISER#${principal}#EVENTS`,
  /** The scope of a filter combination: the filters present, in a fixed order. */
  calendarScope: (f: { region?: string | undefined; chain?: string | undefined; type?: string | undefined }) => {
    const letters = `${f.region ? 'R' : ''}${f.chain ? 'C' : ''}${f.type ? 'T' : ''}`;
    return letters ? [letters, f.region, f.chain, f.type].filter(Boolean).join('#') : 'ALL';
  },
  calendarPartition: (scope: string) => `EVENTS#${scope}`,
  calendarCard: (scope: string, startsAt: string, id: string): Key => ({
    PK: `EVENTS#${scope}`,
    SK: `${startsAt}#${id}`,
  }),
  registrationsPartition: (eventId: string) => `EVENT#${eventId}#REG`,
  registrationPrefix: 'REG#',
  registration: (eventId: string, regId: string): Key => ({ PK: `EVENT#${eventId}#REG`, SK: `REG#${regId}` }),
  orgRegistrations: (orgId: string, startsAt: string, eventId: string) => ({
    GSI1PK: `ORG#${orgId}#EVENTREGS`,
    GSI1SK: `${startsAt}#${eventId}`,
  }),
  orgRegistrationsPartition: (orgId: string) => `ORG#${orgId}#EVENTREGS`,
  checkInCode: (eventId: string, code: string): Key => ({ PK: `EVENT#${eventId}#CHECKIN#${code}`, SK: 'CODE' }),
  prematch: (eventId: string): Key => ({ PK: `EVENT#${eventId}#PREMATCH`, SK: 'LIST' }),
  meeting: (id: string): Key => ({ PK: `MEETING#${id}`, SK: PROFILE }),
  eventMeetings: (eventId: string, slotStart: string, id: string) => ({
    GSI1PK: `EVENT#${eventId}#MEETINGS`,
    GSI1SK: `${slotStart}#${id}`,
  }),
  eventMeetingsPartition: (eventId: string) => `EVENT#${eventId}#MEETINGS`,
  /** EV13: on an accepted meeting only; a day's partition keeps the reminder job's Query small. */
  acceptedMeeting: (slotStart: string, id: string) => ({
    GSI2PK: `MEETINGSLOTS#${slotStart.slice(0, 10)}`,
    GSI2SK: `${slotStart}#${id}`,
  }),
  acceptedMeetingsPartition: (day: string) => `MEETINGSLOTS#${day}`,
  slot: (eventId: string, regId: string, slotStart: string): Key => ({
    PK: `EVENT#${eventId}#SLOTS`,
    SK: `${regId}#${slotStart}`,
  }),
  outcome: (id: string): Key => ({ PK: `OUTCOME#${id}`, SK: PROFILE }),
  eventOutcomes: (eventId: string, createdAt: string, id: string) => ({
    GSI1PK: `EVENT#${eventId}#OUTCOMES`,
    GSI1SK: `${createdAt}#${id}`,
  }),
  eventOutcomesPartition: (eventId: string) => `EVENT#${eventId}#OUTCOMES`,
} as const;

export const EVENTS_ENTITY = {
  event: 'MatchEvent',
  card: 'EventCard',
  registration: 'EventRegistration',
  checkInCode: 'CheckInCode',
  prematch: 'PrematchList',
  meeting: 'Meeting',
  slot: 'MeetingSlot',
  outcome: 'EventOutcome',
} as const;

/**
 * 科技成果赋智 (library area, issue 15; store/dynamo-library.ts, store/dynamo-match-index.ts):
 *
 * | # | pattern                                     | where | key                                                          |
 * |---|---------------------------------------------|-------|--------------------------------------------------------------|
 * |L1 | achievement by id (+ its AUDIT# timeline)   | table | PK=ACHIEVEMENT#<id>           SK=PROFILE                     |
 * |L2 | an organisation's achievements, newest first| GSI1  | GSI1PK=ORG#<orgId>#ACHIEVEMENTS GSI1SK=<createdAt>#<id>      |
 * |L3 | an authority's achievement review queue     | GSI2  | GSI2PK=QUEUE#ACHIEVEMENT#<region> GSI2SK=<submittedAt>#<id> (sparse)|
 * |L4 | public library, newest first (all / field)  | table | PK=LIBRARY#ALL | LIBRARY#F#<field> SK=<publishedAt>#<id> (cards)|
 * |L5 | interest by id                              | table | PK=INTEREST#<id>              SK=PROFILE                     |
 * |L6 | one interest per organisation per achievement| table| PK=ACHIEVEMENT#<id>#INTERESTS SK=ORG#<orgId> (marker)        |
 * |L7 | interests an organisation received          | GSI1  | GSI1PK=ORG#<ownerId>#INTERESTS_IN GSI1SK=<createdAt>#<id>    |
 * |L8 | interests an organisation sent              | GSI2  | GSI2PK=ORG#<senderId>#INTERESTS_OUT GSI2SK=<createdAt>#<id>  |
 * |L9 | interests attached to a 技术经理人           | table | PK=USER#<userId>#MANAGED_INTERESTS SK=<createdAt>#<interestId> (marker)|
 * |M1 | matching postings of a term                 | table | PK=MATCH#<term> | MATCH#FIELD#<field>  SK=<D|O|A>#<1000-w>#<id> |
 * |M2 | a demand's stored terms (written by a job)  | table | PK=DEMAND#<id>#TERMS          SK=TERMS                       |
 * |M3 | an org's matching view and the issuers whose affiliate lists name it | table | PK=AFFILIATED#<creditCode> SK=#ORG | ISSUER#<issuerId>#<gen> |
 *
 * Cards (L4) are written in the publishing transaction like the catalogue's; maturity, mode and q are filters on
 * the partition's page (a library of thousands, not millions). Matching postings (M1) carry what a ranking needs
 * (weight, field, region, owner, deadline) so that a ranking is one Query per term; the sort key puts the heaviest
 * first (1000 − weight × 1000, zero-padded), so a Limit keeps the best. D = published demand (written by the search
 * indexer's job), O = an organisation's profile (replaced with the profile), A = a published achievement.
 */
export const libraryKeys = {
  achievement: (id: string): Key => ({ PK: `ACHIEVEMENT#${id}`, SK: PROFILE }),
  orgAchievements: (orgId: string, createdAt: string, id: string) => ({
    GSI1PK: `ORG#${orgId}#ACHIEVEMENTS`,
    GSI1SK: `${createdAt}#${id}`,
  }),
  orgAchievementsPartition: (orgId: string) => `ORG#${orgId}#ACHIEVEMENTS`,
  reviewQueue: (region: string) => `QUEUE#ACHIEVEMENT#${region}`,
  queueEntry: (region: string, at: string, id: string) => ({
    GSI2PK: `QUEUE#ACHIEVEMENT#${region}`,
    GSI2SK: `${at}#${id}`,
  }),
  libraryPartition: (field?: string) => (field ? `LIBRARY#F#${field}` : 'LIBRARY#ALL'),
  libraryCard: (field: string | undefined, publishedAt: string, id: string): Key => ({
    PK: field ? `LIBRARY#F#${field}` : 'LIBRARY#ALL',
    SK: `${publishedAt}#${id}`,
  }),
  interest: (id: string): Key => ({ PK: `INTEREST#${id}`, SK: PROFILE }),
  interestMarker: (achievementId: string, orgId: string): Key => ({
    PK: `ACHIEVEMENT#${achievementId}#INTERESTS`,
    SK: `ORG#${orgId}`,
  }),
  interestsIn: (ownerId: string, createdAt: string, id: string) => ({
    GSI1PK: `ORG#${ownerId}#INTERESTS_IN`,
    GSI1SK: `${createdAt}#${id}`,
  }),
  interestsInPartition: (ownerId: string) => `ORG#${ownerId}#INTERESTS_IN`,
  interestsOut: (senderId: string, createdAt: string, id: string) => ({
    GSI2PK: `ORG#${senderId}#INTERESTS_OUT`,
    GSI2SK: `${createdAt}#${id}`,
  }),
  interestsOutPartition: (senderId: string) => `ORG#${senderId}#INTERESTS_OUT`,
  managedInterestsPartition: (userId: string) => `USER#${userId}#MANAGED_INTERESTS`,
  managedInterest: (userId: string, createdAt: string, interestId: string): Key => ({
    PK: `USER#${userId}#MANAGED_INTERESTS`,
    SK: `${createdAt}#${interestId}`,
  }),
  matchPartition: (term: string) => `MATCH#${term}`,
  matchFieldPartition: (field: string) => `MATCH#FIELD#${field}`,
  matchPosting: (partition: string, kind: 'D' | 'O' | 'A', weight: number, id: string): Key => ({
    PK: partition,
    SK: `${kind}#${String(1000 - Math.round(Math.min(1, Math.max(0, weight)) * 1000)).padStart(4, '0')}#${id}`,
  }),
  demandTerms: (demandId: string): Key => ({ PK: `DEMAND#${demandId}#TERMS`, SK: 'TERMS' }),
  /**
   * M3: the reverse of pattern 20, by credit code — an item per generation of an issuer's affiliate list that names
   * the code (written and deleted with the list's own items), and beside them the organisation's matching view
   * (`#ORG`: id, region, profile, controlling shareholder; written with the org item), so that a recommendation
   * reads both in one Query.
   */
  affiliatedByPartition: (creditCode: string) => `AFFILIATED#${creditCode}`,
  affiliatedBy: (creditCode: string, issuerOrgId: string, gen: string): Key => ({
    PK: `AFFILIATED#${creditCode}`,
    SK: `ISSUER#${issuerOrgId}#${gen}`,
  }),
  matchView: (creditCode: string): Key => ({ PK: `AFFILIATED#${creditCode}`, SK: '#ORG' }),
} as const;

export const LIBRARY_ENTITY = {
  achievement: 'Achievement',
  libraryCard: 'LibraryCard',
  interest: 'Interest',
  interestMarker: 'InterestMarker',
  managedInterest: 'ManagedInterest',
  matchPosting: 'MatchPosting',
  demandTerms: 'DemandTerms',
  affiliatedBy: 'AffiliatedBy',
  matchView: 'OrgMatchView',
} as const;

// ---- design (issue 18): what an authority decided (已审) ----

/**
 * | D1 | demands an authority decided, newest first      | table | PK=REVIEWED#DEMAND#<authority> SK=<decidedAt>#<id> |
 * | D2 | applications an authority decided, newest first | table | PK=REVIEWED#APP#<authority>    SK=<decidedAt>#<id> |
 *
 * `<authority>` is `ministry` or the province's region code. One item per decision, put by the decision's own
 * transaction (so a refused decision leaves none): the summary as decided plus `decision` and `decidedAt`, never
 * updated. 已审 is a Query of the authority's partition (filters on its items, like the queues 13, 14, 25, 26:
 * a Query of that partition, never a Scan).
 */
export const reviewedKeys = {
  demands: (authority: string) => `REVIEWED#DEMAND#${authority}`,
  applications: (authority: string) => `REVIEWED#APP#${authority}`,
  entry: (partition: string, decidedAt: string, id: string): Key => ({ PK: partition, SK: `${decidedAt}#${id}` }),
  entity: 'ReviewedEntry',
} as const;

// publicity (公示, issue 17): P1–P4 in the table above. A campaign sees tens of objections, not thousands: the
// ministry's list is one partition of GSI1.
export const publicityKeys = {
  objection: (id: string): Key => ({ PK: `OBJECTION#${id}`, SK: PROFILE }),
  allObjections: (filedAt: string, id: string) => ({ GSI1PK: 'OBJECTIONS', GSI1SK: `${filedAt}#${id}` }),
  allObjectionsPartition: 'OBJECTIONS',
  orgObjections: (orgId: string, filedAt: string, id: string) => ({
    GSI2PK: `ORG#${orgId}#OBJECTIONS`,
    GSI2SK: `${filedAt}#${id}`,
  }),
  orgObjectionsPartition: (orgId: string) => `ORG#${orgId}#OBJECTIONS`,
  demandLinesPrefix: (demandId: string) => `DEMAND#${demandId}#APP#`,
} as const;

export const PUBLICITY_ENTITY = { objection: 'Objection' } as const;

// policy support (issue 16, item 7): SP1–SP3 in the table above. An SME's entry (SP1, SP2) is written by the
// selection transaction with the demand it was selected on (a string set, so a re-selection adds nothing twice and
// a selection replaced after an upheld objection takes its demand out); each support record ADDs to its count
// and total in the record's own transaction. The list is therefore one Query of a partition of one item per SME.
export const supportKeys = {
  smesPartition: (year: number, region?: string) => (region ? `SMES#${year}#REGION#${region}` : `SMES#${year}`),
  sme: (year: number, region: string | undefined, orgId: string): Key => ({
    PK: region ? `SMES#${year}#REGION#${region}` : `SMES#${year}`,
    SK: `ORG#${orgId}`,
  }),
  recordsPartition: (year: number, orgId: string) => `SUPPORT#${year}#ORG#${orgId}`,
  record: (year: number, orgId: string, recordedAt: string, id: string): Key => ({
    PK: `SUPPORT#${year}#ORG#${orgId}`,
    SK: `REC#${recordedAt}#${id}`,
  }),
} as const;

export const SUPPORT_ENTITY = { sme: 'SupportedSme', record: 'SupportRecord' } as const;

// pipl (personal data): U1. The contact a person entered on a demand, in the person's own partition, so that
// erasing the account finds the demands to clear with the Query of that partition it already makes.
export const personalKeys = {
  demandContact: (userId: string, demandId: string): Key => ({
    PK: `USER#${userId}`,
    SK: `DEMANDCONTACT#${demandId}`,
  }),
  demandContactPrefix: 'DEMANDCONTACT#',
} as const;
