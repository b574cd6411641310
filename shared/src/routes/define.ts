/**
 * One route definition, written once and read by three sides: the server envelope (functions/src/http/route.ts)
 * validates with its schemas and runs its steps, the OpenAPI document is generated from the list of all
 * definitions, and the client's typed `call` builds the path and parses the answer from it.
 *
 * Each route is its own named export made with `/* @__PURE__ *\/ defineRoute(…)`: a Lambda bundle that imports
 * one route keeps only that one (with `sideEffects: false` in shared/package.json, esbuild drops the unused
 * definitions and the zod schemas only they use).
 */
import * as z from 'zod';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';
export type Auth = 'none' | 'optional' | 'required';

/** Per-user limit: over it, 429 RATE_LIMITED with Retry-After (quality.md: submit routes). */
export interface RateLimitStep {
  step: 'rateLimit';
  bucket: string;
  perMinute: number;
}

/**
 * Repeat reads of a public GET: the answer carries a strong `ETag` (hash of the body) and `Cache-Control:
 * public, max-age=<maxAge>`; a request whose `If-None-Match` matches gets 304 with no body.
 */
export interface ConditionalGetStep {
  step: 'conditionalGet';
  maxAge: number;
}

export type RouteStep = RateLimitStep | ConditionalGetStep;

export const rateLimit = (limit: { bucket: string; perMinute: number }): RateLimitStep => ({
  step: 'rateLimit',
  ...limit,
});
export const conditionalGet = (maxAge: number): ConditionalGetStep => ({ step: 'conditionalGet', maxAge });

export interface RouteDefinition {
  method: HttpMethod;
  path: string;
  summary: string;
  auth: Auth;
  body?: z.ZodType;
  query?: z.ZodType;
  params?: z.ZodType;
  response: z.ZodType;
  /** Status of a success answer (default 200). */
  status?: number;
  /** Error statuses this route may answer besides 400/500/503 (a step adds its own). */
  errors?: number[];
  /** Opt-in steps the envelope runs after authentication, in order. */
  steps?: RouteStep[];
}

/** Identity with the literal types kept (`const` type parameter): path, method and schemas stay exact. */
export function defineRoute<const R extends RouteDefinition>(route: R): R {
  return route;
}

/** The stable identifier of most path parameters (ULIDs, codes). */
export const idSchema = /* @__PURE__ */ z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, '编号格式不正确');
export const idParams = /* @__PURE__ */ z.strictObject({ id: idSchema });

/** Per-user limit of the submit routes: generous for a person (two a second), a wall for a script. */
export const SUBMIT_RATE_LIMIT = { bucket: 'submit', perMinute: 120 } as const;

export type ParamsOf<R extends RouteDefinition> = R['params'] extends z.ZodType ? z.input<R['params']> : undefined;
export type QueryOf<R extends RouteDefinition> = R['query'] extends z.ZodType ? z.input<R['query']> : undefined;
export type BodyOf<R extends RouteDefinition> = R['body'] extends z.ZodType ? z.input<R['body']> : undefined;
export type ResponseOf<R extends RouteDefinition> = z.output<R['response']>;

/** The concrete path of a route: `{name}` placeholders replaced by the encoded parameters. */
export function pathOf(route: Pick<RouteDefinition, 'path'>, params?: Record<string, string | number>): string {
  return route.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined) throw new Error(`missing path parameter ${name} for ${route.path}`);
    return encodeURIComponent(String(value));
  });
}
