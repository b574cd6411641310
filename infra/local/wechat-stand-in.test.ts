import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startWeChatStandIn, subscribeDataProblem, type WeChatStandIn } from './wechat-stand-in';

describe('subscribe-message data limits', () => {
  const ok = (key: string, value: string) => subscribeDataProblem({ [key]: { value } }) === null;
  it.each([
    ['thing1', '五轴联动数控机床高速电主轴国产化', true],
    ['thing1', '一二三四五六七八九十一二三四五六七八九十', true],
    ['thing1', '一二三四五六七八九十一二三四五六七八九十一', false],
    ['thing1', '', false],
    ['phrase2', '已受理', true],
    ['phrase2', '已经受理通过', false],
    ['phrase2', 'ok', false],
    ['character_string3', '01JB0DEMAND000000000000001', true],
    ['character_string3', 'A'.repeat(33), false],
    ['character_string3', '编号1', false],
    ['number4', '12.5', true],
    ['number4', '1'.repeat(33), false],
    ['letter5', 'abc', true],
    ['letter5', 'ab1', false],
    ['name6', '欧阳明哲', true],
    ['name6', '一二三四五六七八九十一', false],
    ['name6', 'Alexander Hamilton', true],
    ['name6', 'Alexander Hamilton Jr.', false],
    ['time7', '15:01', true],
    ['time7', '2026年12月1日 17:00', true],
    ['time7', '2026-12-01 17:00 ~ 2026-12-02 09:00', true],
    ['time7', '下周一', false],
    ['time7', '25:00', false],
    ['date8', '2026年12月1日', true],
    ['date8', '2026-02-30', false],
    ['amount9', '¥1200.50元', true],
    ['unknown10', 'anything at all, the stand-in knows no templates', true],
  ])('%s = %j → %s', (key, value, expected) => {
    expect(ok(key, value)).toBe(expected);
  });

  it('names the offending key as WeChat does', () => {
    expect(subscribeDataProblem({ thing1: { value: 'x'.repeat(21) } })).toBe(
      'argument invalid! data.thing1.value invalid',
    );
    expect(subscribeDataProblem({ thing1: { value: 3 } })).toBe('argument invalid! data.thing1.value invalid');
    expect(subscribeDataProblem({})).toBe('argument invalid! data is empty');
  });
});

describe('WeChat stand-in over HTTP', () => {
  let w: WeChatStandIn;
  beforeAll(async () => {
    w = await startWeChatStandIn({ port: 0, appid: 'wx-app', secret: 'wx-secret' });
  });
  afterAll(() => w.stop());

  const get = async (path: string) => (await fetch(w.url + path)).json() as Promise<Record<string, unknown>>;
  const post = async (path: string, body: unknown) => {
    const res = await fetch(w.url + path, { method: 'POST', body: JSON.stringify(body) });
    return { status: res.status, body: await res.text() };
  };
  const token = async () =>
    (await get('/cgi-bin/token?grant_type=client_credential&appid=wx-app&secret=wx-secret')).access_token as string;
  const message = { touser: 'sme-admin', template_id: 'T', data: { thing1: { value: '需求已发布' } } };

  it('exchanges dev:<openid> codes and refuses others', async () => {
    expect(
      await get(
        '/sns/jscode2session?appid=wx-app&secret=wx-secret&js_code=dev:sme-admin&grant_type=authorization_code',
      ),
    ).toMatchObject({ openid: 'sme-admin' });
    expect(
      await get('/sns/jscode2session?appid=wx-app&secret=wx-secret&js_code=0a3Xyz&grant_type=authorization_code'),
    ).toEqual({ errcode: 40029, errmsg: 'invalid code' });
    expect(
      await get('/sns/jscode2session?appid=other&secret=wx-secret&js_code=dev:a&grant_type=authorization_code'),
    ).toMatchObject({ errcode: 40013 });
    expect(
      await get('/sns/jscode2session?appid=wx-app&secret=nope&js_code=dev:a&grant_type=authorization_code'),
    ).toMatchObject({ errcode: 40125 });
  });

  it('issues tokens, keeps stable tokens stable, and refuses unknown tokens', async () => {
    const t = await token();
    expect(t).toBeTruthy();
    const a = await post('/cgi-bin/stable_token', {
      grant_type: 'client_credential',
      appid: 'wx-app',
      secret: 'wx-secret',
    });
    const b = await post('/cgi-bin/stable_token', {
      grant_type: 'client_credential',
      appid: 'wx-app',
      secret: 'wx-secret',
    });
    expect(JSON.parse(a.body).access_token).toBe(JSON.parse(b.body).access_token);
    expect(JSON.parse((await post('/cgi-bin/message/subscribe/send?access_token=forged', message)).body)).toMatchObject(
      { errcode: 40001 },
    );
  });

  it('records sends, validates data and injects faults', async () => {
    w.clearRecords();
    const t = await token();
    const send = (body: unknown) => post(`/cgi-bin/message/subscribe/send?access_token=${t}`, body);
    expect(JSON.parse((await send(message)).body)).toMatchObject({ errcode: 0, errmsg: 'ok' });
    expect(JSON.parse((await send({ ...message, data: { phrase1: { value: '太长的短语了' } } })).body)).toEqual({
      errcode: 47003,
      errmsg: 'argument invalid! data.phrase1.value invalid',
    });
    await post('/__stand-in/faults', { failNextSends: 1, errcode: 500 });
    expect((await send(message)).status).toBe(500);
    await post('/__stand-in/faults', { failAllSends: true, errcode: 45009 });
    expect(JSON.parse((await send(message)).body)).toMatchObject({ errcode: 45009 });
    await fetch(`${w.url}/__stand-in/faults`, { method: 'DELETE' });
    expect(JSON.parse((await send(message)).body)).toMatchObject({ errcode: 0 });

    const records = (await get('/__stand-in/records?kind=subscribe_send')) as unknown as { body: { touser: string } }[];
    expect(records).toHaveLength(5);
    expect(records[0]!.body.touser).toBe('sme-admin');
    const all = (await get('/__stand-in/records')) as unknown as { query: Record<string, string> }[];
    expect(JSON.stringify(all)).not.toContain('wx-secret');
    expect(await (await fetch(`${w.url}/__stand-in/`)).text()).toContain('需求已发布');
    await fetch(`${w.url}/__stand-in/records`, { method: 'DELETE' });
    expect(w.records).toHaveLength(0);
  });
});
