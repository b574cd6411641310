import { openapi } from '@jiebang/shared/routes/core';
import { buildOpenApi } from '../http/openapi';
import { route } from '../http/route';

let doc: object | undefined;

/** GET /v1/openapi.json, generated once per container from the route specs. */
export const handler = route(openapi, async () => {
  doc ??= buildOpenApi();
  return { body: doc, headers: { 'cache-control': 'public, max-age=300' } };
});
