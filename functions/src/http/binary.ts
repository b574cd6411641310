/**
 * A route whose success answer is a file (exports), not JSON: the same envelope as `route` (auth, validation,
 * error mapping — errors stay JSON), with the file returned base64-encoded as API Gateway expects.
 *
 * A file known by its ETag before it is built (`VersionedFile`) is answered 304 when the request's If-None-Match
 * names that ETag, without building it; the route's conditionalGet step adds the caching headers.
 */
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import { route, type RequestContext, type Result } from './route';
import type { RouteDefinition } from '@jiebang/shared/routes/define';
import type { Deps } from '../deps';
import type { Store } from '../store/client';
import { matches } from './steps/conditional-get';

export interface FileResult {
  filename: string;
  contentType: string;
  data: Buffer;
}

export interface VersionedFile {
  etag: string;
  file: () => Promise<FileResult>;
}

const fileBody = (f: FileResult) => ({
  file: f.data.toString('base64'),
  filename: f.filename,
  contentType: f.contentType,
});

export function fileRoute<S extends RouteDefinition, P>(
  spec: S,
  wire: (store: Store, d: Deps) => P,
  run: (ctx: RequestContext<S, P>) => Promise<FileResult | VersionedFile>,
) {
  const inner = route(spec, wire, async (ctx): Promise<Result> => {
    const answer = await run(ctx);
    if (!('etag' in answer)) return { body: fileBody(answer) };
    const headers = { etag: answer.etag };
    if (matches(ctx.headers['if-none-match'] ?? ctx.headers['If-None-Match'], answer.etag))
      return { status: 304, body: null, headers };
    return { body: fileBody(await answer.file()), headers };
  });
  return async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyResultV2> => {
    const res = (await inner(event)) as { statusCode: number; headers?: Record<string, string>; body: string };
    if (res.statusCode !== 200) return res;
    const f = JSON.parse(res.body) as { file: string; filename: string; contentType: string };
    const ascii = f.filename.replace(/[^\x20-\x7e]/g, '_');
    return {
      statusCode: 200,
      headers: {
        ...res.headers,
        'content-type': f.contentType,
        'content-disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(f.filename)}`,
      },
      body: f.file,
      isBase64Encoded: true,
    };
  };
}
