/**
 * A small static file server for the built H5 client: correct MIME types, `index.html` for unknown paths (the
 * client routes in the browser), no way out of the root folder, and no caching of index.html so that a rebuild
 * is picked up on reload.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { close, listen } from './http-util';
import { silentLogger, type Logger } from './log';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.eot': 'application/vnd.ms-fontobject',
  '.wasm': 'application/wasm',
  '.pdf': 'application/pdf',
  '.mp4': 'video/mp4',
  '.webmanifest': 'application/manifest+json',
};

export const mimeType = (path: string): string => MIME[extname(path).toLowerCase()] ?? 'application/octet-stream';

export interface StaticServerOptions {
  root: string;
  /** 0 or undefined → a free port. */
  port?: number;
  host?: string;
  log?: Logger;
  /** Generated files served in place of (or in addition to) files on disk, by URL path, e.g. runtime config. */
  generated?: Record<string, { contentType: string; body: () => string }>;
}

export interface StaticServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/**
 * The file under `root` that a URL path names, or null when the path is malformed or escapes the root.
 * Exported for tests.
 */
export function resolveUnder(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const base = resolve(root);
  const file = resolve(join(base, decoded));
  return file === base || file.startsWith(base + sep) ? file : null;
}

async function fileAt(path: string): Promise<{ path: string; size: number } | null> {
  try {
    const s = await stat(path);
    if (s.isFile()) return { path, size: s.size };
    if (s.isDirectory()) {
      const index = join(path, 'index.html');
      const si = await stat(index);
      if (si.isFile()) return { path: index, size: si.size };
    }
  } catch {
    // not there
  }
  return null;
}

export async function startStaticServer(options: StaticServerOptions): Promise<StaticServer> {
  const log = options.log ?? silentLogger();
  const root = resolve(options.root);
  const server = createServer((req, res) => {
    void (async () => {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { allow: 'GET, HEAD' });
        res.end();
        return;
      }
      const pathname = new URL(req.url ?? '/', 'http://web').pathname;
      const generated = options.generated?.[pathname];
      if (generated) {
        const body = generated.body();
        res.writeHead(200, {
          'content-type': generated.contentType,
          'content-length': Buffer.byteLength(body),
          'cache-control': 'no-store',
          'x-content-type-options': 'nosniff',
        });
        res.end(req.method === 'HEAD' ? undefined : body);
        return;
      }
      const target = resolveUnder(root, pathname);
      if (!target) {
        res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' });
        res.end('Bad request');
        return;
      }
      let file = await fileAt(target);
      // An unknown path without an extension is a client-side route: answer the app's index.html.
      if (!file && !extname(pathname)) file = await fileAt(join(root, 'index.html'));
      if (!file) {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
        res.end('Not found');
        return;
      }
      const isHtml = file.path.endsWith('.html');
      res.writeHead(200, {
        'content-type': mimeType(file.path),
        'content-length': file.size,
        'cache-control': isHtml ? 'no-cache' : 'public, max-age=300',
        'x-content-type-options': 'nosniff',
      });
      if (req.method === 'HEAD') {
        res.end();
        return;
      }
      createReadStream(file.path)
        .on('error', () => res.destroy())
        .pipe(res);
    })().catch((e: unknown) => {
      log.error(`web: ${(e as Error).message}`);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  const port = await listen(server, options.port ?? 0, 'web client', 'WEB_PORT', options.host ?? '127.0.0.1');
  return { url: `http://localhost:${port}`, port, stop: () => close(server) };
}
