import { applicationPaper } from '@jiebang/shared/routes/paper';
import { fileRoute } from '../http/binary';
import { paperRepos } from '../wiring';
import { applicationPaperPdf } from '../use-cases/paper-forms';

/** GET /v1/applications/{id}/paper (申请书 PDF) */
export const handler = fileRoute(applicationPaper, paperRepos, async ({ params, user, now, repos }) =>
  applicationPaperPdf(user, params.id, { repos, now, origin: process.env.H5_ORIGIN }),
);
