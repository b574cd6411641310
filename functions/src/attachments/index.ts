/**
 * The attachment store of this process, chosen once from the environment:
 * - `ATTACHMENTS_BUCKET` set → S3 (production; the function's role may only Put/Get objects of that bucket);
 * - otherwise, in stage `local` only, `ATTACHMENTS_DIR` + `ATTACHMENTS_URL` → files served by the local
 *   attachment server (`local-server.ts`), URLs signed with `ATTACHMENTS_SECRET` (default: JWT_SECRET).
 * Only the attachment handlers import this module, so other bundles carry no S3 client.
 */
import { LocalAttachmentStore } from './local';
import { S3AttachmentStore } from './s3';
import type { AttachmentStore } from './types';

let current: AttachmentStore | undefined;

function fromEnv(env: Record<string, string | undefined>): AttachmentStore {
  if (env.ATTACHMENTS_BUCKET) return new S3AttachmentStore(env.ATTACHMENTS_BUCKET, env.AWS_REGION ?? 'cn-northwest-1');
  if (env.STAGE !== 'local')
    throw new Error('Invalid configuration: ATTACHMENTS_BUCKET is required outside stage local');
  const secret = env.ATTACHMENTS_SECRET || env.JWT_SECRET;
  if (!secret) throw new Error('Invalid configuration: ATTACHMENTS_SECRET or JWT_SECRET is required');
  return new LocalAttachmentStore(
    env.ATTACHMENTS_DIR ?? '.local-data/attachments',
    env.ATTACHMENTS_URL ?? `http://127.0.0.1:${env.ATTACHMENTS_PORT ?? '3300'}`,
    secret,
  );
}

export function attachmentStore(): AttachmentStore {
  current ??= fromEnv(process.env);
  return current;
}

/** Replace the store (tests). */
export function overrideAttachmentStore(store: AttachmentStore): void {
  current = store;
}

export type { AttachmentStore } from './types';
