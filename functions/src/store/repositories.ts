/**
 * Repository interfaces: what use-cases need from storage. The DynamoDB adapters implement them; use-case tests
 * may supply in-memory ones.
 */
import type { Campaign, Demand, Org } from '@jiebang/shared';
import type { CatalogueCard } from '../domain/publication';

export interface UserRecord {
  id: string;
  openid: string;
  roles: string[];
  orgId: string | null;
  displayName?: string;
  createdAt: string;
  lastLoginAt?: string;
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
  createIfAbsent(c: Campaign): Promise<boolean>;
}

export interface DemandRepository {
  get(id: string): Promise<Demand | null>;
  /** One page of published cards, newest first. */
  listCatalogue(limit: number, cursor?: string): Promise<Page<CatalogueCard>>;
  /** Insert a demand (and its catalogue card when public) in one transaction; false when it already exists. */
  createIfAbsent(d: Demand): Promise<boolean>;
}
