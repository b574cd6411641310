/** Scheduled (EventBridge, every 5 minutes): deadline reminders (their notifications enter the outbox). */
import { deps } from '../deps';
import { logger } from '../http/logger';
import { runRemindersNow } from '../scheduler';

deps();

export const handler = async (): Promise<void> => {
  const d = deps();
  const report = await runRemindersNow(d.clock.now(), d);
  logger.info('reminders run', { ...report });
};
