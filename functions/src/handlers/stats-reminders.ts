/** Scheduled (EventBridge, hourly): the 统计表 deadline reminders (their notifications enter the outbox). */
import { deps } from '../deps';
import { logger } from '../http/logger';
import { runStatsRemindersNow } from '../scheduler';

deps();

export const handler = async (): Promise<void> => {
  const d = deps();
  const report = await runStatsRemindersNow(d.clock.now(), d);
  logger.info('stats reminders run', { ...report });
};
