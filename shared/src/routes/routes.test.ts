import { describe, expect, it } from '@jest/globals';
import * as z from 'zod';
import { allRoutes } from './all';
import { pathOf, type RouteDefinition } from './define';

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

  it('opt only GET routes without authentication into conditional GET', () => {
    for (const [, r] of routes)
      if (r.steps?.some((s) => s.step === 'conditionalGet')) expect([r.method, r.auth]).toEqual(['GET', 'none']);
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
