/** Wiring: one set of DynamoDB repositories per store. */
import type { Store } from './client';
import { DynamoCampaignRepository } from './dynamo-campaigns';
import { DynamoDemandRepository } from './dynamo-demands';
import { DynamoOrgRepository } from './dynamo-orgs';
import { DynamoUserRepository } from './dynamo-users';

export function repositories(store: Store) {
  return {
    users: new DynamoUserRepository(store),
    orgs: new DynamoOrgRepository(store),
    campaigns: new DynamoCampaignRepository(store),
    demands: new DynamoDemandRepository(store),
  };
}
export type Repositories = ReturnType<typeof repositories>;
export { createStore, type Store } from './client';
