import { describe, expect, it } from '@jest/globals';
import * as z from 'zod';
import { allRoutes } from './all';
import { defineRoute, idParams, pathOf, rateLimit, type RouteDefinition } from './define';

const routes = Object.entries(allRoutes) as [string, RouteDefinition][];

describe('route definitions', () => {
  it('declare each method and path once (no route silently replaces another)', () => {
    const seen = new Map<string, string>();
    for (const [name, r] of routes) {
      const key = `${r.method} ${r.path}`;
      expect(seen.get(key) ?? name).toBe(name);
      seen.set(key, name);
    }
    expect(seen.size).toBe(routes.length);
  });

  it('have a params schema with exactly the placeholders of their path', () => {
    for (const [, r] of routes) {
      const placeholders = [...r.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      const keys = r.params ? Object.keys((r.params as z.ZodObject).shape).sort() : [];
      expect({ path: r.path, keys }).toEqual({ path: r.path, keys: placeholders });
    }
  });

  it('opt only GET routes into conditional GET', () => {
    for (const [name, r] of routes)
      if (r.steps?.some((s) => s.step === 'conditionalGet'))
        expect({ name, method: r.method }).toEqual({ name, method: 'GET' });
  });
});

describe('defineRoute', () => {
  const response = z.object({});

  it('fills what a route does not state: sign-in required, an id schema per placeholder, 404 on an object route', () => {
    const r = defineRoute({ method: 'POST', path: '/v1/x/{id}/y/{yId}', summary: 's', response, errors: [409, 403] });
    expect(r.auth).toBe('required');
    expect(Object.keys(r.params.shape)).toEqual(['id', 'yId']);
    expect(r.params.safeParse({ id: 'a', yId: 'b', extra: 1 }).success).toBe(false);
    expect(r.errors).toEqual([403, 404, 409]);
    expect(defineRoute({ method: 'GET', path: '/v1/x/{id}', summary: 's', response }).params).toBe(idParams);
  });

  it('keeps what a route states, and adds 429 to a rate-limited one', () => {
    const params = z.strictObject({ year: z.coerce.number() });
    const r = defineRoute({
      method: 'GET',
      path: '/v1/y/{year}',
      summary: 's',
      auth: 'none',
      params,
      response,
      steps: [rateLimit('login')],
    });
    expect(r).toMatchObject({ auth: 'none', params, errors: [429] });
    expect(defineRoute({ method: 'GET', path: '/v1/z', summary: 's', response })).not.toHaveProperty('errors');
  });
});

describe('rate limits', () => {
  const limited = (r: RouteDefinition) => r.steps?.find((s) => s.step === 'rateLimit');

  it('count a route anyone may call by address (a caller there may send a session or not, as suits them)', () => {
    const perUserWithoutSession = routes
      .filter(([, r]) => r.auth === 'none' && r.steps?.some((s) => s.step === 'rateLimit' && s.per === 'user'))
      .map(([name]) => name);
    expect(perUserWithoutSession).toEqual([]);
  });

  it('cover sign-in and the writes that are cheap to repeat (issue 12, finding 11)', () => {
    const buckets = Object.fromEntries(
      routes.flatMap(([name, r]) => {
        const step = limited(r);
        return step?.step === 'rateLimit' ? [[name, step.bucket]] : [];
      }),
    );
    expect(buckets).toMatchObject({
      wechatLogin: 'login',
      invitesAccept: 'invite',
      demandsCreate: 'drafts',
      demandsUpdate: 'drafts',
      applicationsCreate: 'drafts',
      applicationsUpdate: 'drafts',
      orgsAttachmentsCreate: 'uploads',
      orgsAttachmentsConfirm: 'uploads',
      subscriptionsCreate: 'subscriptions',
      demandsSubmit: 'submit',
      applicationsSubmit: 'submit',
      orgsCreate: 'org',
      orgsUpdate: 'org',
      orgsInvitesCreate: 'org',
    });
  });
});

describe('pathOf', () => {
  it('fills and encodes the placeholders', () => {
    expect(pathOf({ path: '/v1/orgs/{id}/members/{userId}' }, { id: 'A B', userId: 'x/y' })).toBe(
      '/v1/orgs/A%20B/members/x%2Fy',
    );
    expect(pathOf({ path: '/v1/campaigns/{year}/results' }, { year: 2026 })).toBe('/v1/campaigns/2026/results');
  });

  it('refuses a missing parameter rather than calling a wrong path', () => {
    expect(() => pathOf({ path: '/v1/demands/{id}' }, {})).toThrow(/id/);
  });
});
