/**
 * WeChat subscribe messages (production client): the access token from `/cgi-bin/stable_token`, cached in the
 * table (one item shared by every Lambda instance) and refreshed before it expires by one instance at a time
 * (a conditional lease), and `POST /cgi-bin/message/subscribe/send`.
 */
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { randomUUID } from 'node:crypto';
import { logger } from '../http/logger';
import type { Store } from '../store/client';
import { isConditionFailure } from '../store/items';
import { ENTITY, keys } from '../store/keys';
import type { TemplateData } from './template-data';

export interface SubscribeMessage {
  touser: string;
  templateId: string;
  /** Mini-program page opened from the message ("pages/inbox/index?…"). */
  page?: string;
  data: TemplateData;
}

/**
 * What a send came to. `sent` and `refused` are final; `retry` means WeChat certainly did not deliver (an error
 * answer or no connection) and the consent may be used again; `ambiguous` means the request may have been
 * delivered (timeout after sending), so the consent is not used again; `invalid` will never succeed.
 */
export type SendResult =
  | { kind: 'sent'; msgid?: string }
  | { kind: 'refused'; errcode: number }
  | { kind: 'retry'; errcode?: number; error: string }
  | { kind: 'ambiguous'; error: string }
  | { kind: 'invalid'; errcode: number; error: string };

export interface SubscribeSender {
  send(m: SubscribeMessage): Promise<SendResult>;
}

/** errcodes after which the same message will never be accepted (bad openid, template or data). */
const INVALID = new Set([40003, 40037, 47003, 47001, 44002, 41030]);
/** The user refused, or the one-time consent is already spent. */
const REFUSED = 43101;
/** The access token is invalid or expired. */
const BAD_TOKEN = new Set([40001, 42001, 40014]);

/** Refresh this long before WeChat's expiry, so no instance ever sends with a token about to expire. */
const REFRESH_MARGIN_MS = 5 * 60_000;
const LEASE_MS = 10_000;

interface TokenItem {
  token?: string;
  expiresAt?: number;
  leaseId?: string;
  leaseUntil?: number;
}

export class WeChatSubscribeClient implements SubscribeSender {
  private memo: { token: string; expiresAt: number } | null = null;

  constructor(
    private readonly base: string,
    private readonly appid: string,
    private readonly secret: string,
    private readonly store: Store,
    private readonly timeoutMs = 5000,
    /** Real time: token expiry is WeChat's clock, not the (possibly fake) business clock. */
    private readonly nowMs: () => number = Date.now,
  ) {}

  async send(m: SubscribeMessage): Promise<SendResult> {
    let token: string;
    try {
      token = await this.accessToken(false);
    } catch (err) {
      return { kind: 'retry', error: `access token: ${(err as Error).message}` };
    }
    let r = await this.post(token, m);
    if (r.kind === 'retry' && r.errcode !== undefined && BAD_TOKEN.has(r.errcode)) {
      try {
        token = await this.accessToken(true, token);
      } catch (err) {
        return { kind: 'retry', error: `access token: ${(err as Error).message}` };
      }
      r = await this.post(token, m);
    }
    return r;
  }

  private async post(token: string, m: SubscribeMessage): Promise<SendResult> {
    const url = new URL('/cgi-bin/message/subscribe/send', this.base);
    url.searchParams.set('access_token', token);
    let res: Response;
    try {
      res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          touser: m.touser,
          template_id: m.templateId,
          ...(m.page ? { page: m.page } : {}),
          data: m.data,
          lang: 'zh_CN',
        }),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (err) {
      const e = err as Error & { cause?: { code?: string } };
      // No connection at all: certainly not delivered. Anything else (a timeout): maybe delivered.
      if (e.cause?.code === 'ECONNREFUSED' || e.cause?.code === 'ENOTFOUND')
        return { kind: 'retry', error: e.cause.code };
      return { kind: 'ambiguous', error: e.name === 'TimeoutError' ? 'timeout' : e.message };
    }
    if (!res.ok) return { kind: 'retry', error: `HTTP ${res.status}` };
    let answer: { errcode?: number; errmsg?: string; msgid?: number | string };
    try {
      answer = (await res.json()) as typeof answer;
    } catch {
      return { kind: 'retry', error: 'answer is not JSON' };
    }
    const errcode = answer.errcode ?? 0;
    if (errcode === 0) return { kind: 'sent', ...(answer.msgid !== undefined ? { msgid: String(answer.msgid) } : {}) };
    if (errcode === REFUSED) return { kind: 'refused', errcode };
    if (INVALID.has(errcode)) return { kind: 'invalid', errcode, error: answer.errmsg ?? String(errcode) };
    return { kind: 'retry', errcode, error: `errcode ${errcode} ${answer.errmsg ?? ''}`.trim() };
  }

  /**
   * The current access token. The shared item is read first; an instance that finds it missing or close to
   * expiry takes a short lease with a conditional write and alone asks WeChat; others wait briefly for its result
   * (no stampede on `stable_token`, whose calls are rate-limited). `force` replaces a token WeChat refused.
   */
  async accessToken(force: boolean, refused?: string): Promise<string> {
    const fresh = (t: { token?: string; expiresAt?: number } | null) =>
      !!t?.token && (t.expiresAt ?? 0) - REFRESH_MARGIN_MS > this.nowMs() && t.token !== refused;
    if (!force && this.memo && fresh(this.memo)) return this.memo.token;
    for (let attempt = 0; attempt < 20; attempt++) {
      const item = await this.readToken();
      if (fresh(item) && !(force && item?.token === refused)) {
        this.memo = { token: item!.token!, expiresAt: item!.expiresAt! };
        return item!.token!;
      }
      const leaseId = randomUUID();
      if (await this.takeLease(leaseId, force ? (refused ?? item?.token) : undefined)) {
        const got = await this.fetchStableToken(force);
        await this.store.doc
          .send(
            new PutCommand({
              TableName: this.store.table,
              Item: { ...keys.wechatToken, entityType: ENTITY.wechatToken, token: got.token, expiresAt: got.expiresAt },
              ConditionExpression: 'leaseId = :lid',
              ExpressionAttributeValues: { ':lid': leaseId },
            }),
          )
          .catch((err: unknown) => {
            if (!isConditionFailure(err)) throw err; // lease lost (very slow fetch): keep our token in memory anyway
          });
        this.memo = got;
        return got.token;
      }
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 100));
    }
    // The lease holder vanished: fetch it ourselves (stable_token answers the same token while it is valid).
    const got = await this.fetchStableToken(false);
    this.memo = got;
    return got.token;
  }

  private async readToken(): Promise<TokenItem | null> {
    const out = await this.store.doc.send(
      new GetCommand({ TableName: this.store.table, Key: keys.wechatToken, ConsistentRead: true }),
    );
    return (out.Item as TokenItem | undefined) ?? null;
  }

  /**
   * Take the refresh lease — only while nobody holds it AND the stored token still needs replacing (an instance
   * that read the item just before another stored a fresh token must not fetch again).
   */
  private async takeLease(leaseId: string, refused: string | undefined): Promise<boolean> {
    const now = this.nowMs();
    try {
      await this.store.doc.send(
        new UpdateCommand({
          TableName: this.store.table,
          Key: keys.wechatToken,
          UpdateExpression: 'SET leaseId = :lid, leaseUntil = :until, entityType = :t',
          ConditionExpression:
            '(attribute_not_exists(leaseUntil) OR leaseUntil < :now) AND ' +
            '(attribute_not_exists(#tok) OR expiresAt < :fresh OR #tok = :refused)',
          ExpressionAttributeNames: { '#tok': 'token' },
          ExpressionAttributeValues: {
            ':lid': leaseId,
            ':until': now + LEASE_MS,
            ':now': now,
            ':t': ENTITY.wechatToken,
            ':fresh': now + REFRESH_MARGIN_MS,
            ':refused': refused ?? '',
          },
        }),
      );
      return true;
    } catch (err) {
      if (isConditionFailure(err)) return false;
      throw err;
    }
  }

  private async fetchStableToken(force: boolean): Promise<{ token: string; expiresAt: number }> {
    const url = new URL('/cgi-bin/stable_token', this.base);
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        grant_type: 'client_credential',
        appid: this.appid,
        secret: this.secret,
        force_refresh: force,
      }),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    if (!res.ok) throw new Error(`stable_token HTTP ${res.status}`);
    const a = (await res.json()) as { access_token?: string; expires_in?: number; errcode?: number; errmsg?: string };
    if (!a.access_token || !a.expires_in) {
      logger.warn('wechat stable_token refused', { errcode: a.errcode, errmsg: a.errmsg });
      throw new Error(`stable_token errcode ${a.errcode ?? '?'}`);
    }
    return { token: a.access_token, expiresAt: this.nowMs() + a.expires_in * 1000 };
  }
}
