/**
 * Faults (quality.md, Reliability): DynamoDB Local stopped mid-run. This file starts its OWN emulator (persistent
 * data folder, its own port) so that killing it leaves the run's shared emulator alone. While submits — each a
 * multi-item transaction: the application, the one-per-demand marker, the idempotency record, the audit event,
 * the notifications — are in flight, the emulator is killed. Then: the API answers 503 with Retry-After; once a
 * new emulator serves the same data folder on the same port, every affected partition is all-or-nothing, and
 * the same handlers (no restart, same clients) answer 200 again.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { expectWith } from '../support/expect-with';
import { startDynamoDbLocal, type DynamoDbLocal } from '../../infra/local/dynamodb';
import { freePort } from '../../infra/local/ports';
import { deps, overrideDeps } from '../../functions/src/deps';
import { errorBodySchema } from '@jiebang/shared';
import { createStore } from '../../functions/src/store';
import { handler as createApp } from '../../functions/src/handlers/applications-create';
import { handler as submitApp } from '../../functions/src/handlers/applications-submit';
import { handler as getApp } from '../../functions/src/handlers/applications-get';
import { handler as healthHandler } from '../../functions/src/handlers/health';
import { handler as catalogueList } from '../../functions/src/handlers/catalogue-list';
import { invoke, type Answer } from '../support/invoke';
import { partition } from '../support/inspect';
import { applicationInput, attachment, enterprise, publishedDemand } from './applications-support';

const N = 30;
let db: DynamoDbLocal;
let port: number;
const dataDir = mkdtempSync(join(tmpdir(), 'jiebang-faults-'));
let saved: { store: ReturnType<typeof deps>['store'] };

beforeAll(async () => {
  port = await freePort();
  db = await startDynamoDbLocal({ port, path: dataDir });
  await db.ensureTable(deps().store.table);
  const d = deps();
  saved = { store: d.store };
  const store = createStore({
    TABLE_NAME: d.store.table,
    AWS_REGION: 'cn-northwest-1',
    DYNAMODB_ENDPOINT: db.endpoint,
  });
  overrideDeps({ store });
}, 90_000);

afterAll(async () => {
  if (saved) overrideDeps(saved);
  await db?.stop();
  rmSync(dataDir, { recursive: true, force: true });
}, 60_000);

describe('DynamoDB Local stopped mid-run', () => {
  it('answers 503 with Retry-After, leaves nothing half-written, and recovers without restart', async () => {
    const issuer = await enterprise({ kind: 'large', size: 'large', employees: 5000, revenue: 900000 });
    const demand = await publishedDemand(issuer.org);
    const drafts: { id: string; orgId: string; token: string }[] = [];
    for (let i = 0; i < N; i++) {
      const sme = await enterprise();
      const att = await attachment(sme.org.id);
      const res = await invoke(createApp, {
        method: 'POST',
        token: sme.admin.token,
        params: { id: demand.id },
        body: applicationInput({ attachments: [att] }),
      });
      expect(res.status).toBe(201);
      drafts.push({ id: res.body.id, orgId: sme.org.id, token: sme.admin.token });
    }

    // All submits at once; the emulator is killed as soon as the first few have answered.
    let answered = 0;
    let killed: Promise<void> | undefined;
    const answers = await Promise.all(
      drafts.map(async (a, i) => {
        const res = await invoke(submitApp, {
          method: 'POST',
          token: a.token,
          params: { id: a.id },
          headers: { 'idempotency-key': `fault-key-${i}` },
        });
        if (++answered === 3) killed = db.stop();
        return res;
      }),
    );
    await killed;
    const statuses = answers.map((r) => r.status);
    expectWith(
      statuses.every((s) => s === 200 || s === 503),
      statuses.join(','),
    ).toBe(true);
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(3);

    // Down: every route answers 503 with Retry-After and the documented error body, nothing internal.
    const down: Answer[] = [
      await invoke(healthHandler),
      await invoke(catalogueList),
      await invoke(getApp, { token: drafts[0]!.token, params: { id: drafts[0]!.id } }),
    ];
    down.push(
      await invoke(submitApp, { method: 'POST', token: drafts[N - 1]!.token, params: { id: drafts[N - 1]!.id } }),
    );
    for (const res of down) {
      expect(res.status).toBe(503);
      expect(res.headers['Retry-After']).toMatch(/^\d+$/);
      expect(errorBodySchema.parse(res.body).error.code).toBe('STORE_UNAVAILABLE');
      expect(res.text).not.toMatch(/ECONNREFUSED|ECONNRESET|127\.0\.0\.1|at .*\.ts/);
    }

    // The store returns: a new emulator on the same port over the same data folder.
    db = await startDynamoDbLocal({ port, path: dataDir });
    let health = await invoke(healthHandler);
    for (let i = 0; i < 20 && health.status !== 200; i++) {
      await new Promise((r) => setTimeout(r, 250));
      health = await invoke(healthHandler);
    }
    expect(health.status).toBe(200);

    // All-or-nothing: each application's partition and its marker agree with each other and with the answer.
    const markers = await partition(`DEMAND#${demand.id}#APPLICANTS`);
    for (const [i, a] of drafts.entries()) {
      const items = await partition(`APP#${a.id}`);
      const profile = items.find((it) => it.SK === 'PROFILE');
      expectWith(profile, a.id).toBeDefined();
      const submitted = profile!.status === 'submitted';
      const submitEvents = items.filter(
        (it) => String(it.SK).startsWith('AUDIT#') && JSON.stringify(it).includes('submit'),
      );
      const marker = markers.find((m) => m.orgId === a.orgId);
      if (submitted) {
        expectWith(submitEvents.length, `${a.id}: submitted without its audit event`).toBeGreaterThan(0);
        expectWith(marker?.applicationId, `${a.id}: submitted without its marker`).toBe(a.id);
      } else {
        expect(profile!.status).toBe('draft');
        expectWith(submitEvents, `${a.id}: audit event of a submit that did not happen`).toEqual([]);
        expectWith(marker, `${a.id}: marker of a submit that did not happen`).toBeUndefined();
      }
      // An answered 200 is durable.
      if (answers[i]!.status === 200) expectWith(submitted, a.id).toBe(true);
    }

    // Recovered without restart: the same handlers read and write again; a 503'd submit can simply be retried.
    expect((await invoke(catalogueList)).status).toBe(200);
    const retried = drafts[N - 1]!;
    const again = await invoke(submitApp, {
      method: 'POST',
      token: retried.token,
      params: { id: retried.id },
      headers: { 'idempotency-key': `fault-key-${N - 1}` },
    });
    expect([200]).toContain(again.status);
    expect((await invoke(getApp, { token: retried.token, params: { id: retried.id } })).body.status).toBe('submitted');
  }, 120_000);
});
