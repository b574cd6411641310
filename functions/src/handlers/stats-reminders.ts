/** Scheduled (EventBridge, hourly): the 统计表 deadline reminders (their notifications enter the outbox). */
import { deps } from '../deps';
import { logger } from '../http/logger';
// Not through ../scheduler, whose indexer would bring the native segmenter into this function's package.
import { runStatsRemindersNow } from '../notifications/stats-reminders';

deps();

export const handler = async (): Promise<void> => {
  const d = deps();
  const report = await runStatsRemindersNow(d.clock.now(), d);
  logger.info('stats reminders run', { ...report });
};
