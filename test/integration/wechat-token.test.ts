/**
 * The WeChat access token: fetched from /cgi-bin/stable_token, cached in the table for every Lambda instance,
 * refreshed by one instance at a time, replaced when WeChat refuses it.
 */
import { describe, expect, it } from '@jest/globals';
import { ulid } from 'ulid';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '../../functions/src/store/keys';
import { deps } from '../../functions/src/deps';
import { WeChatSubscribeClient } from '../../functions/src/wechat/subscribe';
import { safeData } from '../../functions/src/wechat/template-data';
import { wechatUrl } from './notifications-support';

interface Rec {
  kind: string;
  body?: { appid?: string; force_refresh?: boolean; touser?: string };
  response: { errcode?: number };
}

async function records(kind: string): Promise<Rec[]> {
  return (await (await fetch(`${wechatUrl}/__stand-in/records?kind=${kind}`)).json()) as Rec[];
}

describe('WeChat access token cache', () => {
  it('ten cold instances at once ask WeChat once; later calls use the shared item', async () => {
    const appid = `wx-token-${ulid()}`;
    const instances = Array.from(
      { length: 10 },
      () => new WeChatSubscribeClient(wechatUrl, appid, 'secret', deps().store),
    );
    const tokens = await Promise.all(instances.map((c) => c.accessToken(false)));
    expect(new Set(tokens).size).toBe(1);
    const fresh = new WeChatSubscribeClient(wechatUrl, appid, 'secret', deps().store);
    expect(await fresh.accessToken(false)).toBe(tokens[0]);
    expect((await records('stable_token')).filter((r) => r.body?.appid === appid)).toHaveLength(1);
  });

  it('refreshes before expiry (5 minutes ahead)', async () => {
    const appid = `wx-token-${ulid()}`;
    const store = deps().store;
    // The shared item must be separate for this appid's test: another file's table is not ours, but this one is.
    let shift = 0;
    const client = new WeChatSubscribeClient(wechatUrl, appid, 'secret', store, 5000, () => Date.now() + shift);
    await client.accessToken(true);
    const before = (await records('stable_token')).filter((r) => r.body?.appid === appid).length;
    shift = 7200_000 - 4 * 60_000; // 4 minutes before the token expires
    await client.accessToken(false);
    const after = (await records('stable_token')).filter((r) => r.body?.appid === appid).length;
    expect(after).toBe(before + 1);
  });

  it('a token WeChat refuses (40001) is replaced and the message still goes out once', async () => {
    const appid = `wx-token-${ulid()}`;
    // A cached token WeChat no longer accepts (expiring every stand-in token would disturb the other files).
    await deps().store.doc.send(
      new PutCommand({
        TableName: deps().store.table,
        Item: {
          ...keys.wechatToken,
          entityType: 'WeChatToken',
          token: 'stand-in-revoked',
          expiresAt: Date.now() + 3600_000,
        },
      }),
    );
    const client = new WeChatSubscribeClient(wechatUrl, appid, 'secret', deps().store);
    const openid = `o-token-${ulid()}`;
    const result = await client.send({
      touser: openid,
      templateId: 'local-status-update',
      data: safeData({ thing1: '测试' }),
    });
    expect(result.kind).toBe('sent');
    const sends = (await records('subscribe_send')).filter((r) => r.body?.touser === openid);
    expect(sends.map((s) => s.response.errcode)).toEqual([40001, 0]);
    const refresh = (await records('stable_token')).filter((r) => r.body?.appid === appid);
    expect(refresh.at(-1)!.body!.force_refresh).toBe(true);
  });
});
