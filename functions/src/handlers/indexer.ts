/** Scheduled (EventBridge, every minute): write the search postings of newly published demands. */
import { deps } from '../deps';
import { logger } from '../http/logger';
import { runIndexer } from '../indexing/indexer';
import { indexerDeps } from '../indexing/wiring';
import { demandMatching } from '../matching/wiring';

deps(); // a missing configuration fails the init, not a run

export const handler = async (): Promise<void> => {
  const d = deps();
  // Library area: the same job writes the demand's matching terms (jieba, in its package).
  const report = await runIndexer(d.clock.now(), { ...indexerDeps(d.store), matching: demandMatching(d.store) });
  logger.info('indexer run', { ...report });
};
