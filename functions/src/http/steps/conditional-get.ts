/**
 * The repeat-read step of public GET routes (a route opts in with `steps: [conditionalGet(maxAge)]`): the 200
 * answer carries a strong ETag — a hash of the exact body bytes, so any change of the resource changes it — and
 * `Cache-Control: public, max-age=<maxAge>`; a request whose If-None-Match names the current ETag gets 304 with
 * no body (RFC 9110 §13.1.2). The use-case still runs: the saving is the transfer and the client's parsing, which
 * is what a phone on a slow network pays for.
 *
 * A route that knows its ETag before building its answer (the exports: from the version of their data) sets the
 * `etag` header itself, and may answer 304 itself without building anything; the step then only adds the
 * caching headers. Answers behind a session are `private`; `maxAge` 0 is `no-cache` (revalidate every time).
 */
import { createHash } from 'node:crypto';
import type { Auth, ConditionalGetStep } from '@jiebang/shared/routes/define';
import type { HttpResponse } from '../respond';

export function etagOf(body: string): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
}

/** Does an If-None-Match header (a list of entity tags, or `*`) match `etag`? Weak comparison, as the RFC asks. */
export function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => opaque(tag) === opaque(etag));
}

/** The Cache-Control of a route's answers. */
export function cacheControlOf(step: ConditionalGetStep, auth: Auth): string {
  return `${auth === 'none' ? 'public' : 'private'}, ${step.maxAge > 0 ? `max-age=${step.maxAge}` : 'no-cache'}`;
}

/** Turn a 200 answer into its conditional form: ETag and Cache-Control, or a bodiless 304 when the client has it. */
export function applyConditionalGet(
  step: ConditionalGetStep,
  headers: Record<string, string | undefined>,
  response: HttpResponse,
  auth: Auth = 'none',
): HttpResponse {
  if (response.statusCode !== 200 && response.statusCode !== 304) return response;
  const own = (response.headers ?? {}) as Record<string, string>;
  const etag = typeof own.etag === 'string' ? own.etag : etagOf(response.body);
  const caching = { etag, 'cache-control': cacheControlOf(step, auth) };
  if (response.statusCode === 304 || matches(headers['if-none-match'] ?? headers['If-None-Match'], etag)) {
    const { 'content-type': _type, ...rest } = own;
    return { statusCode: 304, headers: { ...rest, ...caching }, body: '' };
  }
  return { ...response, headers: { ...response.headers, ...caching } };
}
