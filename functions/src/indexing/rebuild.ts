/**
 * Rebuild of the search index: every public demand (the all-cards catalogue partition, pattern 6 — a Query, not
 * a Scan) gets an indexing job, then, unless only enqueuing was asked for, the indexer runs until no job is due.
 * Idempotent: a demand whose job already waits keeps that one, and postings written again are the same items, so
 * running it twice, or beside the scheduled indexer, writes nothing wrong. Postings are never deleted here (they
 * are immutable and the read checks the card state), so a rebuild only adds what is missing.
 */
import type { Store } from '../store/client';
import type { DynamoSearchIndex } from '../store/dynamo-search-index';
import { keys } from '../store/keys';
import { queryPages } from '../store/query-all';
import { runIndexer, type IndexerDeps, type IndexerOptions, type IndexerReport } from './indexer';

export interface RebuildReport {
  /** Public demands found in the catalogue. */
  demands: number;
  /** Jobs enqueued (the others already had one waiting). */
  enqueued: number;
  /** What the indexer did (absent when only enqueuing). */
  indexed?: IndexerReport;
}

/** The ids of every public demand, newest first, page by page. */
async function* publicDemandIds(store: Store): AsyncGenerator<string[]> {
  const pages = queryPages(store, {
    KeyConditionExpression: 'PK = :pk',
    ExpressionAttributeValues: { ':pk': keys.cataloguePartition('', keys.catalogueScope()) },
    ProjectionExpression: 'id',
  });
  for await (const items of pages) yield items.map((i) => i.id as string);
}

export async function rebuildSearchIndex(
  now: Date,
  d: IndexerDeps & { store: Store; index: DynamoSearchIndex },
  options: { enqueueOnly?: boolean; indexer?: IndexerOptions } = {},
): Promise<RebuildReport> {
  const report: RebuildReport = { demands: 0, enqueued: 0 };
  for await (const ids of publicDemandIds(d.store)) {
    report.demands += ids.length;
    // A page is ≤ 1 MB of ids: enqueue it 10 puts at a time.
    for (let i = 0; i < ids.length; i += 10) {
      const results = await Promise.all(ids.slice(i, i + 10).map((id) => d.index.enqueue(id, now)));
      report.enqueued += results.filter(Boolean).length;
    }
  }
  if (!options.enqueueOnly) {
    // Drain: no run budget or job cap here (a command, not a Lambda); jobs in backoff stay for the schedule.
    report.indexed = await runIndexer(now, d, {
      maxJobs: Number.POSITIVE_INFINITY,
      budgetMs: Number.POSITIVE_INFINITY,
      ...options.indexer,
    });
  }
  return report;
}
