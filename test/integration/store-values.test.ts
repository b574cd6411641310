/**
 * Numbers DynamoDB cannot store (quality.md, Robustness): whatever the schemas let through, a value the store
 * refuses is the input's fault — InvalidInput from the repository, 400 VALIDATION_FAILED over HTTP — never a 500.
 * These reach DynamoDB Local directly through a repository, past every schema.
 */
import { describe, expect, it } from '@jest/globals';
import { errorBodySchema } from '@jiebang/shared';
import { InvalidInput } from '../../functions/src/domain/errors';
import { toErrorResponse } from '../../functions/src/http/respond';
import { handler as createOrg } from '../../functions/src/handlers/orgs-create';
import { org, orgBody } from '../support/fixtures';
import { invoke } from '../support/invoke';
import { repos, session } from './applications-support';

describe('a number the store cannot take', () => {
  it.each([
    ['underflow', 1e-200],
    ['overflow', 1e200],
  ])('%s: the repository throws InvalidInput and nothing is written', async (_, revenue) => {
    const o = org({ revenue });
    const err = await repos()
      .orgs.create(o)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InvalidInput);
    expect(await repos().orgs.get(o.id)).toBeNull();
    const res = toErrorResponse(err, 'req');
    expect(res.statusCode).toBe(400);
    const body = errorBodySchema.parse(JSON.parse(res.body));
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.message).toMatch(/数值/);
  });

  it('in a transaction too (registration: marker, enterprise, admin, audit in one TransactWriteItems)', async () => {
    const o = org({ revenue: 1e-200 });
    const user = await session();
    const err = await repos()
      .orgs.register(o, user.id, {
        objectType: 'org',
        objectId: o.id,
        action: 'register',
        actor: { userId: user.id, role: 'org_admin', orgId: o.id },
        at: new Date().toISOString(),
      })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InvalidInput);
    expect(await repos().orgs.get(o.id)).toBeNull();
    expect((await repos().users.get(user.id))?.orgId ?? null).toBeNull();
  });

  it('POST /v1/orgs with revenue 1e-200 is 400 VALIDATION_FAILED (it was a 500)', async () => {
    const u = await session();
    const res = await invoke(createOrg, {
      method: 'POST',
      token: u.token,
      body: orgBody({ revenue: 1e-200, qualifications: [] }),
    });
    expect(res.status).toBe(400);
    expect(errorBodySchema.parse(res.body).error.code).toBe('VALIDATION_FAILED');
    expect((await repos().users.get(u.id))?.orgId ?? null).toBeNull();
  });
});
