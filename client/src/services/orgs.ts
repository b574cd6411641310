import '../lib/zod-setup';
import type { Org, OrgInput, orgCreatedSchema } from '@jiebang/shared';
import { orgsCreate, orgsGet } from '@jiebang/shared/routes/orgs';
import type { z } from 'zod';
import { call } from './api';
import { saveToken } from './session';

export type OrgCreated = z.infer<typeof orgCreatedSchema>;

/**
 * Register an enterprise (POST /v1/orgs); the caller becomes its org_admin. The server answers with a fresh
 * session whose token carries the new role: it replaces the stored one at once, so the next call (我的揭榜,
 * 我要揭榜) is made as the enterprise's admin. Errors: 400 with `fields`, 409 `DUPLICATE_CREDIT_CODE` /
 * `ALREADY_IN_ORG`, 422 `NOT_SME`.
 */
export async function register(input: OrgInput): Promise<OrgCreated> {
  const res = await call(orgsCreate, { body: input });
  saveToken(res.session.token, res.session.expiresAt);
  return res;
}

/** One enterprise (GET /v1/orgs/{id}): own, or one of the caller's region for an authority. */
export function get(id: string): Promise<Org> {
  return call(orgsGet, { params: { id } });
}
