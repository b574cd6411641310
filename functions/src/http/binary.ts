/**
 * A route whose success answer is a file (exports), not JSON: the same envelope as `route` (auth, validation,
 * error mapping — errors stay JSON), with the file returned base64-encoded as API Gateway expects.
 */
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import { route, type RequestContext } from './route';
import type { RouteDefinition } from '@jiebang/shared/routes/define';
import type { Deps } from '../deps';
import type { Store } from '../store/client';

export interface FileResult {
  filename: string;
  contentType: string;
  data: Buffer;
}

export function fileRoute<S extends RouteDefinition, P>(
  spec: S,
  wire: (store: Store, d: Deps) => P,
  run: (ctx: RequestContext<S, P>) => Promise<FileResult>,
) {
  const inner = route(spec, wire, async (ctx) => {
    const f = await run(ctx);
    return { body: { file: f.data.toString('base64'), filename: f.filename, contentType: f.contentType } };
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
