/**
 * The typed client of the API: call a route definition of shared/src/routes with its parameters, query and body;
 * the path comes from the definition (never written here), the answer is parsed leniently with its response
 * schema (see shared/src/lenient.ts), and routes with the conditionalGet step are revalidated with If-None-Match.
 */
import type { z } from 'zod';
import { pathOf, type BodyOf, type RouteDefinition } from '@jiebang/shared/routes/define';
import { request } from './http';

type QueryValue = string | number | boolean | undefined | null;
type Fields<S> = S extends z.ZodType ? keyof z.input<S> : never;

/** What a call of `R` takes: exactly the path parameters, query keys and body its definition declares. */
export type CallOptions<R extends RouteDefinition> = (R['params'] extends z.ZodType
  ? { params: { [K in Fields<R['params']>]: string | number } }
  : { params?: undefined }) &
  (R['query'] extends z.ZodType ? { query?: { [K in Fields<R['query']>]?: QueryValue } } : { query?: undefined }) &
  (R['body'] extends z.ZodType ? { body: BodyOf<R> } : { body?: undefined }) & {
    headers?: Record<string, string>;
  };

type Optional<R extends RouteDefinition> = R['params'] extends z.ZodType
  ? never
  : R['body'] extends z.ZodType
    ? never
    : R;

export function call<R extends RouteDefinition>(
  route: R,
  ...[options]: R extends Optional<R> ? [CallOptions<R>?] : [CallOptions<R>]
): Promise<z.output<R['response']>> {
  const o = (options ?? {}) as {
    params?: Record<string, string | number>;
    query?: Record<string, QueryValue>;
    body?: unknown;
    headers?: Record<string, string>;
  };
  return request<R['response']>(pathOf(route, o.params), route.response, {
    method: route.method,
    query: o.query,
    body: o.body,
    headers: o.headers,
    revalidate: (route.steps ?? []).some((s) => s.step === 'conditionalGet'),
  });
}
