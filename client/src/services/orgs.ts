import '../lib/zod-setup';
import { orgCreatedSchema, orgSchema } from '@jiebang/shared';
import type { Org, OrgInput } from '@jiebang/shared';
import type { z } from 'zod';
import { request } from './http';
import { saveToken } from './session';

export type OrgCreated = z.infer<typeof orgCreatedSchema>;

/**
 * Register an enterprise (POST /v1/orgs); the caller becomes its org_admin. The server answers with a fresh
 * session whose token carries the new role: it replaces the stored one at once, so the next call (我的揭榜,
 * 我要揭榜) is made as the enterprise's admin. Errors: 400 with `fields`, 409 `DUPLICATE_CREDIT_CODE` /
 * `ALREADY_IN_ORG`, 422 `NOT_SME`.
 */
export async function register(input: OrgInput): Promise<OrgCreated> {
  const res = await request('/v1/orgs', orgCreatedSchema, { method: 'POST', body: input });
  saveToken(res.session.token, res.session.expiresAt);
  return res;
}

/** One enterprise (GET /v1/orgs/{id}): own, or one of the caller's region for an authority. */
export function get(id: string): Promise<Org> {
  return request(`/v1/orgs/${encodeURIComponent(id)}`, orgSchema);
}
