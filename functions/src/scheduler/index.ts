/**
 * Scheduled work: deadline reminders, then the outbox dispatcher. In AWS each runs as its own function on an
 * EventBridge schedule (functions/sls/notifications.yml); locally `startScheduler` runs `runDue` every 60 s
 * (infra/local/stack.ts), and tests call `runDue(now)` with a fake `now`.
 */
import { deps as handlerDeps, type Deps } from '../deps';
import { logger } from '../http/logger';
import { dispatch, type DispatchOptions, type DispatchReport } from '../notifications/dispatcher';
import { runReminders, type ReminderReport } from '../notifications/reminders';
import { notificationDeps } from '../notifications/wiring';

export async function runRemindersNow(now: Date, d: Deps = handlerDeps()): Promise<ReminderReport> {
  return runReminders(now, {
    store: d.store,
    notifications: notificationDeps(d).notifications,
    currentCampaign: () => d.repos.campaigns.current(),
  });
}

export async function runDispatcherNow(now: Date, d: Deps = handlerDeps(), options: DispatchOptions = {}): Promise<DispatchReport> {
  const n = notificationDeps(d);
  return dispatch(now, { store: d.store, ...n }, options);
}

/** Everything due at `now`: reminders first, so that they are dispatched in the same run. */
export async function runDue(now: Date, d: Deps = handlerDeps(), options: DispatchOptions = {}) {
  const reminders = await runRemindersNow(now, d);
  const dispatched = await runDispatcherNow(now, d, options);
  return { reminders, dispatched };
}

export interface Scheduler {
  /** Run once now (also what the timer does); never two runs at once. */
  tick(): Promise<void>;
  stop(): void;
}

/**
 * A local timer for `runDue`: every `intervalMs` (default 60 s), using the handlers' clock. A failing run is
 * logged and the next one tries again (the jobs are idempotent).
 */
export function startScheduler(options: { intervalMs?: number; onReport?: (r: Awaited<ReturnType<typeof runDue>>) => void } = {}): Scheduler {
  let running: Promise<void> | null = null;
  const tick = () =>
    (running ??= (async () => {
      try {
        const d = handlerDeps();
        const report = await runDue(d.clock.now(), d);
        options.onReport?.(report);
      } catch (err) {
        logger.error('scheduled run failed', { error: err as Error });
      } finally {
        running = null;
      }
    })());
  const timer = setInterval(() => void tick(), options.intervalMs ?? 60_000);
  timer.unref?.();
  return { tick, stop: () => clearInterval(timer) };
}
