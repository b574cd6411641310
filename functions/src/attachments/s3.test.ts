/**
 * The S3 attachment store's presigned URLs verify under SigV4 as AWS documents it (a verifier written from the
 * documentation, itself checked against the AWS SDK's presigner), carry the same scope, expiry and signed headers
 * as the SDK's; and it reads an object's size and first bytes with signed requests (against a local stand-in).
 */
import { createHash, createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { S3AttachmentStore } from './s3';
import { SIGNED_URL_SECONDS } from './types';

const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };
const withToken = { ...credentials, sessionToken: 'IQoJb3JpZ2luX2VjEXAMPLETOKEN' };
const now = new Date('2026-11-21T08:00:00.000Z');
const key = 'org/01M7Z5NPQFKMHZVT28K703RGGX/揭榜 申请书.pdf';

const params = (url: string) => {
  const u = new URL(url);
  return { origin: u.origin, path: u.pathname, query: Object.fromEntries(u.searchParams) };
};

/** RFC 3986 encoding as SigV4 wants it (unreserved characters only). */
const enc = (s: string) =>
  encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * Does a presigned S3 URL carry the right signature for `method` and these header values? SigV4 query signing
 * (docs.aws.amazon.com, "Authenticating Requests: Using Query Parameters"): the canonical request with the
 * payload UNSIGNED-PAYLOAD, the string to sign over its SHA-256, the HMAC chain of date, region, service.
 */
function verifies(url: string, method: string, headers: Record<string, string>, secret: string): boolean {
  const u = new URL(url);
  const q = Object.fromEntries(u.searchParams);
  const signed = q['X-Amz-SignedHeaders']!.split(';');
  const path = decodeURIComponent(u.pathname).split('/').map(enc).join('/');
  const query = Object.entries(q)
    .filter(([k]) => k !== 'X-Amz-Signature')
    .map(([k, v]) => [enc(k), enc(v)])
    .sort(([a], [b]) => (a! < b! ? -1 : 1))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
  const all: Record<string, string> = { host: u.host, ...headers };
  const canonical = [
    method,
    path,
    query,
    signed.map((h) => `${h}:${all[h]!.trim()}\n`).join(''),
    signed.join(';'),
    'UNSIGNED-PAYLOAD',
  ].join('\n');
  const scope = q['X-Amz-Credential']!.split('/').slice(1).join('/');
  const toSign = [
    'AWS4-HMAC-SHA256',
    q['X-Amz-Date'],
    scope,
    createHash('sha256').update(canonical).digest('hex'),
  ].join('\n');
  const [date, region, service] = scope.split('/');
  let k: Buffer = createHmac('sha256', `AWS4${secret}`).update(date!).digest();
  for (const part of [region!, service!, 'aws4_request']) k = createHmac('sha256', k).update(part).digest();
  return createHmac('sha256', k).update(toSign).digest('hex') === q['X-Amz-Signature'];
}

/** The parameters both signers must agree on (the SDK adds a few of its own, e.g. x-id). */
const essentials = (url: string) => {
  const { origin, path, query } = params(url);
  const pick = ['X-Amz-Algorithm', 'X-Amz-Credential', 'X-Amz-Date', 'X-Amz-Expires', 'X-Amz-Security-Token'];
  return { origin, path, query: Object.fromEntries(pick.filter((k) => k in query).map((k) => [k, query[k]])) };
};

describe('S3AttachmentStore signing', () => {
  for (const creds of [credentials, withToken]) {
    const sdk = new S3Client({ region: 'cn-northwest-1', credentials: creds });
    const store = new S3AttachmentStore('jiebang-prod-attachments', 'cn-northwest-1', creds);

    it(`presigns the upload like the SDK, Content-Type, Content-Length and If-None-Match: * (single use) signed${creds === withToken ? ' (session token)' : ''}`, async () => {
      const ours = await store.createUpload(key, 123456, 'application/pdf', now);
      const theirs = await getSignedUrl(
        sdk,
        new PutObjectCommand({
          Bucket: 'jiebang-prod-attachments',
          Key: key,
          ContentType: 'application/pdf',
          ContentLength: 123456,
          IfNoneMatch: '*',
        }),
        {
          expiresIn: SIGNED_URL_SECONDS,
          signableHeaders: new Set(['content-type', 'content-length', 'if-none-match']),
          signingDate: now,
        },
      );
      const h = { 'content-type': 'application/pdf', 'content-length': '123456', 'if-none-match': '*' };
      expect(verifies(theirs, 'PUT', h, creds.secretAccessKey)).toBe(true); // the verifier agrees with the SDK
      expect(verifies(ours.url, 'PUT', h, creds.secretAccessKey)).toBe(true);
      expect(verifies(ours.url, 'PUT', { ...h, 'content-length': '999' }, creds.secretAccessKey)).toBe(false);
      // Without the condition (a plain overwrite) the signature does not hold.
      expect(verifies(ours.url, 'PUT', { ...h, 'if-none-match': '' }, creds.secretAccessKey)).toBe(false);
      expect(essentials(ours.url)).toEqual(essentials(theirs));
      expect(params(ours.url).origin).toBe('https://jiebang-prod-attachments.s3.cn-northwest-1.amazonaws.com.cn');
      expect(params(ours.url).query['X-Amz-SignedHeaders']).toBe('content-length;content-type;host;if-none-match');
      expect(ours.headers).toEqual(h);
    });

    it(`presigns the download like the SDK${creds === withToken ? ' (session token)' : ''}`, async () => {
      const ours = await store.createDownload(key, now);
      const theirs = await getSignedUrl(sdk, new GetObjectCommand({ Bucket: 'jiebang-prod-attachments', Key: key }), {
        expiresIn: SIGNED_URL_SECONDS,
        signingDate: now,
      });
      expect(verifies(theirs, 'GET', {}, creds.secretAccessKey)).toBe(true);
      expect(verifies(ours, 'GET', {}, creds.secretAccessKey)).toBe(true);
      expect(verifies(ours, 'PUT', {}, creds.secretAccessKey)).toBe(false);
      expect(essentials(ours)).toEqual(essentials(theirs));
    });
  }
});

describe('S3AttachmentStore.inspect', () => {
  let server: Server;
  let origin: string;
  const seen: { method: string; path: string; auth: string; range?: string }[] = [];
  const objects: Record<string, Buffer> = { '/org/a/file.pdf': Buffer.from('%PDF-1.4 and the rest of it') };

  beforeAll(async () => {
    server = createServer((req, res) => {
      seen.push({
        method: req.method!,
        path: decodeURIComponent(req.url!),
        auth: String(req.headers.authorization),
        range: req.headers.range,
      });
      const body = objects[decodeURIComponent(req.url!)];
      if (!body) return void res.writeHead(404).end();
      if (req.method === 'HEAD') return void res.writeHead(200, { 'content-length': body.length }).end();
      const m = /bytes=(\d+)-(\d+)/.exec(req.headers.range ?? '');
      const part = m ? body.subarray(Number(m[1]), Number(m[2]) + 1) : body;
      res.writeHead(m ? 206 : 200, { 'content-length': part.length }).end(part);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('returns the size and the first 8 bytes with signed requests, and null for a missing object', async () => {
    const store = new S3AttachmentStore('b', 'cn-northwest-1', credentials, origin);
    const found = await store.inspect('org/a/file.pdf');
    expect(found?.size).toBe(objects['/org/a/file.pdf']!.length);
    expect(Buffer.from(found!.head).toString('latin1')).toBe('%PDF-1.4');
    expect(seen.map((s) => [s.method, s.path, s.range])).toEqual([
      ['HEAD', '/org/a/file.pdf', undefined],
      ['GET', '/org/a/file.pdf', 'bytes=0-7'],
    ]);
    for (const s of seen)
      expect(s.auth).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/cn-northwest-1\/s3\//);
    expect(await store.inspect('org/a/missing.pdf')).toBeNull();
  });
});
