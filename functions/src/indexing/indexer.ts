/**
 * The search indexer. Publication writes one indexing job in its transaction (keys 39, 40) instead of the
 * demand's postings — a demand with every text at its maximum size has ≈ 7,100 distinct bigrams, ≈ 284
 * BatchWriteItem calls, which overran the 10 s request budget and left the last indicator unsearchable. The
 * indexer, a scheduled function (functions/sls/demands.yml, every minute; locally the scheduler's tick), writes
 * them:
 * - a run claims a due job with a conditional write that moves it to "due at now + lease", so two runs never work
 *   on it at once, and a run that dies (Lambda timeout, crash) leaves it to come back when the lease ends;
 * - it reads the demand (consistent) and writes its postings in parallel bounded batches, unprocessed items
 *   retried; postings are immutable and derived, so writing them again (after a crash, a second job, a rebuild)
 *   writes the same items — nothing to undo;
 * - it deletes the job, conditional on still holding it; a failure puts the job back with exponential backoff
 *   (capped: the postings are needed eventually, so it never gives up; each failure is logged).
 * A demand that is gone or not public when its job runs gets no postings (the read would drop them anyway).
 */
import { randomUUID } from 'node:crypto';
import { logger } from '../http/logger';
import type { Demand } from '@jiebang/shared';
import type { DynamoDemandRepository } from '../store/dynamo-demands';
import type { DueIndexJob, DynamoSearchIndex, PostingWriteOptions } from '../store/dynamo-search-index';

export interface IndexerDeps {
  demands: Pick<DynamoDemandRepository, 'get'>;
  index: DynamoSearchIndex;
  /**
   * Library area (issue 15): the published demand's matching terms and postings, computed in this job rather than
   * in the publishing request (segmenting loads jieba's dictionaries). Optional: the search tests run without it.
   */
  matching?: (demand: Demand) => Promise<number>;
}

export interface IndexerOptions {
  /** Jobs per outbox Query. */
  batchSize?: number;
  /** Stop after this many jobs in one run (the next run goes on). */
  maxJobs?: number;
  /** First retry delay; doubles with each attempt. */
  baseDelayMs?: number;
  /** Longest retry delay. */
  maxDelayMs?: number;
  /** How long a claimed job is this run's before another run may take it (longer than the function's timeout). */
  leaseMs?: number;
  /** Real-time budget of one run (a Lambda has a timeout): no new job is started after it. */
  budgetMs?: number;
  /** How postings are written (concurrency, attempts; a test hook). */
  postings?: PostingWriteOptions;
}

export interface IndexerReport {
  examined: number;
  indexed: number;
  retried: number;
  /** Claimed by another run meanwhile, or re-enqueued while this run worked on it. */
  skipped: number;
  /** Postings written (including rewrites of existing ones). */
  postings: number;
}

export const INDEXER_DEFAULTS = {
  batchSize: 25,
  maxJobs: 200,
  baseDelayMs: 30_000,
  maxDelayMs: 3_600_000,
  leaseMs: 300_000,
  budgetMs: 90_000,
};

/** Run the indexer once at `now`. */
export async function runIndexer(now: Date, d: IndexerDeps, options: IndexerOptions = {}): Promise<IndexerReport> {
  const o = { ...INDEXER_DEFAULTS, ...options };
  const report: IndexerReport = { examined: 0, indexed: 0, retried: 0, skipped: 0, postings: 0 };
  const started = Date.now();
  const seen = new Set<string>();
  while (report.examined < o.maxJobs && Date.now() - started < o.budgetMs) {
    // (index lag may still show jobs this run finished: they are in `seen`)
    const due = (await d.index.due(now, o.batchSize)).filter((e) => !seen.has(e.job.demandId));
    if (due.length === 0) break;
    for (const entry of due) {
      if (report.examined >= o.maxJobs || Date.now() - started >= o.budgetMs) break;
      seen.add(entry.job.demandId);
      report.examined++;
      report[await indexOne(entry, now, d, o, report)]++;
    }
  }
  return report;
}

async function indexOne(
  entry: DueIndexJob,
  now: Date,
  d: IndexerDeps,
  o: typeof INDEXER_DEFAULTS & IndexerOptions,
  report: IndexerReport,
): Promise<'indexed' | 'retried' | 'skipped'> {
  const { demandId } = entry.job;
  const leaseId = randomUUID();
  if (!(await d.index.claim(entry, leaseId, new Date(now.getTime() + o.leaseMs)))) return 'skipped';
  try {
    const demand = await d.demands.get(demandId, true);
    if (demand) report.postings += await d.index.writePostings(demand, o.postings);
    if (demand?.status === 'published' && d.matching) await d.matching(demand);
  } catch (err) {
    const attempts = (entry.job.attempts ?? 0) + 1;
    const delay = Math.min(o.baseDelayMs * 2 ** (attempts - 1), o.maxDelayMs);
    const error = (err as Error)?.message ?? String(err);
    logger.warn('indexing job failed', { demandId, attempts, error });
    return (await d.index.retry(demandId, leaseId, new Date(now.getTime() + delay), attempts, error))
      ? 'retried'
      : 'skipped';
  }
  return (await d.index.complete(demandId, leaseId)) ? 'indexed' : 'skipped';
}
