import { demandPaper } from '@jiebang/shared/routes/paper';
import { fileRoute } from '../http/binary';
import { paperRepos } from '../wiring';
import { demandPaperPdf } from '../use-cases/paper-forms';

/** GET /v1/demands/{id}/paper (需求表 PDF) */
export const handler = fileRoute(demandPaper, paperRepos, async ({ params, user, now, repos }) =>
  demandPaperPdf(user, params.id, { repos, now, origin: process.env.H5_ORIGIN }),
);
