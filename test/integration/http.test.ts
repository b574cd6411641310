import { describe, expect, it } from '@jest/globals';
import { expectWith } from '../support/expect-with';
import { errorBodySchema } from '@jiebang/shared';
import { handler as loginHandler } from '../../functions/src/handlers/auth-wechat-login';
import { handler as healthHandler } from '../../functions/src/handlers/health';
import { handler as openapiHandler } from '../../functions/src/handlers/openapi';
import { handler as listHandler } from '../../functions/src/handlers/catalogue-list';
import { deps, overrideDeps } from '../../functions/src/deps';
import { createStore } from '../../functions/src/store';
import { MAX_BODY_BYTES } from '../../functions/src/http/route';
import { allRoutes as routes } from '@jiebang/shared/routes/all';
import { invoke } from '../support/invoke';

describe('HTTP envelope', () => {
  it('health answers ok when the table answers', async () => {
    const res = await invoke(healthHandler);
    expect(res).toMatchObject({ status: 200, body: { ok: true } });
    expect(res.headers['x-request-id']).toBeTruthy();
  });

  it('refuses a body over the size limit with 413', async () => {
    const res = await invoke(loginHandler, {
      method: 'POST',
      rawBody: JSON.stringify({ code: 'x'.repeat(MAX_BODY_BYTES) }),
    });
    expect(res.status).toBe(413);
    expect(errorBodySchema.parse(res.body).error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('refuses a body on a route that takes none', async () => {
    expect((await invoke(listHandler, { rawBody: '{"a":1}' })).status).toBe(400);
  });

  it('answers 503 with Retry-After when the store is unreachable, without internals', async () => {
    const d = deps();
    const saved = { store: d.store };
    const dead = createStore({
      TABLE_NAME: d.store.table,
      AWS_REGION: 'cn-northwest-1',
      DYNAMODB_ENDPOINT: 'http://127.0.0.1:9',
    });
    overrideDeps({ store: dead });
    try {
      for (const h of [healthHandler, listHandler]) {
        const res = await invoke(h);
        expect(res.status).toBe(503);
        expect(res.headers['Retry-After']).toMatch(/^\d+$/);
        expect(errorBodySchema.parse(res.body).error.code).toBe('STORE_UNAVAILABLE');
        expect(res.text).not.toMatch(/ECONNREFUSED|at .*\.ts|127\.0\.0\.1/);
      }
    } finally {
      overrideDeps(saved);
    }
    expect((await invoke(healthHandler)).status).toBe(200);
  });

  it('turns an unexpected error into a bare 500 with only a request id', async () => {
    const d = deps();
    const saved = d.store;
    // A store whose client fails with a programming error (not a store outage): the handler builds its
    // repository on this store, so the catalogue query meets it.
    const doc = Object.assign(Object.create(saved.doc), {
      send: async () => {
        throw new TypeError('secret internal detail at foo.ts:12');
      },
    });
    overrideDeps({ store: { ...saved, doc } });
    try {
      const res = await invoke(listHandler);
      expect(res.status).toBe(500);
      expect(res.body.error.code).toBe('INTERNAL_ERROR');
      expect(res.text).not.toContain('secret internal detail');
      expect(res.text).not.toContain('foo.ts');
    } finally {
      overrideDeps({ store: saved });
    }
  });

  it('serves an OpenAPI 3 document listing every route', async () => {
    const res = await invoke(openapiHandler);
    expect(res.status).toBe(200);
    expect(res.body.openapi).toMatch(/^3\./);
    for (const spec of Object.values(routes)) {
      expectWith(res.body.paths[spec.path]?.[spec.method.toLowerCase()], `${spec.method} ${spec.path}`).toBeDefined();
    }
    const login = res.body.paths['/v1/auth/wechat-login'].post;
    expect(login.requestBody.content['application/json'].schema.required).toContain('code');
    expect(login.requestBody.content['application/json'].schema.additionalProperties).toBe(false);
  });
});
