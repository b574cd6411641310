/** The local attachment store (behind the S3 interface) for integration tests. */
import { afterAll, beforeAll } from '@jest/globals';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { overrideAttachmentStore } from '../../functions/src/attachments';
import { startLocalAttachmentServer, type LocalAttachmentServer } from '../../functions/src/attachments/local-server';

/**
 * Serves attachments from a fresh folder for the tests of the calling file or describe block: started before
 * them, stopped after them. The returned function gives the running server.
 */
export function localAttachments(): () => LocalAttachmentServer {
  let server: LocalAttachmentServer | undefined;
  beforeAll(async () => {
    const dir = await mkdtemp(join(tmpdir(), 'jiebang-att-'));
    server = await startLocalAttachmentServer({ dir, secret: 'attachment-test-secret' });
    overrideAttachmentStore(server.store);
  }, 60_000);
  afterAll(() => server?.stop());
  return () => server!;
}
