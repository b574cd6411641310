/**
 * Input DynamoDB or a reader cannot take is refused at the door with a field message (issue 11 item 8, issue 12
 * finding 10): a number the store cannot hold (1e-200 used to reach DynamoDB and answer 500 "Number underflow"),
 * a title of only zero-width characters, bidi overrides and lone surrogates (used to be stored and echoed).
 */
import { describe, expect, it } from '@jest/globals';
import { expectWith } from '../support/expect-with';
import { demandSchema, errorBodySchema } from '@jiebang/shared';
import { handler as createOrg } from '../../functions/src/handlers/orgs-create';
import { handler as classifyTool } from '../../functions/src/handlers/tools-classify';
import { handler as createDemand } from '../../functions/src/handlers/demands-create';
import { worldAtNow } from '../support/actors';
import { demandForm, orgBody } from '../support/fixtures';
import { invoke } from '../support/invoke';
import { session } from './applications-support';

/** A 400 with the field's message. */
function refused(res: { status: number; body: unknown; text: string }, field: string, message: RegExp | string) {
  expectWith(res.status, res.text).toBe(400);
  const body = errorBodySchema.parse(res.body);
  expect(body.error.code).toBe('VALIDATION_FAILED');
  if (typeof message === 'string') expect(body.error.fields?.[field]).toBe(message);
  else expect(body.error.fields?.[field]).toMatch(message);
}

describe('numbers DynamoDB cannot store', () => {
  it('POST /v1/orgs with revenue 1e-200 answers 400 with a field message, not 500', async () => {
    const u = await session();
    const res = await invoke(createOrg, { method: 'POST', token: u.token, body: orgBody({ revenue: 1e-200 }) });
    refused(res, 'revenue', /^营业收入过小/);
  });

  it('refuses a magnitude under 1E-130 in every figure, and the tool that classifies them too', async () => {
    const u = await session();
    const assets = await invoke(createOrg, { method: 'POST', token: u.token, body: orgBody({ assets: 1e-131 }) });
    refused(assets, 'assets', /^资产总额过小/);
    const tool = await invoke(classifyTool, {
      method: 'POST',
      token: u.token,
      body: { industry: 'industry', employees: 10, revenue: 5e-324 },
    });
    refused(tool, 'revenue', /1E-130/);
    const ok = await invoke(createOrg, { method: 'POST', token: u.token, body: orgBody({ assets: 1e-130 }) });
    expectWith(ok.status, ok.text).toBe(201);
  });
});

describe('free text', () => {
  const w = worldAtNow();

  const form = demandForm();
  const create = (over: Record<string, unknown>) =>
    invoke(createDemand, { method: 'POST', token: w.people.issuerAdmin.token, body: { ...form, ...over } });

  it('refuses a demand title of only zero-width characters', async () => {
    refused(
      await create({ title: '\u200B\u200C\u200D\u2060\uFEFF\u200B\u200B' }),
      'title',
      '需求名称不能只包含不可见字符',
    );
  });

  it('refuses bidi overrides and lone surrogates, and stores text normalised', async () => {
    refused(await create({ title: '数控机床热误差\u202Egnp.exe' }), 'title', '需求名称包含不允许的控制字符');
    refused(await create({ background: '背景\uD800说明' }), 'background', '需求背景及现状包含无效的字符编码');
    const u = await session();
    const org = await invoke(createOrg, {
      method: 'POST',
      token: u.token,
      body: orgBody({ name: '\u200B\u200B\u200B' }),
    });
    refused(org, 'name', '企业名称不能只包含不可见字符');

    const res = await create({ title: '\u200B  数控机床热误差补偿技术攻关\uFEFF ', background: 'Cafe\u0301 背景' });
    expectWith(res.status, res.text).toBe(201);
    const d = demandSchema.parse(res.body);
    expect(d.title).toBe('数控机床热误差补偿技术攻关');
    expect(d.background).toBe('Café 背景');
  });
});
