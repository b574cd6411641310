/**
 * Local attachment store (stage `local` and tests): files under a folder, uploaded through the small HTTP server
 * of `local-server.ts` with HMAC-signed URLs that behave like S3's presigned ones (expiry, exact size, single use
 * through `If-None-Match: *`).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { open, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { SIGNED_URL_SECONDS, type AttachmentStore } from './types';

/** Keys are server-chosen (`org/<id>/<id>.pdf`, or `.xlsx` for an import); anything else never reaches the file system. */
export const LOCAL_KEY = /^org\/[0-9A-Z]{26}\/[0-9A-Z]{26}\.(pdf|xlsx)$/;

export function signLocal(secret: string, op: 'upload' | 'download', key: string, expires: number, size = 0): string {
  return createHmac('sha256', secret).update(`${op}\n${key}\n${expires}\n${size}`).digest('base64url');
}

export function verifyLocal(
  secret: string,
  op: 'upload' | 'download',
  key: string,
  expires: number,
  size: number,
  sig: string,
  now: Date,
): boolean {
  if (!LOCAL_KEY.test(key) || !(expires * 1000 > now.getTime())) return false;
  const want = Buffer.from(signLocal(secret, op, key, expires, size));
  const got = Buffer.from(sig);
  return want.length === got.length && timingSafeEqual(want, got);
}

export class LocalAttachmentStore implements AttachmentStore {
  constructor(
    readonly dir: string,
    private readonly baseUrl: string,
    private readonly secret: string,
  ) {}

  pathOf(key: string): string {
    if (!LOCAL_KEY.test(key)) throw new Error('invalid attachment key');
    return join(this.dir, ...key.split('/'));
  }

  async createUpload(key: string, size: number, contentType: string, now: Date) {
    const expires = Math.floor(now.getTime() / 1000) + SIGNED_URL_SECONDS;
    const sig = signLocal(this.secret, 'upload', key, expires, size);
    return {
      url: `${this.baseUrl}/upload/${key}?expires=${expires}&size=${size}&sig=${sig}`,
      method: 'PUT' as const,
      // As with S3 (s3.ts), the upload is a conditional write the client must ask for: the server refuses a PUT
      // without it (403, like a signature mismatch) and one onto an existing object (412).
      headers: { 'content-type': contentType, 'if-none-match': '*' },
      expiresAt: new Date(expires * 1000).toISOString(),
    };
  }

  async inspect(key: string) {
    const path = this.pathOf(key);
    try {
      const { size } = await stat(path);
      const file = await open(path, 'r');
      try {
        const head = Buffer.alloc(Math.min(8, size));
        await file.read(head, 0, head.length, 0);
        return { size, head };
      } finally {
        await file.close();
      }
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
  }

  async read(key: string) {
    try {
      return new Uint8Array(await readFile(this.pathOf(key)));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
  }

  async createDownload(key: string, now: Date) {
    const expires = Math.floor(now.getTime() / 1000) + SIGNED_URL_SECONDS;
    return `${this.baseUrl}/download/${key}?expires=${expires}&sig=${signLocal(this.secret, 'download', key, expires)}`;
  }
}
