import { route } from '../http/route';
import { routes } from '../http/spec';
import { classifyFigures } from '../use-cases/orgs';

/** POST /v1/tools/classify (no login) */
export const handler = route(routes.toolsClassify, async ({ body }) => ({ body: classifyFigures(body) }));
