/**
 * A local stand-in for the WeChat server API (api.weixin.qq.com), speaking its documented protocol: errors are
 * HTTP 200 with `{ errcode, errmsg }`, successes carry no errcode (or `errcode: 0` for message sends).
 *
 *   GET  /sns/jscode2session?appid&secret&js_code&grant_type=authorization_code   login code → openid
 *   GET  /cgi-bin/token?grant_type=client_credential&appid&secret                   access token
 *   POST /cgi-bin/stable_token  { grant_type, appid, secret, force_refresh? }        stable access token
 *   POST /cgi-bin/message/subscribe/send?access_token=…                             subscribe message
 *
 * Only login codes of the form `dev:<openid>` exist here. Every API request is recorded; humans can read the
 * subscribe messages at `/__stand-in/`, tests at `GET /__stand-in/records`. Control routes for tests:
 *
 *   GET    /__stand-in/records[?kind=subscribe_send]   recorded requests (JSON array, oldest first)
 *   DELETE /__stand-in/records                         forget them
 *   POST   /__stand-in/faults { failNextSends?, failAllSends?, errcode?, errmsg?, delayMs? }   make sends fail
 *   GET    /__stand-in/faults, DELETE /__stand-in/faults
 *   POST   /__stand-in/expire-tokens                   invalidate every issued access token (→ 40001)
 */
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { close, escapeHtml, listen, readBody, sendJson } from './http-util';
import { silentLogger, type Logger } from './log';

export type RecordKind = 'jscode2session' | 'token' | 'stable_token' | 'subscribe_send' | 'unknown';

export interface StandInRecord {
  seq: number;
  at: string;
  kind: RecordKind;
  method: string;
  path: string;
  query: Record<string, string>;
  /** Parsed JSON body (or the raw text when it was not JSON); undefined for GET. */
  body?: unknown;
  status: number;
  response: unknown;
}

export interface Faults {
  /** Fail this many of the next subscribe sends. */
  failNextSends: number;
  /** Fail every subscribe send until cleared. */
  failAllSends: boolean;
  /** WeChat errcode to answer with (default 45009, quota reached); 500 answers HTTP 500 instead. */
  errcode: number;
  errmsg?: string;
  /** Delay each send answer by this many milliseconds (timeouts). */
  delayMs: number;
}

export interface WeChatStandInOptions {
  /** 0 or undefined → a free port. */
  port?: number;
  /** When set, requests must carry exactly this appid / secret; otherwise any non-empty value is accepted. */
  appid?: string;
  secret?: string;
  /** Answer jscode2session with a unionid too (as when the mini-program is bound to an open-platform account). */
  unionid?: boolean;
  log?: Logger;
}

export interface WeChatStandIn {
  url: string;
  port: number;
  /** Live list of recorded requests (oldest first). */
  records: StandInRecord[];
  /** The subscribe messages among the records. */
  subscribeMessages(): StandInRecord[];
  clearRecords(): void;
  setFaults(f: Partial<Faults>): Faults;
  expireTokens(): void;
  stop(): Promise<void>;
}

const ERRMSG: Record<number, string> = {
  40001: 'invalid credential, access_token is invalid or not latest',
  40002: 'invalid grant_type',
  40003: 'invalid openid',
  40013: 'invalid appid',
  40029: 'invalid code',
  40037: 'invalid template_id',
  40125: 'invalid appsecret',
  41001: 'access_token missing',
  41008: 'missing code',
  43101: 'user refuse to accept the msg',
  44002: 'empty post data',
  45009: 'reach max api daily quota limit',
  47001: 'data format error',
  47003: 'argument invalid!',
  '-1': 'system error',
};
const err = (errcode: number, errmsg = ERRMSG[errcode] ?? 'error') => ({ errcode, errmsg });

const TOKEN_TTL_SECONDS = 7200;
const OPENID = /^[A-Za-z0-9_-]{1,64}$/;

// ---- subscribe-message data rules (WeChat "subscribeMessage.send" parameter limits) ----

const chars = (s: string) => [...s].length;
const HAN = /^\p{Script=Han}+$/u;
const DATE_PART = String.raw`(\d{4}年\d{1,2}月\d{1,2}日|\d{4}-\d{1,2}-\d{1,2}|\d{4}/\d{1,2}/\d{1,2})`;
const TIME_PART = String.raw`([01]?\d|2[0-3]):[0-5]\d(:[0-5]\d)?`;
const TIME_POINT = new RegExp(`^(${DATE_PART}\\s*)?${TIME_PART}$`);
const DATE_POINT = new RegExp(`^${DATE_PART}(\\s*${TIME_PART})?$`);

function validDate(point: string): boolean {
  const m = /(\d{4})\D(\d{1,2})\D(\d{1,2})/.exec(point);
  if (!m) return true; // a time without a date
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d;
}

/** "a" or "a~b" where each point matches `re` and names a real calendar date. */
const pointOrRange = (value: string, re: RegExp) =>
  value
    .split('~')
    .map((p) => p.trim())
    .every((p, _i, all) => all.length <= 2 && re.test(p) && validDate(p));

/** Per key prefix: is this value acceptable? Unknown prefixes are accepted (the stand-in knows no templates). */
const DATA_RULES: Record<string, (v: string) => boolean> = {
  thing: (v) => chars(v) >= 1 && chars(v) <= 20,
  number: (v) => chars(v) <= 32 && /^-?\d+(\.\d+)?$/.test(v),
  letter: (v) => chars(v) <= 32 && /^[A-Za-z]+$/.test(v),
  symbol: (v) => chars(v) >= 1 && chars(v) <= 5 && /^[^\p{L}\p{N}\s]+$/u.test(v),
  character_string: (v) => chars(v) >= 1 && chars(v) <= 32 && /^[\x21-\x7e]+$/.test(v),
  time: (v) => pointOrRange(v, TIME_POINT),
  date: (v) => pointOrRange(v, DATE_POINT),
  amount: (v) => /^[¥￥$€£]?\d{1,10}(\.\d{1,2})?元?$/.test(v),
  phone_number: (v) => chars(v) >= 1 && chars(v) <= 17 && /^[\d+\-() ]+$/.test(v),
  car_number: (v) => chars(v) >= 1 && chars(v) <= 8 && /^\p{Script=Han}[A-Z0-9]+\p{Script=Han}?$/u.test(v),
  // Pure Chinese ≤ 10; pure letters/symbols ≤ 20; mixed counts as Chinese.
  name: (v) =>
    chars(v) >= 1 && (/\p{Script=Han}/u.test(v) ? chars(v) <= 10 : chars(v) <= 20 && /^[A-Za-z .·'-]+$/.test(v)),
  phrase: (v) => chars(v) >= 1 && chars(v) <= 5 && HAN.test(v),
};

/** The first problem with a subscribe message's `data`, as WeChat words it, or null. */
export function subscribeDataProblem(data: unknown): string | null {
  if (!data || typeof data !== 'object' || Array.isArray(data) || Object.keys(data).length === 0) {
    return 'argument invalid! data is empty';
  }
  for (const [key, entry] of Object.entries(data as Record<string, unknown>)) {
    const value = entry && typeof entry === 'object' ? (entry as { value?: unknown }).value : undefined;
    if (typeof value !== 'string') return `argument invalid! data.${key}.value invalid`;
    const prefix = key.replace(/\d+$/, '');
    const rule = DATA_RULES[prefix];
    if (rule && !rule(value)) return `argument invalid! data.${key}.value invalid`;
  }
  return null;
}

// ---- the server ----

/** Start the stand-in on 127.0.0.1. */
export async function startWeChatStandIn(options: WeChatStandInOptions = {}): Promise<WeChatStandIn> {
  const log = options.log ?? silentLogger();
  const records: StandInRecord[] = [];
  let seq = 0;
  const tokens = new Map<string, number>(); // token → expiry (ms)
  const stableTokens = new Map<string, string>(); // appid → current stable token
  let faults: Faults = { failNextSends: 0, failAllSends: false, errcode: 45009, delayMs: 0 };

  const issueToken = () => {
    const token = `stand-in-${randomBytes(24).toString('base64url')}`;
    tokens.set(token, Date.now() + TOKEN_TTL_SECONDS * 1000);
    return token;
  };
  const tokenValid = (t: string | undefined) => t !== undefined && (tokens.get(t) ?? 0) > Date.now();

  /** appid / secret check shared by every credentialed route. */
  const credentialProblem = (appid: unknown, secret: unknown) => {
    if (typeof appid !== 'string' || !appid || (options.appid !== undefined && appid !== options.appid))
      return err(40013);
    if (typeof secret !== 'string' || !secret || (options.secret !== undefined && secret !== options.secret))
      return err(40125);
    return null;
  };

  async function handleApi(
    kind: RecordKind,
    method: string,
    query: Record<string, string>,
    body: unknown,
  ): Promise<{ status: number; response: unknown }> {
    switch (kind) {
      case 'jscode2session': {
        const bad = credentialProblem(query.appid, query.secret);
        if (bad) return { status: 200, response: bad };
        if (query.grant_type !== 'authorization_code') return { status: 200, response: err(40002) };
        const code = query.js_code;
        if (!code) return { status: 200, response: err(41008) };
        const openid = code.startsWith('dev:') ? code.slice(4) : '';
        if (!OPENID.test(openid)) return { status: 200, response: err(40029) };
        const sessionKey = createHash('sha256').update(`session:${openid}`).digest().subarray(0, 16).toString('base64');
        return {
          status: 200,
          response: {
            openid,
            session_key: sessionKey,
            ...(options.unionid ? { unionid: `union-${openid}` } : {}),
          },
        };
      }
      case 'token': {
        if (query.grant_type !== 'client_credential') return { status: 200, response: err(40002) };
        const bad = credentialProblem(query.appid, query.secret);
        if (bad) return { status: 200, response: bad };
        return { status: 200, response: { access_token: issueToken(), expires_in: TOKEN_TTL_SECONDS } };
      }
      case 'stable_token': {
        const b = (body ?? {}) as Record<string, unknown>;
        if (b.grant_type !== 'client_credential') return { status: 200, response: err(40002) };
        const bad = credentialProblem(b.appid, b.secret);
        if (bad) return { status: 200, response: bad };
        // Stable tokens: the same token while valid, unless force_refresh.
        const current = stableTokens.get(String(b.appid));
        let token = current && tokenValid(current) && b.force_refresh !== true ? current : undefined;
        if (!token) {
          token = issueToken();
          stableTokens.set(String(b.appid), token);
        }
        const expiresIn = Math.max(1, Math.floor(((tokens.get(token) ?? 0) - Date.now()) / 1000));
        return { status: 200, response: { access_token: token, expires_in: expiresIn } };
      }
      case 'subscribe_send': {
        if (method !== 'POST') return { status: 200, response: err(47001) };
        if (!query.access_token) return { status: 200, response: err(41001) };
        if (!tokenValid(query.access_token)) return { status: 200, response: err(40001) };
        if (body === undefined || body === '') return { status: 200, response: err(44002) };
        if (typeof body !== 'object' || body === null) return { status: 200, response: err(47001) };
        const m = body as Record<string, unknown>;
        if (typeof m.touser !== 'string' || !m.touser) return { status: 200, response: err(40003) };
        if (typeof m.template_id !== 'string' || !m.template_id) return { status: 200, response: err(40037) };
        if (m.page !== undefined && typeof m.page !== 'string')
          return { status: 200, response: err(47003, 'argument invalid! page invalid') };
        if (
          m.miniprogram_state !== undefined &&
          !['developer', 'trial', 'formal'].includes(String(m.miniprogram_state))
        ) {
          return { status: 200, response: err(47003, 'argument invalid! miniprogram_state invalid') };
        }
        if (m.lang !== undefined && !['zh_CN', 'en_US', 'zh_HK', 'zh_TW'].includes(String(m.lang))) {
          return { status: 200, response: err(47003, 'argument invalid! lang invalid') };
        }
        const problem = subscribeDataProblem(m.data);
        if (problem) return { status: 200, response: err(47003, problem) };
        if (faults.delayMs > 0) await new Promise((r) => setTimeout(r, faults.delayMs));
        if (faults.failAllSends || faults.failNextSends > 0) {
          if (faults.failNextSends > 0) faults.failNextSends -= 1;
          if (faults.errcode === 500) return { status: 500, response: 'Internal Server Error' };
          return { status: 200, response: err(faults.errcode, faults.errmsg) };
        }
        return { status: 200, response: { errcode: 0, errmsg: 'ok', msgid: Date.now() * 1000 + (seq % 1000) } };
      }
      default:
        return { status: 404, response: err(-1, 'stand-in: no such WeChat API') };
    }
  }

  function kindOf(pathname: string): RecordKind {
    switch (pathname) {
      case '/sns/jscode2session':
        return 'jscode2session';
      case '/cgi-bin/token':
        return 'token';
      case '/cgi-bin/stable_token':
        return 'stable_token';
      case '/cgi-bin/message/subscribe/send':
        return 'subscribe_send';
      default:
        return 'unknown';
    }
  }

  function describe(r: StandInRecord): string {
    const res = r.response as { errcode?: number; errmsg?: string; openid?: string } | string;
    const outcome =
      typeof res === 'string' ? `HTTP ${r.status}` : res.errcode ? `errcode ${res.errcode} ${res.errmsg ?? ''}` : 'ok';
    if (r.kind === 'jscode2session') return `jscode2session code=${r.query.js_code ?? ''} → ${outcome}`;
    if (r.kind === 'subscribe_send') {
      const b = (r.body ?? {}) as { touser?: string; template_id?: string };
      return `subscribe/send touser=${b.touser ?? '?'} template=${b.template_id ?? '?'} → ${outcome}`;
    }
    return `${r.method} ${r.path} → ${outcome}`;
  }

  async function handleControl(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const route = `${req.method} ${url.pathname.replace(/\/$/, '') || '/'}`;
    switch (route) {
      case 'GET /__stand-in':
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(renderPage(records));
        return;
      case 'GET /__stand-in/records': {
        const kind = url.searchParams.get('kind');
        return sendJson(res, 200, kind ? records.filter((r) => r.kind === kind) : records);
      }
      case 'DELETE /__stand-in/records':
        records.length = 0;
        return sendJson(res, 200, { ok: true });
      case 'GET /__stand-in/faults':
        return sendJson(res, 200, faults);
      case 'DELETE /__stand-in/faults':
        faults = { failNextSends: 0, failAllSends: false, errcode: 45009, delayMs: 0 };
        return sendJson(res, 200, faults);
      case 'POST /__stand-in/faults': {
        let body: Partial<Faults>;
        try {
          body = JSON.parse((await readBody(req)) || '{}') as Partial<Faults>;
        } catch {
          return sendJson(res, 400, { error: 'body must be JSON' });
        }
        return sendJson(res, 200, setFaults(body));
      }
      case 'POST /__stand-in/expire-tokens':
        tokens.clear();
        stableTokens.clear();
        return sendJson(res, 200, { ok: true });
      default:
        return sendJson(res, 404, { error: `no stand-in route ${route}` });
    }
  }

  function setFaults(f: Partial<Faults>): Faults {
    faults = {
      failNextSends: Number.isInteger(f.failNextSends) ? Math.max(0, f.failNextSends!) : faults.failNextSends,
      failAllSends: typeof f.failAllSends === 'boolean' ? f.failAllSends : faults.failAllSends,
      errcode: typeof f.errcode === 'number' ? f.errcode : faults.errcode,
      delayMs: typeof f.delayMs === 'number' ? Math.max(0, f.delayMs) : faults.delayMs,
      ...(typeof f.errmsg === 'string' ? { errmsg: f.errmsg } : faults.errmsg ? { errmsg: faults.errmsg } : {}),
    };
    log.info(`faults: ${JSON.stringify(faults)}`);
    return faults;
  }

  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://stand-in');
      if (url.pathname === '/' || url.pathname.startsWith('/__stand-in')) {
        if (url.pathname === '/') {
          res.writeHead(302, { location: '/__stand-in/' });
          res.end();
          return;
        }
        return handleControl(req, res, url);
      }
      const method = req.method ?? 'GET';
      const raw = method === 'GET' || method === 'HEAD' ? '' : await readBody(req);
      let body: unknown;
      if (raw) {
        try {
          body = JSON.parse(raw);
        } catch {
          body = raw;
        }
      }
      const query = Object.fromEntries(url.searchParams);
      const kind = kindOf(url.pathname);
      // A body that is not JSON is a format error for the POST APIs, as WeChat answers it.
      const answer =
        typeof body === 'string' && kind !== 'unknown'
          ? { status: 200, response: err(47001) }
          : await handleApi(kind, method, query, body);
      const record: StandInRecord = {
        seq: ++seq,
        at: new Date().toISOString(),
        kind,
        method,
        path: url.pathname,
        // Never keep secrets in records that are served to anyone asking.
        query: { ...query, ...(query.secret ? { secret: '***' } : {}) },
        ...(body !== undefined
          ? {
              body:
                body && typeof body === 'object' && 'secret' in body ? { ...(body as object), secret: '***' } : body,
            }
          : {}),
        status: answer.status,
        response: answer.response,
      };
      records.push(record);
      log.info(describe(record));
      if (typeof answer.response === 'string') {
        res.writeHead(answer.status, { 'content-type': 'text/plain' });
        res.end(answer.response);
      } else {
        sendJson(res, answer.status, answer.response);
      }
    })().catch((e: unknown) => {
      log.error(`stand-in error: ${(e as Error).message}`);
      if (!res.headersSent) sendJson(res, 500, err(-1));
      else res.end();
    });
  });

  const port = await listen(server, options.port ?? 0, 'WeChat stand-in', 'WECHAT_PORT');
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    port,
    records,
    subscribeMessages: () => records.filter((r) => r.kind === 'subscribe_send'),
    clearRecords: () => {
      records.length = 0;
    },
    setFaults,
    expireTokens: () => {
      tokens.clear();
      stableTokens.clear();
    },
    stop: () => close(server),
  };
}

function renderPage(records: StandInRecord[]): string {
  const sends = records.filter((r) => r.kind === 'subscribe_send').reverse();
  const logins = records
    .filter((r) => r.kind === 'jscode2session')
    .reverse()
    .slice(0, 20);
  const rows = sends
    .map((r) => {
      const m = (r.body ?? {}) as {
        touser?: string;
        template_id?: string;
        page?: string;
        data?: Record<string, { value?: unknown }>;
      };
      const res = r.response as { errcode?: number; errmsg?: string } | string;
      const ok = typeof res !== 'string' && res.errcode === 0;
      const data = Object.entries(m.data ?? {})
        .map(([k, v]) => `<div><code>${escapeHtml(k)}</code> ${escapeHtml(String(v?.value ?? ''))}</div>`)
        .join('');
      const result = typeof res === 'string' ? `HTTP ${r.status}` : `${res.errcode} ${res.errmsg ?? ''}`;
      return `<tr class="${ok ? 'ok' : 'fail'}"><td>${escapeHtml(r.at)}</td><td><code>${escapeHtml(m.touser ?? '')}</code></td><td><code>${escapeHtml(
        m.template_id ?? '',
      )}</code><br><small>${escapeHtml(m.page ?? '')}</small></td><td>${data}</td><td>${escapeHtml(result)}</td></tr>`;
    })
    .join('\n');
  const loginRows = logins
    .map((r) => {
      const res = r.response as { openid?: string; errcode?: number; errmsg?: string };
      return `<li>${escapeHtml(r.at)} <code>${escapeHtml(r.query.js_code ?? '')}</code> → ${escapeHtml(
        res.openid ? `openid ${res.openid}` : `${res.errcode} ${res.errmsg}`,
      )}</li>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta http-equiv="refresh" content="5">
<title>微信服务端替身 · 订阅消息</title>
<style>
body{font:14px/1.5 system-ui,-apple-system,"PingFang SC","Microsoft YaHei",sans-serif;margin:24px;color:#222}
table{border-collapse:collapse;width:100%}td,th{border:1px solid #ddd;padding:6px 8px;vertical-align:top;text-align:left}
tr.fail{background:#fff1f0}tr.ok td:last-child{color:#389e0d}code{background:#f5f5f5;padding:0 3px}
small{color:#888}h1{font-size:20px}h2{font-size:16px;margin-top:28px}
</style></head><body>
<h1>微信服务端替身（本地）· 已发送的订阅消息</h1>
<p>${sends.length} 条订阅消息 · 每 5 秒刷新 · JSON：<a href="/__stand-in/records">/__stand-in/records</a></p>
<table><thead><tr><th>时间</th><th>touser (openid)</th><th>模板 / 页面</th><th>内容</th><th>结果</th></tr></thead>
<tbody>${rows || '<tr><td colspan="5">尚无订阅消息</td></tr>'}</tbody></table>
<h2>最近登录（jscode2session）</h2><ul>${loginRows || '<li>尚无</li>'}</ul>
</body></html>`;
}
