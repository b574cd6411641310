/** Wiring: one set of DynamoDB repositories per store. */
import type { Store } from './client';
import { DynamoApplicationRepository } from './dynamo-applications';
import { DynamoCampaignRepository } from './dynamo-campaigns';
import { DynamoDemandRepository } from './dynamo-demands';
import { DynamoEvaluationRepository } from './dynamo-evaluation';
import { DynamoIdempotencyRepository } from './dynamo-idempotency';
import { DynamoOrgRepository } from './dynamo-orgs';
import { DynamoRateLimitRepository } from './dynamo-rate-limits';
import { DynamoUserRepository } from './dynamo-users';

export function repositories(store: Store) {
  const users = new DynamoUserRepository(store);
  return {
    users,
    orgs: new DynamoOrgRepository(store, users),
    applications: new DynamoApplicationRepository(store),
    idempotency: new DynamoIdempotencyRepository(store),
    campaigns: new DynamoCampaignRepository(store),
    demands: new DynamoDemandRepository(store),
    evaluation: new DynamoEvaluationRepository(store),
    rateLimits: new DynamoRateLimitRepository(store),
  };
}
export type Repositories = ReturnType<typeof repositories>;
export { createStore, type Store } from './client';
