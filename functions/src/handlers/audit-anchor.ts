/** Scheduled (EventBridge, daily 00:05 Beijing time): the day's link of the platform audit chain. */
import { deps } from '../deps';
import { logger } from '../http/logger';
import { runAuditAnchorNow } from '../scheduler';

deps();

export const handler = async (): Promise<void> => {
  const d = deps();
  const linked = await runAuditAnchorNow(d.clock.now(), d);
  logger.info('audit chain linked', {
    days: linked.map((l) => l.day),
    objects: linked.reduce((n, l) => n + l.count, 0),
  });
};
