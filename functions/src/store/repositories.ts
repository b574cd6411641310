/**
 * Repository interfaces: what use-cases need from storage. The DynamoDB adapters implement them; use-case tests
 * may supply in-memory ones.
 */
import type { TransactItem } from './transact';
import type {
  AuditEvent,
  Campaign,
  Cutoff,
  Demand,
  DemandReview,
  DemandSummary,
  DemandTrack,
  DirectContact,
  FieldKey,
  Notification,
  Org,
} from '@jiebang/shared';
import type { ItemFilter } from './filtered-page';
import type { CatalogueCard } from '../domain/publication';

export interface UserRecord {
  id: string;
  openid: string;
  roles: string[];
  orgId: string | null;
  /** The enterprise's credit code while `orgId` is set (membership reads it: recommendations, issue 15). */
  orgCreditCode?: string;
  displayName?: string;
  createdAt: string;
  lastLoginAt?: string;
  // pipl: the privacy notice accepted (version, instant)
  privacyVersion?: string;
  privacyAcceptedAt?: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface UserRepository {
  /** Create the user on first login or touch it; returns the stored user. One write. */
  recordLogin(id: string, openid: string, now: Date): Promise<UserRecord>;
  get(id: string): Promise<UserRecord | null>;
  /** Insert when absent (seed); returns false when the user already existed. */
  createIfAbsent(user: UserRecord): Promise<boolean>;
}

export interface OrgRepository {
  get(id: string): Promise<Org | null>;
  /** Create the enterprise and its credit-code marker in one transaction; false when the code is taken. */
  create(org: Org): Promise<boolean>;
}

export interface CampaignRepository {
  current(): Promise<Campaign | null>;
  get(year: number): Promise<Campaign | null>;
  createIfAbsent(c: Campaign): Promise<boolean>;
  /** Create with its audit event in one transaction; false when the year already has a campaign. */
  create(c: Campaign, audit: Omit<AuditEvent, 'id'>): Promise<boolean>;
  // 221号 to the letter (issue 16)
  /** Replace it conditional on the version read, audited and notified in one transaction; false when stale. */
  update(
    before: Campaign,
    after: Campaign,
    audit: Omit<AuditEvent, 'id'>,
    notifications: Omit<Notification, 'id'>[],
  ): Promise<boolean>;
  /** A province's own cut-off for its issuers' submissions, or null. */
  cutoff(year: number, region: string): Promise<string | null>;
  putCutoff(c: Cutoff, audit: Omit<AuditEvent, 'id'>): Promise<void>;
}

/** 221号 to the letter (issue 16): the large enterprises each ministry department contacted (direct channel). */
export interface DirectContactRepository {
  list(department: string): Promise<DirectContact[]>;
  /** Add to the department's list (both items and the audit event in one transaction); false when already there. */
  add(c: DirectContact, audit: Omit<AuditEvent, 'id'>): Promise<boolean>;
  /** Remove; the removed contact, or null when it was not on the list. */
  remove(department: string, creditCode: string, audit: Omit<AuditEvent, 'id'>): Promise<DirectContact | null>;
  /** The first department (by key) that contacted this credit code, or null: one Query. */
  departmentOf(creditCode: string): Promise<string | null>;
  /** A condition of a direct submission's transaction: the department still has the code on its list. */
  stillContacted(creditCode: string, department: string): TransactItem;
}

/** What rides along with a demand's change in its transaction: the audit event and the notifications. */
export interface DemandChange {
  audit: Omit<AuditEvent, 'id'>;
  notifications: Omit<Notification, 'id'>[];
  /** pipl: more items of the same transaction (the marker of a contact the caller entered). */
  extra?: TransactItem[];
}

export interface CatalogueFilter {
  field?: FieldKey | undefined;
  region?: string | undefined;
  /** true: only open demands; false: only closed ones; undefined: both. */
  open?: boolean | undefined;
  q?: string | undefined;
  /** SME 发榜 (library area). */
  track?: DemandTrack | undefined;
}

export type DemandQueue = { kind: 'province'; region: string } | { kind: 'ministry' };

export interface DemandRepository {
  get(id: string): Promise<Demand | null>;
  /** The demand and its audit trail (oldest first): one Query on the demand's partition. */
  getWithTimeline(id: string): Promise<{ demand: Demand; timeline: AuditEvent[] } | null>;
  /** One page of published cards, newest first, for any filter combination: at most 2 requests. */
  listCatalogue(
    filter: CatalogueFilter,
    limit: number,
    cursor: string | undefined,
    now: Date,
  ): Promise<Page<CatalogueCard>>;
  /** Insert a demand in any status with its index entries (queue, catalogue cards, search postings); false when it exists. */
  createIfAbsent(d: Demand): Promise<boolean>;
  /** Insert a new draft with its audit event; false when the id is taken. */
  create(d: Demand, change: DemandChange): Promise<boolean>;
  // pipl (personal data)
  /** Transaction item: `userId` entered this contact on the demand (erasure clears it while it stands). */
  contactMarker(userId: string, demandId: string, contact: Demand['contact']): TransactItem;
  /**
   * Replace `before` by `after` in one transaction with the change's audit event and notifications, the queue
   * entry and the catalogue cards the new state implies — only if the stored demand still has `before`'s status
   * and version. False when it does not (someone else acted first).
   */
  /** `extra`: more items of the same transaction (e.g. the idempotency record of the answer). */
  transition(before: Demand, after: Demand, change: DemandChange, extra?: TransactItem[]): Promise<boolean>;
  /** An issuer's demands, newest first (GSI1). */
  listByIssuer(orgId: string, limit: number, cursor?: string): Promise<Page<Demand>>;
  /** An authority's queue, oldest first (sparse GSI2), and how many in it pass the filter. */
  listQueue(
    queue: DemandQueue,
    limit: number,
    cursor?: string,
    filter?: ItemFilter,
  ): Promise<Page<Demand> & { total: number }>;
  /** design (issue 18): what an authority (`ministry` or a region) decided, newest first, and how many pass. */
  listReviewed(
    authority: string,
    limit: number,
    cursor: string | undefined,
    filter: ItemFilter,
  ): Promise<Page<ReviewedDemand> & { total: number }>;
  /** The 已审 entry of a decision, an item of the decision's transaction (`transition`'s extra). */
  reviewedPut(authority: string, entry: ReviewedDemand): TransactItem;
}

/** design (issue 18): a demand as an authority decided it (已审), with the decision and its instant. */
export type ReviewedDemand = DemandSummary & { decision: DemandReview['decision']; decidedAt: string };
