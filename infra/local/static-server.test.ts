import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { expectWith } from '../../test/support/expect-with';
import { resolveUnder, startStaticServer, type StaticServer } from './static-server';

const base = mkdtempSync(join(tmpdir(), 'jiebang-static-'));
const root = join(base, 'h5');

describe('static server', () => {
  let server: StaticServer;
  beforeAll(async () => {
    mkdirSync(join(root, 'js'), { recursive: true });
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>app</title>');
    writeFileSync(join(root, 'js', 'app.js'), 'console.log(1)');
    writeFileSync(join(base, 'secret.txt'), 'secret');
    server = await startStaticServer({
      root,
      port: 0,
      generated: {
        '/runtime-config.js': { contentType: 'text/javascript; charset=utf-8', body: () => 'window.x = 1;' },
      },
    });
  });
  afterAll(() => server.stop());

  const get = async (path: string) => {
    const res = await fetch(server.url + path);
    return { status: res.status, type: res.headers.get('content-type'), text: await res.text() };
  };

  it('serves files with their MIME type and falls back to index.html for client routes', async () => {
    expect(await get('/')).toMatchObject({ status: 200, type: 'text/html; charset=utf-8' });
    expect(await get('/js/app.js')).toMatchObject({ status: 200, type: 'text/javascript; charset=utf-8' });
    expect(await get('/pages/catalogue/index')).toMatchObject({
      status: 200,
      text: expect.stringContaining('<title>app'),
    });
    expect((await get('/js/missing.js')).status).toBe(404);
    expect(await get('/runtime-config.js')).toMatchObject({ status: 200, text: 'window.x = 1;' });
  });

  it('never serves a file outside its root', async () => {
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/js/..%2f..%2fsecret.txt', '/%2e%2e%2fsecret.txt']) {
      const r = await get(p);
      expectWith(r.text, p).not.toContain('secret');
    }
    expect(resolveUnder(root, '/..%2fsecret.txt')).toBeNull();
    expect(resolveUnder(root, '/%00')).toBeNull();
    expect(resolveUnder(root, '/js/app.js')).toBe(join(root, 'js', 'app.js'));
  });
});
