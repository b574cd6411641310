/** Builders shared by the library (科技成果赋智) integration tests: institutions, achievements in any state. */
import { expect } from '@jest/globals';
import { creditCodeCheckChar, type AchievementInput, type Org } from '@jiebang/shared';
import { handler as achievementsCreate } from '../../functions/src/handlers/achievements-create';
import { handler as achievementsSubmit } from '../../functions/src/handlers/achievements-submit';
import { handler as orgsCreate } from '../../functions/src/handlers/orgs-create';
import { handler as orgsUpdate } from '../../functions/src/handlers/orgs-update';
import { handler as reviewDecide } from '../../functions/src/handlers/review-achievements-decide';
import { expectWith } from '../support/expect-with';
import { invoke } from '../support/invoke';
import { session, type enterprise } from './applications-support';

let serial = Date.now() % 1e6;
/** A valid code of a public institution (`1…`) registered in `division`. */
export function institutionCode(division = '440300', category = '12'): string {
  const first17 = `${category}${division}${String(++serial).padStart(9, '0')}`;
  return first17 + creditCodeCheckChar(first17)!;
}

export function achievementInput(over: Partial<AchievementInput> = {}): AchievementInput {
  return {
    title: '高精度电主轴热误差补偿技术',
    field: 'machine_tools',
    summary: '针对高速电主轴热变形导致的加工误差，提出基于温度场建模的热误差实时补偿方法，定位精度提升 40%。',
    maturity: 7,
    ip: [{ kind: 'invention_patent', number: 'ZL202310000001.X' }],
    transferModes: ['license', 'open_license'],
    openLicenseTerms: '许可费 10 万元/年，非独占，期限 3 年',
    price: { negotiable: true },
    contact: { name: '张教授', phone: '020-87110000', email: 'zhang@scut.example.edu.cn' },
    ...over,
  };
}

export async function university(name = '华南理工大学') {
  const user = await session([]);
  const res = await invoke(orgsCreate, {
    method: 'POST',
    token: user.token,
    body: {
      kind: 'university',
      name,
      creditCode: institutionCode('440300'),
      region: '440305',
      industry: 'other',
      contact: { name: '科研院 刘老师', phone: '020-87110001' },
    },
  });
  expect(res.status).toBe(201);
  return { org: res.body as Org, token: res.body.session.token as string };
}

export const create = (token: string, over: Partial<AchievementInput> = {}) =>
  invoke(achievementsCreate, { method: 'POST', token, body: achievementInput(over) });

export async function published(token: string, over: Partial<AchievementInput> = {}) {
  const a = (await create(token, over)).body;
  expect((await invoke(achievementsSubmit, { method: 'POST', token, params: { id: a.id } })).status).toBe(200);
  const province = await session(['province:440300']);
  const res = await invoke(reviewDecide, {
    method: 'POST',
    token: province.token,
    params: { id: a.id },
    body: { decision: 'publish' },
  });
  expect(res.status).toBe(200);
  return res.body;
}

/** The enterprise's form saved again as it is, with this matching profile (PUT /v1/orgs/{id}); the org answered. */
export async function withProfile(
  who: Awaited<ReturnType<typeof enterprise>>,
  // Plain strings, as the tests write them: the handler validates the fields.
  profile: { summary: string; products?: string; techFields: string[]; keywords: string[] },
): Promise<Org> {
  const shareholder = who.org.controllingShareholderCreditCode;
  const res = await invoke(orgsUpdate, {
    method: 'PUT',
    token: who.admin.token,
    params: { id: who.org.id },
    body: {
      name: who.org.name,
      region: who.org.region,
      industry: 'industry',
      employees: 120,
      revenue: 8000,
      contact: who.org.contact,
      ...(shareholder ? { controllingShareholderCreditCode: shareholder } : {}),
      profile,
    },
  });
  expectWith(res.status, res.text).toBe(200);
  return res.body as Org;
}
