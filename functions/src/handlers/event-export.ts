import { eventsExport } from '@jiebang/shared/routes/events';
import { fileRoute } from '../http/binary';
import { eventRepos } from '../wiring';
import { exportEvent } from '../use-cases/events';

/** GET /v1/events/{id}/export (organiser, .xlsx) */
export const handler = fileRoute(eventsExport, eventRepos, async ({ params, user, now, repos }) =>
  exportEvent(user, params.id, { repos, now }),
);
