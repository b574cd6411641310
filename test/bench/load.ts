/**
 * Load (part of `npm run bench`): bounded autocannon runs at 50 concurrent connections against the API of the
 * local stack (serverless-offline on loopback, DynamoDB Local in memory, demo seed).
 * - catalogue: CATALOGUE_REQUESTS × GET /v1/catalogue?limit=20; every answer must be 200.
 * - submits: a pool of SUBMIT_POOL drafts (distinct SMEs, each with a checked attachment) written beforehand
 *   straight into the stack's table; each request submits a different draft, so every answer must be 200 and any
 *   other status is an error (none is "expected"). Then the same pool is submitted again with the same
 *   Idempotency-Keys: every answer must be the replayed 200, and nothing may be written twice.
 * Bounded by count (amount) and by time (timeout per request, overall duration cap).
 */
import autocannon from 'autocannon';
import { ulid } from 'ulid';
import type { LocalStack } from '../../infra/local/stack';

const CONNECTIONS = 50;
const CATALOGUE_REQUESTS = Number(process.env.BENCH_LOAD_CATALOGUE ?? 300);
const SUBMIT_POOL = Number(process.env.BENCH_LOAD_SUBMITS ?? 100);
/** serverless.yml params.local.jwtSecret: the local API verifies tokens with it. */
const LOCAL_JWT_SECRET = 'local-development-secret-not-for-production-use-0123456789';

interface Run {
  requests: number;
  statuses: Record<string, number>;
  errors: number;
  timeouts: number;
  non2xx: number;
  expectedNon2xx: number;
  errorRate: number;
  latencyMedianMs: number;
  latencyP99Ms: number;
  requestsPerSecond: number;
  durationS: number;
}

async function cannon(opts: autocannon.Options, expected: (status: number) => boolean = () => false): Promise<Run> {
  const statuses: Record<string, number> = {};
  const instance = autocannon({
    connections: Math.min(CONNECTIONS, opts.amount ?? CONNECTIONS),
    timeout: 20,
    duration: 120,
    ...opts,
  });
  instance.on('response', (_client: unknown, status: number) => {
    statuses[status] = (statuses[status] ?? 0) + 1;
  });
  const r = await instance;
  const total = Object.values(statuses).reduce((a, b) => a + b, 0);
  const ok = Object.entries(statuses).reduce((a, [s, n]) => a + (Number(s) < 300 ? n : 0), 0);
  const expectedNon2xx = Object.entries(statuses).reduce(
    (a, [s, n]) => a + (Number(s) >= 300 && expected(Number(s)) ? n : 0),
    0,
  );
  const bad = total - ok - expectedNon2xx + r.errors + r.timeouts;
  return {
    requests: total,
    statuses,
    errors: r.errors,
    timeouts: r.timeouts,
    non2xx: r.non2xx,
    expectedNon2xx,
    errorRate: total + r.errors ? Math.round((bad / (total + r.errors)) * 10_000) / 10_000 : 1,
    latencyMedianMs: r.latency.p50,
    latencyP99Ms: r.latency.p99,
    requestsPerSecond: r.requests.average,
    durationS: r.duration,
  };
}

/** Runs against a started local stack (seeded; `npm run bench` starts one for this and the first screen). */
export async function loadRun(stack: LocalStack) {
  {
    const { createStore, repositories } = await import('../../functions/src/store');
    const { tokenService } = await import('../../functions/src/auth/tokens');
    const { demand: demandFixture, org: orgFixture } = await import('../support/fixtures');
    const { applicationInput } = await import('../integration/applications-support');
    const store = createStore({
      TABLE_NAME: stack.tableName,
      AWS_REGION: 'cn-northwest-1',
      DYNAMODB_ENDPOINT: stack.dynamoDbEndpoint,
    });
    const repos = repositories(store);
    const tokens = tokenService(LOCAL_JWT_SECRET, 3600);

    const catalogue = await cannon({ url: `${stack.apiUrl}/v1/catalogue?limit=20`, amount: CATALOGUE_REQUESTS });

    // The pool of drafts, written as the applications repository writes them.
    const issuer = orgFixture({ kind: 'large', size: 'large', employees: 5000, revenue: 900000 });
    await repos.orgs.create(issuer);
    const d = demandFixture({
      issuerOrgId: issuer.id,
      issuerName: issuer.name,
      issuerCreditCode: issuer.creditCode,
      applicationDeadline: '2099-12-31T17:00:00+08:00',
    });
    await repos.demands.createIfAbsent(d);
    const now = new Date().toISOString();
    const pool: { id: string; token: string }[] = [];
    // autocannon builds each connection's next request before it knows the run is over: up to CONNECTIONS more
    // requests are built than sent, so the pool has that many spare drafts and never wraps (no accidental replays).
    for (let i = 0; i < SUBMIT_POOL + CONNECTIONS + 1; i++) {
      const sme = orgFixture();
      await repos.orgs.create(sme);
      const userId = `u_${ulid()}`;
      await repos.users.createIfAbsent({
        id: userId,
        openid: userId,
        roles: ['org_admin'],
        orgId: sme.id,
        createdAt: now,
      });
      const attId = ulid();
      const key = `org/${sme.id}/${attId}.pdf`;
      await repos.orgs.putAttachment({ id: attId, orgId: sme.id, key, size: 1234, uploadedBy: userId, createdAt: now });
      const id = ulid();
      await repos.applications.create(
        {
          ...applicationInput({ attachments: [{ key, name: '揭榜申请书（盖章）.pdf' }] }),
          id,
          demandId: d.id,
          demandTitle: d.title,
          orgId: sme.id,
          orgName: sme.name,
          orgSize: sme.size,
          authorityRegion: sme.authorityRegion,
          status: 'draft',
          version: 1,
          createdAt: now,
          updatedAt: now,
          issuerOrgId: d.issuerOrgId,
        } as never,
        {
          audit: {
            objectType: 'application',
            objectId: id,
            action: 'create',
            toStatus: 'draft',
            actor: { userId, role: 'org_admin' },
            at: now,
          },
          notifications: [],
        } as never,
      );
      const { token } = await tokens.issue({ id: userId, roles: ['org_admin'], orgId: sme.id }, new Date());
      pool.push({ id, token });
    }
    // Each run starts at the first draft: the replay run re-sends the first submits with their keys.
    const submitRun = () => {
      let next = 0;
      return cannon({
        url: stack.apiUrl,
        amount: SUBMIT_POOL,
        requests: [
          {
            method: 'POST',
            setupRequest: (req: any) => {
              const a = pool[Math.min(next++, pool.length - 1)]!;
              return {
                ...req,
                path: `/v1/applications/${a.id}/submit`,
                headers: { authorization: `Bearer ${a.token}`, 'idempotency-key': `load-${a.id}` },
              };
            },
          },
        ],
      });
    };
    const submits = await submitRun();
    if (submits.errorRate > 0) {
      // Say why: submit one draft that is still a draft again, by hand, and show the answer.
      for (const a of pool.slice(0, SUBMIT_POOL)) {
        if ((await repos.applications.get(a.id))?.status !== 'draft') continue;
        const r = await fetch(`${stack.apiUrl}/v1/applications/${a.id}/submit`, {
          method: 'POST',
          headers: { authorization: `Bearer ${a.token}`, 'idempotency-key': `load-${a.id}` },
        });
        console.log(`load: a draft left unsubmitted answers ${r.status} ${(await r.text()).slice(0, 500)}`);
        break;
      }
    }
    if (process.env.BENCH_DEBUG) {
      for (const a of pool.slice(0, 60)) {
        const s = (await repos.applications.get(a.id))?.status;
        if (s !== 'draft') continue;
        const r = await fetch(`${stack.apiUrl}/v1/applications/${a.id}/submit`, {
          method: 'POST',
          headers: { authorization: `Bearer ${a.token}`, 'idempotency-key': `dbg-${a.id}` },
        });
        console.log('DEBUG', a.id, r.status, await r.text());
        break;
      }
    }
    // Replays: same drafts, same keys → the first answer again (200), nothing written twice.
    const replays = await submitRun();
    const statusesAfterwards: Record<string, number> = {};
    for (const a of pool) {
      const s = (await repos.applications.get(a.id))?.status ?? 'missing';
      statusesAfterwards[s] = (statusesAfterwards[s] ?? 0) + 1;
    }
    return { connections: CONNECTIONS, catalogue, submits, replays, statusesAfterwards, pool: SUBMIT_POOL };
  }
}
