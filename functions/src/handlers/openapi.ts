import { openapi } from '@jiebang/shared/routes/core';
import { route } from '../http/route';

let doc: object | undefined;

/**
 * GET /v1/openapi.json, generated once per container from the route definitions. The document's builder (and with
 * it every route's schemas) loads on the first request, not at cold start: it is read by developers' tools, and a
 * container started for anything else should not build 60 routes' schemas.
 */
export const handler = route(openapi, async () => {
  doc ??= (await import('../http/openapi')).buildOpenApi();
  return { body: doc, headers: { 'cache-control': 'public, max-age=300' } };
});
