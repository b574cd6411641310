import '../lib/zod-setup';
import Taro from '@tarojs/taro';
import type { z } from 'zod';
import { errorBodySchema, parseLenient } from '@jiebang/shared';
import { apiBaseUrl } from '../lib/env';
import { clearToken, getToken } from './session';

/** Every failure of an API call, with the stable code of the API's error body (api.md "Conventions"). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: Record<string, string> | undefined;

  constructor(status: number, code: string, message: string, fields?: Record<string, string>) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
  }
}

/** status 0: the request never got an HTTP answer. */
export const NETWORK_ERROR = 'NETWORK_ERROR';
/** A 2xx whose body does not match the contract. */
export const BAD_RESPONSE = 'BAD_RESPONSE';

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
type QueryValue = string | number | boolean | undefined | null;

export interface RequestOptions {
  method?: Method;
  query?: Record<string, QueryValue>;
  body?: unknown;
  headers?: Record<string, string>;
  /**
   * Repeat reads (routes with the conditionalGet step): send the ETag of the body kept from the last answer as
   * If-None-Match, and reuse that body when the server answers 304.
   */
  revalidate?: boolean;
}

/** Bodies kept for revalidation, by URL; the oldest goes first past the cap (a session reads a few dozen). */
const MAX_KEPT = 50;
const kept = new Map<string, { etag: string; data: unknown }>();

function keep(url: string, etag: string, data: unknown): void {
  kept.delete(url);
  kept.set(url, { etag, data });
  if (kept.size > MAX_KEPT) kept.delete(kept.keys().next().value!);
}

/** A response header by name, whatever its case (H5's fetch gives lower case, weapp the server's case). */
function headerOf(header: Record<string, string> | undefined, name: string): string | undefined {
  const key = Object.keys(header ?? {}).find((k) => k.toLowerCase() === name);
  return key ? header![key] : undefined;
}

function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`);
  }
  return `${apiBaseUrl}${path}${parts.length ? `?${parts.join('&')}` : ''}`;
}

export function toApiError(status: number, data: unknown): ApiError {
  const parsed = errorBodySchema.safeParse(data);
  if (parsed.success) {
    const { code, message, fields } = parsed.data.error;
    return new ApiError(status, code, message, fields);
  }
  if (status === 401) return new ApiError(status, 'UNAUTHORIZED', '登录已失效，请重新登录');
  if (status === 404) return new ApiError(status, 'NOT_FOUND', '请求的内容不存在');
  if (status >= 500) return new ApiError(status, 'SERVER_ERROR', `服务暂时不可用（${status}），请稍后重试`);
  return new ApiError(status, 'HTTP_ERROR', `请求失败（${status}）`);
}

/**
 * Call the API and parse the 2xx body with `schema`. Throws `ApiError` for anything else: non-2xx (parsed
 * with `errorBodySchema`), no answer (`NETWORK_ERROR`) or a body that breaks the contract (`BAD_RESPONSE`).
 * A 401 also forgets the stored token, which has expired or been revoked.
 */
export async function request<S extends z.ZodType>(
  path: string,
  schema: S,
  options: RequestOptions = {},
): Promise<z.output<S>> {
  const method = options.method ?? 'GET';
  const header: Record<string, string> = { Accept: 'application/json', ...options.headers };
  if (options.body !== undefined) header['Content-Type'] = 'application/json';
  const token = getToken();
  if (token) header.Authorization = `Bearer ${token}`;
  const url = buildUrl(path, options.query);
  // Kept per session too: a body one account read is never reused for another.
  const keptKey = `${token ?? ''} ${url}`;
  const previous = options.revalidate ? kept.get(keptKey) : undefined;
  if (previous) header['If-None-Match'] = previous.etag;

  let res: { statusCode: number; data: unknown; header?: Record<string, string> };
  try {
    res = await Taro.request({
      url,
      method,
      header,
      data: options.body as Taro.request.Option['data'],
      dataType: 'json',
      timeout: 15_000,
    });
  } catch {
    throw new ApiError(0, NETWORK_ERROR, '网络连接失败，请检查网络后重试');
  }

  let status = res.statusCode;
  // Both Taro.request implementations resolve a 304 (H5's fetch: data null; weapp: empty data): the kept body is
  // the answer. A 304 without a kept body cannot happen unless the header came from elsewhere: treat as an error.
  if (status === 304 && previous) {
    res = { ...res, data: previous.data };
    status = 200;
  }
  if (status < 200 || status >= 300) {
    const error = toApiError(status, res.data);
    if (status === 401) {
      clearToken();
      unauthorized = { message: error.message, hadSession: token !== null };
    }
    throw error;
  }
  // Lenient: a newer server may add response fields this (cached) client version does not know.
  const parsed = parseLenient(schema, res.data);
  if (!parsed.success) {
    console.warn('[api] response does not match the contract', path, parsed.error.issues);
    throw new ApiError(status, BAD_RESPONSE, '服务返回的数据格式不正确，请稍后重试');
  }
  const etag = options.revalidate ? headerOf(res.header, 'etag') : undefined;
  if (etag) keep(keptKey, etag, res.data);
  return parsed.data;
}

/** The last 401: its message and whether a session had been sent (expired) or not (never signed in). */
let unauthorized: { message: string; hadSession: boolean } | null = null;

/**
 * Why a page failed with `message` when it was a 401 and no one is signed in now: `signed-out` (no session was
 * sent — a deep link opened before signing in) or `expired`; null for any other failure. Lets the error view
 * offer a sign-in instead of "加载失败".
 */
export function signInReason(message: string): 'signed-out' | 'expired' | null {
  if (!unauthorized || unauthorized.message !== message || getToken() !== null) return null;
  return unauthorized.hadSession ? 'expired' : 'signed-out';
}

/** Chinese message to show for any error thrown by a service call. */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  return '出现了意外错误，请稍后重试';
}
