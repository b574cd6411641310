/**
 * WeChat server API client (the production one). Locally it talks to the WeChat stand-in, which speaks the same
 * documented protocol, so this code path is the one tests exercise.
 */
import { Unauthenticated, UpstreamUnavailable } from '../domain/errors';
import { RateLimitedError } from '../http/errors';
import { logger } from '../http/logger';

export interface WeChatSession {
  openid: string;
  unionid?: string;
}

export interface WeChatApi {
  /** Exchange a `wx.login` code for the user's openid (auth.code2Session). */
  code2Session(code: string): Promise<WeChatSession>;
}

interface Code2SessionAnswer {
  openid?: string;
  unionid?: string;
  session_key?: string;
  errcode?: number;
  errmsg?: string;
}

/** errcodes that mean the code itself is bad (the user should log in again), per WeChat's documentation. */
const BAD_CODE = new Set([40029, 40163, 40226]);

export class WeChatHttpClient implements WeChatApi {
  constructor(
    private readonly base: string,
    private readonly appid: string,
    private readonly secret: string,
    private readonly timeoutMs = 3000,
  ) {}

  async code2Session(code: string): Promise<WeChatSession> {
    const url = new URL('/sns/jscode2session', this.base);
    url.search = new URLSearchParams({
      appid: this.appid,
      secret: this.secret,
      js_code: code,
      grant_type: 'authorization_code',
    }).toString();
    let answer: Code2SessionAnswer;
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(this.timeoutMs) });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      answer = (await res.json()) as Code2SessionAnswer;
    } catch (err) {
      logger.warn('wechat code2Session unreachable', { error: err as Error });
      throw new UpstreamUnavailable();
    }
    if (answer.errcode && answer.errcode !== 0) {
      if (BAD_CODE.has(answer.errcode)) throw new Unauthenticated('微信登录凭证无效或已过期，请重新登录');
      if (answer.errcode === 45011) throw new RateLimitedError(10);
      logger.warn('wechat code2Session refused', { errcode: answer.errcode, errmsg: answer.errmsg });
      throw new UpstreamUnavailable();
    }
    if (!answer.openid) throw new UpstreamUnavailable();
    return { openid: answer.openid, ...(answer.unionid ? { unionid: answer.unionid } : {}) };
  }
}
