/**
 * The search index's storage: postings (pattern 18) and indexing jobs (39, 40). Postings are key-only and
 * immutable (`SEARCH#<bigram>` / `<publishedAt>#<id>`): writing one twice writes the same item, so every way of
 * writing them here is idempotent, and the read checks the demand's current state (a posting only says "look at
 * this demand").
 */
import type { Demand } from '@jiebang/shared';
import { BatchWriteCommand, DeleteCommand } from '@aws-sdk/lib-dynamodb';
import { isPublic } from '../domain/publication';
import { indexTerms } from '../domain/search-terms';
import type { Store } from './client';
import { deleteIf, putIf, updateIf } from './items';
import { ENTITY, keys } from './keys';
import { dueOnOutbox } from './query-all';
import type { WriteItem } from './transact';

type Item = Record<string, unknown>;

const iso = (instant: string | Date): string => new Date(instant).toISOString();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** An indexing job as stored (the demand's postings are to be written). */
export interface IndexJob {
  demandId: string;
  enqueuedAt: string;
  attempts?: number;
  lastError?: string;
}

/** A job read from the outbox, with the sort key it was read at: claims are conditional on it. */
export interface DueIndexJob {
  job: IndexJob;
  dueKey: string;
}

/** The key-only postings of a public demand: one per distinct bigram of its searchable text. */
export function postingItems(d: Demand): Item[] {
  if (!isPublic(d)) return [];
  return indexTerms(d).map((term) => ({
    ...keys.searchPosting(term, iso(d.publishedAt!), d.id),
    entityType: ENTITY.searchPosting,
    id: d.id,
  }));
}

export interface PostingWriteOptions {
  /** BatchWriteItem calls in flight at once (25 items each). */
  concurrency?: number;
  /** Attempts per batch while DynamoDB leaves items unprocessed (throttling), with exponential backoff. */
  maxAttempts?: number;
  /** Test hook: called after each batch is fully written; throwing simulates a crash there. */
  afterBatch?: (written: number) => void;
}

export const POSTING_WRITE_DEFAULTS = { concurrency: 8, maxAttempts: 8 };

export class DynamoSearchIndex {
  constructor(private readonly store: Store) {}

  private get table() {
    return this.store.table;
  }

  /** Transaction item: (re)enqueue the demand for indexing, due at once (written with the publication). */
  jobPut(demandId: string, now: Date): WriteItem {
    return { Put: { TableName: this.table, Item: this.jobItem(demandId, now) } };
  }

  private jobItem(demandId: string, now: Date): Item {
    const job: IndexJob = { demandId, enqueuedAt: iso(now), attempts: 0 };
    return {
      ...keys.indexJob(demandId),
      ...keys.indexOutbox(iso(now), demandId),
      entityType: ENTITY.indexJob,
      ...job,
    };
  }

  /**
   * Enqueue unless a job of the demand already waits (that one will write the same postings). True when enqueued.
   */
  async enqueue(demandId: string, now: Date): Promise<boolean> {
    return putIf(this.store, {
      Item: this.jobItem(demandId, now),
      ConditionExpression: 'attribute_not_exists(PK)',
    });
  }

  /** Jobs due at `now`, oldest due first: one Query on the sparse outbox. */
  async due(now: Date, limit: number): Promise<DueIndexJob[]> {
    const due = await dueOnOutbox(this.store, keys.indexOutboxPartition, now, limit);
    return due.map((i) => ({
      job: { demandId: i.demandId as string, enqueuedAt: i.enqueuedAt as string, attempts: i.attempts as number },
      dueKey: i.GSI2SK as string,
    }));
  }

  /**
   * Claim a due job for this run: it moves to `leaseUntil` on the outbox (a run that dies leaves it to come back
   * then), only if nobody moved it since it was read. False when another run was first.
   */
  async claim(e: DueIndexJob, leaseId: string, leaseUntil: Date): Promise<boolean> {
    return updateIf(this.store, {
      Key: keys.indexJob(e.job.demandId),
      UpdateExpression: 'SET GSI2SK = :lease, leaseId = :lid',
      ConditionExpression: 'GSI2PK = :pk AND GSI2SK = :seen',
      ExpressionAttributeValues: {
        ':lease': keys.indexOutbox(iso(leaseUntil), e.job.demandId).GSI2SK,
        ':lid': leaseId,
        ':pk': keys.indexOutboxPartition,
        ':seen': e.dueKey,
      },
    });
  }

  /**
   * Done: delete the job, only while this run holds it. False when it was re-enqueued meanwhile (the new job runs
   * again and writes the same postings) or taken over after the lease ran out.
   */
  async complete(demandId: string, leaseId: string): Promise<boolean> {
    return deleteIf(this.store, {
      Key: keys.indexJob(demandId),
      ConditionExpression: 'leaseId = :lid',
      ExpressionAttributeValues: { ':lid': leaseId },
    });
  }

  /** Failed: back on the outbox at `nextAt`, with the attempt counted. */
  async retry(demandId: string, leaseId: string, nextAt: Date, attempts: number, error: string): Promise<boolean> {
    return updateIf(this.store, {
      Key: keys.indexJob(demandId),
      UpdateExpression: 'SET GSI2SK = :sk, attempts = :n, lastError = :e, failedAt = :at REMOVE leaseId',
      ConditionExpression: 'leaseId = :lid',
      ExpressionAttributeValues: {
        ':sk': keys.indexOutbox(iso(nextAt), demandId).GSI2SK,
        ':n': attempts,
        ':e': error.slice(0, 500),
        ':at': new Date().toISOString(),
        ':lid': leaseId,
      },
    });
  }

  /** Remove a job unconditionally (after its postings were written directly, e.g. by a fixture load). */
  async drop(demandId: string): Promise<void> {
    await this.store.doc.send(new DeleteCommand({ TableName: this.table, Key: keys.indexJob(demandId) }));
  }

  /**
   * Write the postings of `d` (none unless public): batches of 25, `concurrency` at a time, unprocessed items
   * retried with backoff. Returns the number written; throws when a batch is still unprocessed after its attempts.
   */
  async writePostings(d: Demand, options: PostingWriteOptions = {}): Promise<number> {
    const o = { ...POSTING_WRITE_DEFAULTS, ...options };
    const items = postingItems(d);
    const batches: Item[][] = [];
    for (let i = 0; i < items.length; i += 25) batches.push(items.slice(i, i + 25));
    let next = 0;
    let written = 0;
    const worker = async () => {
      while (next < batches.length) {
        const batch = batches[next++]!;
        await this.writeBatch(batch, o.maxAttempts);
        written += batch.length;
        o.afterBatch?.(written);
      }
    };
    await Promise.all(Array.from({ length: Math.min(o.concurrency, batches.length) }, worker));
    return written;
  }

  private async writeBatch(items: Item[], maxAttempts: number): Promise<void> {
    let pending: Item[] = items.map((Item) => ({ PutRequest: { Item } }));
    for (let attempt = 1; ; attempt++) {
      const res = await this.store.doc.send(new BatchWriteCommand({ RequestItems: { [this.table]: pending } }));
      pending = (res.UnprocessedItems?.[this.table] as Item[] | undefined) ?? [];
      if (pending.length === 0) return;
      if (attempt >= maxAttempts) throw new Error(`${pending.length} postings unprocessed after ${attempt} attempts`);
      await sleep(Math.min(50 * 2 ** attempt, 5_000) * (0.5 + Math.random() / 2));
    }
  }
}
