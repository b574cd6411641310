import { subscriptionsTemplates } from '@jiebang/shared/routes/notifications';
import type { TemplateKey } from '@jiebang/shared';
import { route } from '../http/route';
import { notificationDeps } from '../notifications/wiring';

/** GET /v1/subscriptions/templates */
export const handler = route(subscriptionsTemplates, async ({ deps }) => ({
  body: {
    templates: Object.entries(notificationDeps(deps).templates).map(([key, templateId]) => ({
      key: key as TemplateKey,
      templateId: templateId!,
    })),
  },
  headers: { 'cache-control': 'public, max-age=300' },
}));
