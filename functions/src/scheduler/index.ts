/**
 * Scheduled work: deadline reminders, then the outbox dispatcher, then the search indexer. In AWS each runs as its
 * own function on an EventBridge schedule (functions/sls/notifications.yml, demands.yml); locally `startScheduler` runs `runDue` every 60 s
 * (infra/local/stack.ts), and tests call `runDue(now)` with a fake `now`.
 */
import { tokenService } from '../auth/tokens';
import { systemClock, type Clock } from '../clock';
import { loadConfig } from '../config';
import { deps as handlerDeps, type Deps } from '../deps';
import { createStore } from '../store/client';
import { DynamoCampaignRepository } from '../store/dynamo-campaigns';
import { WeChatHttpClient } from '../wechat/client';
import { logger } from '../http/logger';
import { dispatch, type DispatchOptions, type DispatchReport } from '../notifications/dispatcher';
import { runReminders, type ReminderReport } from '../notifications/reminders';
import { notificationDeps } from '../notifications/wiring';
import { runIndexer, type IndexerOptions, type IndexerReport } from '../indexing/indexer';
import { rebuildSearchIndex, type RebuildReport } from '../indexing/rebuild';
import { indexerDeps } from '../indexing/wiring';
// trust (audit chain)
import { DynamoAuditRepository } from '../store/dynamo-audit';
import { anchorDays } from '../use-cases/audit';
// stats (统计表 deadline reminders)
import { runStatsRemindersNow } from '../notifications/stats-reminders';
// publicity (公示): objections unanswered after a notice period
import { runObjectionRemindersNow } from '../notifications/objection-reminders';
// Library area: the indexing job also writes the demands' matching terms.
import { demandMatching } from '../matching/wiring';

export async function runRemindersNow(now: Date, d: Deps = handlerDeps()): Promise<ReminderReport> {
  return runReminders(now, {
    store: d.store,
    notifications: notificationDeps(d).notifications,
    currentCampaign: () => new DynamoCampaignRepository(d.store).current(),
  });
}

export async function runDispatcherNow(
  now: Date,
  d: Deps = handlerDeps(),
  options: DispatchOptions = {},
): Promise<DispatchReport> {
  const n = notificationDeps(d);
  return dispatch(now, { store: d.store, ...n }, options);
}

/** Write the search postings of demands published since the last run (and retry failed jobs that are due). */
export async function runIndexerNow(
  now: Date,
  d: Deps = handlerDeps(),
  options: IndexerOptions = {},
): Promise<IndexerReport> {
  return runIndexer(now, { ...indexerDeps(d.store), matching: demandMatching(d.store) }, options);
}

/** Re-enqueue every public demand for indexing and (unless `enqueueOnly`) index them now: `npm run reindex`. */
export async function rebuildSearchIndexNow(
  now: Date,
  d: Deps = handlerDeps(),
  options: { enqueueOnly?: boolean; indexer?: IndexerOptions } = {},
): Promise<RebuildReport> {
  return rebuildSearchIndex(now, { ...indexerDeps(d.store), matching: demandMatching(d.store) }, options);
}

// trust (audit chain)
/** Link the whole days since the last link into the platform chain (daily in AWS; a no-op once up to date). */
export async function runAuditAnchorNow(now: Date, d: Deps = handlerDeps()) {
  return anchorDays(now, { audit: new DynamoAuditRepository(d.store) });
}

// stats (统计表 deadline reminders)
export { runStatsRemindersNow };
// publicity (公示)
export { runObjectionRemindersNow };

/** Everything due at `now`: reminders first, so that they are dispatched in the same run. */
export async function runDue(now: Date, d: Deps = handlerDeps(), options: DispatchOptions = {}) {
  const reminders = await runRemindersNow(now, d);
  // stats (统计表 deadline reminders)
  const statsReminders = await runStatsRemindersNow(now, d);
  // publicity (公示): objections unanswered after a notice period
  const objectionReminders = await runObjectionRemindersNow(now, d);
  const dispatched = await runDispatcherNow(now, d, options);
  const indexed = await runIndexerNow(now, d);
  return { reminders, statsReminders, objectionReminders, dispatched, indexed };
}

export interface Scheduler {
  /** Run once now (also what the timer does); never two runs at once. */
  tick(): Promise<void>;
  stop(): void;
}

export interface SchedulerOptions {
  /**
   * The environment of the functions to run with (TABLE_NAME, DYNAMODB_ENDPOINT, WECHAT_*, JWT_SECRET…), when it
   * is not this process's own — the local stack runs the API in serverless-offline and the scheduler beside it.
   */
  env?: Record<string, string | undefined>;
  /** The clock (default: the handlers' clock, i.e. real time). */
  clock?: Clock;
  /** Default 60 s. */
  intervalMs?: number;
  onReport?: (r: Awaited<ReturnType<typeof runDue>>) => void;
  onError?: (err: Error) => void;
}

/** Dependencies for an explicit environment (not memoised in `deps()`: the process may serve another one). */
function depsFor(env: Record<string, string | undefined>, clock: Clock | undefined): Deps {
  const cfg = loadConfig(env);
  const store = createStore(cfg);
  return {
    config: cfg,
    store,
    clock: clock ?? systemClock,
    tokens: tokenService(cfg.JWT_SECRET, cfg.TOKEN_TTL_SECONDS),
    wechat: new WeChatHttpClient(cfg.WECHAT_API_BASE, cfg.WECHAT_APPID, cfg.WECHAT_SECRET),
  };
}

/**
 * A local timer for `runDue`: every `intervalMs` (default 60 s). A failing run is logged and the next one tries
 * again (the jobs are idempotent). The first run happens one interval after the start, or on `tick()`.
 */
export function startScheduler(options: SchedulerOptions = {}): Scheduler {
  const own = options.env ? depsFor(options.env, options.clock) : null;
  let running: Promise<void> | null = null;
  const tick = () =>
    (running ??= (async () => {
      try {
        const d = own ?? handlerDeps();
        const now = (options.clock ?? d.clock).now();
        options.onReport?.(await runDue(now, d));
        // trust (audit chain): after the others, so that a failure here holds none of them up.
        await runAuditAnchorNow(now, d);
      } catch (err) {
        logger.error('scheduled run failed', { error: err as Error });
        options.onError?.(err as Error);
      } finally {
        running = null;
      }
    })());
  const timer = setInterval(() => void tick(), options.intervalMs ?? 60_000);
  timer.unref?.();
  return {
    tick,
    stop: () => clearInterval(timer),
  };
}
