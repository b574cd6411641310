import { applicationMatchmakingForm } from '@jiebang/shared/routes/paper';
import { fileRoute } from '../http/binary';
import { paperRepos } from '../wiring';
import { matchmakingPdf } from '../use-cases/paper-forms';

/** GET /v1/applications/{id}/matchmaking-form (对接表 PDF) */
export const handler = fileRoute(applicationMatchmakingForm, paperRepos, async ({ params, user, now, repos }) =>
  matchmakingPdf(user, params.id, { repos, now, origin: process.env.H5_ORIGIN }),
);
