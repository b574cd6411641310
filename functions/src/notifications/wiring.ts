/** The notifications area's dependencies, built once per cold start on top of the handlers' `deps()`. */
import type { TemplateKey } from '@jiebang/shared';
import { deps, type Deps } from '../deps';
import { DynamoNotificationRepository } from '../store/dynamo-notifications';
import { WeChatSubscribeClient, type SubscribeSender } from '../wechat/subscribe';
import { templateIds } from './templates';

export interface NotificationDeps {
  notifications: DynamoNotificationRepository;
  sender: SubscribeSender;
  templates: Partial<Record<TemplateKey, string>>;
}

let current: { base: Deps; parts: NotificationDeps } | undefined;

export function notificationDeps(base: Deps = deps()): NotificationDeps {
  if (!current || current.base !== base) {
    const cfg = base.config;
    current = {
      base,
      parts: {
        notifications: new DynamoNotificationRepository(base.store),
        sender: new WeChatSubscribeClient(cfg.WECHAT_API_BASE, cfg.WECHAT_APPID, cfg.WECHAT_SECRET, base.store),
        templates: templateIds(cfg),
      },
    };
  }
  return current.parts;
}

/** Replace parts (tests only). */
export function overrideNotificationDeps(parts: Partial<NotificationDeps>): void {
  Object.assign(notificationDeps(), parts);
}
