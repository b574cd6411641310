/**
 * The security matrix of the personal-data routes (issue 17, item 4): every role against `GET /v1/me/data`,
 * `POST /v1/me/privacy` and `DELETE /v1/me`. Both act only on the caller: no answer carries another person's id, and erasure is refused
 * where the members rule or the authority's office needs the account (422), without erasing anything.
 */
import { describe, expect, it } from '@jest/globals';
import { errorBodySchema } from '@jiebang/shared';
import { handler as meH } from '../../functions/src/handlers/me';
import { handler as meDataH } from '../../functions/src/handlers/me-data';
import { handler as meEraseH } from '../../functions/src/handlers/me-erase';
import { handler as mePrivacyH } from '../../functions/src/handlers/me-privacy';
import { PRIVACY_NOTICE_VERSION } from '@jiebang/shared';
import { invoke } from '../support/invoke';
import { enterprise, session } from './applications-support';

type Person = { id: string; token: string } | undefined;

async function world() {
  const big = await enterprise({ kind: 'large', name: '矩阵集团有限公司' });
  const sme = await enterprise({ name: '矩阵精密科技有限公司' });
  const secondAdmin = await session(['org_admin'], big.org.id);
  const people: Record<string, Person> = {
    anonymous: undefined,
    noEnterprise: await session(),
    orgMember: await session(['org_member'], big.org.id),
    reviewer: await session(['org_member', 'reviewer'], big.org.id),
    adminWithAnother: secondAdmin,
    lastAdmin: sme.admin,
    province: await session(['province:440300'], null),
    ministry: await session(['ministry'], null),
    platformAdmin: await session(['admin'], null),
  };
  return { people, everyone: [big.admin.id, ...Object.values(people).flatMap((p) => (p ? [p.id] : []))] };
}

const ERASE: Record<string, [number, string?]> = {
  anonymous: [401],
  noEnterprise: [200],
  orgMember: [200],
  reviewer: [200],
  adminWithAnother: [200],
  lastAdmin: [422, 'LAST_ADMIN'],
  province: [422, 'AUTHORITY_ACCOUNT'],
  ministry: [422, 'AUTHORITY_ACCOUNT'],
  platformAdmin: [422, 'AUTHORITY_ACCOUNT'],
};

describe('security matrix: personal data', () => {
  it('GET /v1/me/data: 401 without a session, otherwise the caller’s own data and no one else’s id', async () => {
    const { people, everyone } = await world();
    for (const [role, p] of Object.entries(people)) {
      const res = await invoke(meDataH, { token: p?.token });
      if (!p) {
        expect(res.status).toBe(401);
        errorBodySchema.parse(res.body);
        continue;
      }
      expect([role, res.status]).toEqual([role, 200]);
      expect(res.body.user.id).toBe(p.id);
      for (const other of everyone.filter((id) => id !== p.id))
        expect([role, res.text.includes(other)]).toEqual([role, false]);
    }
  });

  it('POST /v1/me/privacy: 401 without a session, 200 for every role, recorded on the caller only', async () => {
    const { people, everyone } = await world();
    for (const [role, p] of Object.entries(people)) {
      const res = await invoke(mePrivacyH, {
        method: 'POST',
        token: p?.token,
        body: { version: PRIVACY_NOTICE_VERSION },
      });
      expect([role, res.status]).toEqual([role, p ? 200 : 401]);
      for (const other of everyone) expect([role, res.text.includes(other)]).toEqual([role, false]);
    }
  });

  it('DELETE /v1/me: each role gets its answer; a refusal erases nothing, an erasure ends that session only', async () => {
    const { people } = await world();
    for (const [role, p] of Object.entries(people)) {
      const res = await invoke(meEraseH, { method: 'DELETE', token: p?.token });
      const [status, code] = ERASE[role]!;
      expect([role, res.status]).toEqual([role, status]);
      if (status !== 200) errorBodySchema.parse(res.body);
      if (code) expect([role, res.body.error.code]).toEqual([role, code]);
      if (p) expect([role, (await invoke(meH, { token: p.token })).status]).toEqual([role, status === 200 ? 401 : 200]);
    }
  });
});
