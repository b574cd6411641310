/**
 * The API as an end-to-end walk calls it beside the browser (setup, checks): JSON in and out, a bearer token, and
 * demo sign-in with a `dev:` login code. `api(() => apiUrl)`: the URL is known only once the stack is up.
 */
import { devLoginCode } from '@jiebang/shared';

export interface Session {
  token: string;
  expiresAt: string;
  user: { id: string; roles: string[]; orgId: string | null };
}

export function api(base: () => string) {
  async function call<T = Record<string, unknown>>(token: string | null, method: string, path: string, body?: unknown) {
    const res = await fetch(`${base()}${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    // A file (.xlsx) is not JSON: its body is null, its headers say what it is.
    const json = res.headers.get('content-type')?.includes('json');
    return { status: res.status, body: (json && text ? JSON.parse(text) : null) as T, text, headers: res.headers };
  }

  /** The answer of a call that must succeed (2xx), else an error naming the route and the answer. */
  async function ok<T = Record<string, unknown>>(token: string | null, method: string, path: string, body?: unknown) {
    const r = await call<T>(token, method, path, body);
    if (r.status < 200 || r.status >= 300) throw new Error(`${method} ${path} → ${r.status} ${r.text}`);
    return r.body;
  }

  const login = (openid: string) => ok<Session>(null, 'POST', '/v1/auth/wechat-login', { code: devLoginCode(openid) });

  return { call, ok, login };
}
