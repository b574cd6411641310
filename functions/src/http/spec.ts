/**
 * The route definitions live in shared/src/routes (one named export per route, read by the server, the OpenAPI
 * document and the client). This module is for what needs all of them at once: the OpenAPI document and the tests
 * that walk every route. Handlers import their own route from `@jiebang/shared/routes/<area>` instead.
 */
import { errorBodySchema } from '@jiebang/shared';
import { allRoutes } from '@jiebang/shared/routes/all';
import type { RouteDefinition } from '@jiebang/shared/routes/define';

export type RouteSpec = RouteDefinition;
export const routes = allRoutes;
export { errorBodySchema };
