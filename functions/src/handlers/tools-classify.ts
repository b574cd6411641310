import { toolsClassify } from '@jiebang/shared/routes/orgs';
import { route } from '../http/route';
import { classifyFigures } from '../use-cases/orgs';

/** POST /v1/tools/classify (no login) */
export const handler = route(toolsClassify, async ({ body }) => ({ body: classifyFigures(body) }));
