/** Scheduled (EventBridge, every minute): deliver due notifications of the outbox. */
import { deps } from '../deps';
import { logger } from '../http/logger';
import { runDispatcherNow } from '../scheduler';

deps(); // a missing configuration fails the init, not a run

export const handler = async (): Promise<void> => {
  const d = deps();
  const report = await runDispatcherNow(d.clock.now(), d);
  logger.info('dispatcher run', { ...report });
};
