/**
 * Rebuild the keyword-search postings of every public demand (`npm run reindex`):
 *   npm run reindex                                  # the local table (npm start's DynamoDB Local)
 *   DYNAMODB_ENDPOINT= TABLE_NAME=jiebang-prod AWS_REGION=cn-northwest-1 npm run reindex -- --enqueue-only
 * Enqueues an indexing job per public demand (the catalogue's all-cards partition: a Query, not a Scan), then
 * runs the indexer until none is due; `--enqueue-only` leaves the jobs to the scheduled indexer (every minute).
 * Idempotent: safe to run twice, or while the scheduled indexer runs (functions/src/indexing/rebuild.ts).
 */
import { rebuildSearchIndex } from '../functions/src/indexing/rebuild';
import { indexerDeps } from '../functions/src/indexing/wiring';
import { cliTable, runCli } from './cli';

async function main(): Promise<void> {
  const { store, table, endpoint } = cliTable();
  const enqueueOnly = process.argv.includes('--enqueue-only');
  const started = Date.now();
  const r = await rebuildSearchIndex(new Date(), indexerDeps(store), { enqueueOnly });
  const indexed = r.indexed
    ? `; indexed ${r.indexed.indexed} (${r.indexed.postings} postings), retried ${r.indexed.retried}, skipped ${r.indexed.skipped}`
    : '; the scheduled indexer writes the postings';
  console.log(
    `reindex of ${table} at ${endpoint || 'AWS'}: ${r.demands} public demands, ${r.enqueued} jobs enqueued${indexed} — ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
}

runCli('reindex', main);
