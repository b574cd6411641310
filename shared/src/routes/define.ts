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
import { listQuerySchema, listResponseSchema } from '../schemas/common';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';
export type Auth = 'none' | 'optional' | 'required';

/**
 * Whose calls a rate limit counts. `user`: the signed-in user's (on a route with optional authentication, a caller
 * without a session is counted by address); `address`: the caller's source address as API Gateway saw it, for
 * routes anyone may call.
 */
export type RateLimitKey = 'user' | 'address';

/** Over the limit: 429 RATE_LIMITED with Retry-After until the minute ends. Budgets: `RATE_LIMITS` below. */
export interface RateLimitStep {
  step: 'rateLimit';
  bucket: string;
  per: RateLimitKey;
  perMinute: number;
}

/**
 * Repeat reads of a GET: the answer carries a strong `ETag` (hash of the body, or the version of the data when the
 * handler knows it before building the answer) and `Cache-Control: public, max-age=<maxAge>` (`private` behind a
 * session; `no-cache` for 0: revalidate every time); a request whose `If-None-Match` matches gets 304 with no body.
 */
export interface ConditionalGetStep {
  step: 'conditionalGet';
  maxAge: number;
}

export type RouteStep = RateLimitStep | ConditionalGetStep;

/**
 * A route's rate limit, by its budget's name. By name, not `RATE_LIMITS.x`: esbuild cannot prove a property read of
 * an imported object free of side effects, and would keep every such route definition in every bundle of its file.
 */
export const rateLimit = /* @__NO_SIDE_EFFECTS__ */ (name: keyof typeof RATE_LIMITS): RateLimitStep => ({
  step: 'rateLimit',
  ...RATE_LIMITS[name],
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
  /** Error statuses this route may answer besides 400/401/500/503 (a step adds its own). */
  errors?: number[];
  /** Opt-in steps the envelope runs after authentication, in order. */
  steps?: RouteStep[];
}

/**
 * What a route states: only what is particular to it. `auth` is `required` unless said; `params` is a strict object
 * with an `idSchema` for each `{placeholder}` of the path unless one needs its own schema; `errors` lists only its
 * own statuses — every route may answer 400/401/500/503 (the OpenAPI document adds them), an object route (`{id}`
 * in its path) 404, a rate-limited one 429.
 */
export interface RouteInput extends Omit<RouteDefinition, 'auth'> {
  auth?: Auth;
}

/** The `{name}` placeholders of a path, as a union of names. */
type Placeholders<P extends string> = P extends `${string}{${infer N}}${infer Rest}` ? N | Placeholders<Rest> : never;
type PathParams<P extends string> = [Placeholders<P>] extends [never]
  ? unknown
  : { params: z.ZodObject<{ [K in Placeholders<P>]: typeof idSchema }, z.core.$strict> };

/** A route as the envelope, the OpenAPI document and the client read it: defaults filled, literal types kept. */
export type Defined<R extends RouteInput> = Omit<R, 'auth'> & {
  auth: R extends { auth: infer A extends Auth } ? A : 'required';
} & (R extends { params: z.ZodType } ? unknown : PathParams<R['path']>);

const placeholders = (path: string) => [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);

/** The statuses every object route and every rate-limited route may answer, merged into the route's own, in order. */
function errorsOf(route: RouteInput, names: string[]): number[] | undefined {
  const implied = [
    ...(names.includes('id') ? [404] : []),
    ...(route.steps?.some((s) => s.step === 'rateLimit') ? [429] : []),
  ];
  const errors = [...new Set([...(route.errors ?? []), ...implied])].sort((a, b) => a - b);
  return errors.length > 0 ? errors : undefined;
}

/** Fills the defaults (see `RouteInput`); path, method and schemas keep their literal types (`const` parameter). */
export const defineRoute = /* @__NO_SIDE_EFFECTS__ */ <const R extends RouteInput>(route: R): Defined<R> => {
  const names = placeholders(route.path);
  const params =
    route.params ??
    (names.length === 0
      ? undefined
      : names.join() === 'id'
        ? idParams
        : z.strictObject(Object.fromEntries(names.map((name) => [name, idSchema]))));
  const errors = errorsOf(route, names);
  return {
    ...route,
    auth: route.auth ?? 'required',
    ...(params ? { params } : {}),
    ...(errors ? { errors } : {}),
  } as Defined<R>;
};

/**
 * A cursor-paged list (`GET`, `?limit=&cursor=`, answer `{ items, nextCursor }`): what it states besides a route's
 * own is the schema of one `item`, and either the object of `filters` it takes beside `limit` and `cursor` (the query
 * is then strict) or a whole `query` schema of its own (one that extends `listQuerySchema`). Schemas, not their
 * `.shape`: a property read in a route's arguments would keep every route in every bundle (esbuild assumes a getter).
 */
export interface ListRouteInput extends Omit<RouteInput, 'method' | 'response'> {
  item: z.ZodType;
  filters?: z.ZodObject;
}

/** The strict list query of `defineListRoute` with the route's filters `F`. */
type ListQueryWith<F extends z.ZodRawShape> = z.ZodObject<
  ReturnType<typeof listQuerySchema.extend<F>>['shape'],
  z.core.$strict
>;

type ListRoute<R extends ListRouteInput> = Omit<R, 'item' | 'filters' | 'query'> & {
  method: 'GET';
  query: R extends { query: infer Q extends z.ZodType }
    ? Q
    : ListQueryWith<R extends { filters: infer F extends z.ZodObject } ? F['shape'] : Record<never, never>>;
  response: ReturnType<typeof listResponseSchema<R['item']>>;
};

/** `defineRoute` for a cursor-paged list (see `ListRouteInput`). */
export const defineListRoute = /* @__NO_SIDE_EFFECTS__ */ <const R extends ListRouteInput>(
  route: R,
): Defined<ListRoute<R>> => {
  const { item, filters, query, ...rest } = route;
  return defineRoute({
    method: 'GET',
    ...rest,
    query: query ?? (filters ? listQuerySchema.extend(filters.shape) : listQuerySchema).strict(),
    response: listResponseSchema(item),
  }) as unknown as Defined<ListRoute<R>>;
};

/** The stable identifier of most path parameters (ULIDs, codes). */
export const idSchema = /* @__PURE__ */ z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, '编号格式不正确');
export const idParams = /* @__PURE__ */ z.strictObject({ id: idSchema });

/** The answer of the .xlsx exports (binary; the schema only names the media type for the OpenAPI document). */
export const xlsxResponse = /* @__PURE__ */ z
  .string()
  .describe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet（二进制 .xlsx 文件）');

/**
 * The budgets of the rate-limited routes, per minute (README, "Rate limits", gives the reason of each). Routes
 * sharing a bucket share its count. Each is far above what a person does through the client, and low enough that
 * a script hammering a route meets it within seconds.
 */
export const RATE_LIMITS = {
  /** Application and demand submits: two a second. */
  submit: { bucket: 'submit', per: 'user', perMinute: 120 },
  /** WeChat login: every call is a code exchange with WeChat (its quota is the mini-program's, shared by all). */
  login: { bucket: 'login', per: 'address', perMinute: 60 },
  /** Invite acceptance: the code is the secret; a person accepts one invite, a script guesses codes. */
  invite: { bucket: 'invite', per: 'user', perMinute: 10 },
  /** Creating and saving draft demands and applications (the forms save to the server on a step or a tap). */
  drafts: { bucket: 'drafts', per: 'user', perMinute: 60 },
  /** Upload tickets and their confirmation: each ticket lets 10 MB into the attachment bucket. */
  uploads: { bucket: 'uploads', per: 'user', perMinute: 30 },
  /** Subscribe consents: each one is stored until used; a person grants them one tap at a time. */
  subscriptions: { bucket: 'subscriptions', per: 'user', perMinute: 30 },
  /** An enterprise's own records: registration, profile, affiliates, invites, member roles. */
  org: { bucket: 'org', per: 'user', perMinute: 30 },
  // trust
  /** Questions on demands (答疑): each is read by the issuer; a person asks a few, a script floods an inbox. */
  questions: { bucket: 'questions', per: 'user', perMinute: 10 },
  // publicity (公示)
  /** Objections to the 揭榜名单: each reaches the ministry and the issuer; an enterprise files a few, a script floods. */
  objections: { bucket: 'objections', per: 'user', perMinute: 10 },
} as const satisfies Record<string, { bucket: string; per: RateLimitKey; perMinute: number }>;

/** Per-user limit of the submit routes: generous for a person (two a second), a wall for a script. */
export const SUBMIT_RATE_LIMIT = RATE_LIMITS.submit;

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
