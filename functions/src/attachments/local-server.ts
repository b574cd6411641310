/**
 * The local stand-in for S3's presigned URLs: `PUT /upload/<key>?expires&size&sig` stores exactly `size` bytes,
 * `GET /download/<key>?expires&sig` serves them. Like S3 with the signed `If-None-Match: *` of s3.ts, an upload
 * never replaces an object (412). Started by the local stack (infra/local), never deployed.
 */
import { randomUUID } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { link, mkdir, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { dirname } from 'node:path';
import { LocalAttachmentStore, verifyLocal } from './local';
import { MAX_ATTACHMENT_BYTES } from '@jiebang/shared';

export interface LocalAttachmentServer {
  url: string;
  store: LocalAttachmentStore;
  stop(): Promise<void>;
}

export async function startLocalAttachmentServer(o: {
  dir: string;
  secret: string;
  port?: number;
  host?: string;
  /** URL clients use to reach the server; defaults to http://<host>:<port>. */
  publicUrl?: string;
}): Promise<LocalAttachmentServer> {
  const host = o.host ?? '127.0.0.1';
  // Known once the server listens (its port may be chosen by the OS).
  const ref: { store?: LocalAttachmentStore } = {};
  const server: Server = createServer((req, res) => {
    res.setHeader('access-control-allow-origin', '*');
    res.setHeader('access-control-allow-methods', 'GET, PUT, OPTIONS');
    res.setHeader('access-control-allow-headers', 'content-type, if-none-match');
    const url = new URL(req.url ?? '/', 'http://local');
    const m = /^\/(upload|download)\/(.+)$/.exec(url.pathname);
    const done = (status: number, text = '') => {
      res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(text);
    };
    if (req.method === 'OPTIONS') return done(204);
    if (!m) return done(404, 'not found');
    const [, op, key] = m as unknown as [string, 'upload' | 'download', string];
    const expires = Number(url.searchParams.get('expires'));
    const size = op === 'upload' ? Number(url.searchParams.get('size')) : 0;
    if (!verifyLocal(o.secret, op, key, expires, size, url.searchParams.get('sig') ?? '', new Date())) {
      return done(403, 'signature invalid or expired');
    }
    if (op === 'download') {
      if (req.method !== 'GET') return done(405);
      const stream = createReadStream(ref.store!.pathOf(key));
      stream.on('error', () => done(404, 'not found'));
      stream.on('open', () => res.writeHead(200, { 'content-type': 'application/pdf' }));
      stream.pipe(res);
      return;
    }
    if (req.method !== 'PUT') return done(405);
    if (!(size > 0 && size <= MAX_ATTACHMENT_BYTES)) return done(400, 'bad size');
    const target = ref.store!.pathOf(key);
    const chunks: Buffer[] = [];
    let received = 0;
    req.on('data', (c: Buffer) => {
      received += c.length;
      if (received > size) {
        done(400, 'body larger than signed size');
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => {
      if (received !== size) return done(400, 'body size differs from signed size');
      // The signed condition of S3's URL (s3.ts): without it S3 refuses the signature; with it, an existing object.
      if (req.headers['if-none-match'] !== '*') return done(403, 'if-none-match: * is part of the signature');
      if (existsSync(target)) return done(412, 'an object already exists at this key');
      const path = target;
      const tmp = `${path}.${randomUUID()}.part`;
      // link() fails when the name exists: of racing uploads exactly one lands, whole (S3's conditional write).
      mkdir(dirname(path), { recursive: true })
        .then(() => writeFile(tmp, Buffer.concat(chunks)))
        .then(() => link(tmp, path))
        .then(() => done(200))
        .catch((err: NodeJS.ErrnoException) =>
          err.code === 'EEXIST' ? done(412, 'an object already exists at this key') : done(500, 'write failed'),
        )
        .finally(() => rm(tmp, { force: true }));
    });
  });
  await new Promise<void>((resolve) => server.listen(o.port ?? 0, host, resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : o.port;
  const url = o.publicUrl ?? `http://${host}:${port}`;
  const store = new LocalAttachmentStore(o.dir, url, o.secret);
  ref.store = store;
  return {
    url,
    store,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
