/** Scheduled (EventBridge, every 15 minutes): the ministry's reminder of objections unanswered after a 公示 period. */
import { deps } from '../deps';
import { logger } from '../http/logger';
// Not through ../scheduler, whose indexer would bring the native segmenter into this function's package.
import { runObjectionRemindersNow } from '../notifications/objection-reminders';

deps();

export const handler = async (): Promise<void> => {
  const d = deps();
  const report = await runObjectionRemindersNow(d.clock.now(), d);
  logger.info('objection reminders run', { ...report });
};
