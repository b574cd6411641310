/** The indexer's and the rebuild's dependencies on one store (the handler imports no notification code). */
import type { Store } from '../store/client';
import { DynamoDemandRepository } from '../store/dynamo-demands';
import { DynamoSearchIndex } from '../store/dynamo-search-index';

export const indexerDeps = (store: Store) => ({
  store,
  demands: new DynamoDemandRepository(store),
  index: new DynamoSearchIndex(store),
});
