import { describe, expect, it } from '@jest/globals';
import { buildOpenApi } from './openapi';
import { allRoutes as routes } from '@jiebang/shared/routes/all';
import type { RouteDefinition as RouteSpec } from '@jiebang/shared/routes/define';

interface Operation {
  security: object[];
  parameters: { name: string; in: string; schema: Record<string, unknown> }[];
  responses: Record<string, { headers?: Record<string, { schema: Record<string, unknown> }>; content?: object }>;
}
const doc = buildOpenApi() as { paths: Record<string, Record<string, Operation>> };
const all = Object.entries(routes as Record<string, RouteSpec>).map(([id, spec]) => ({
  id,
  spec,
  op: doc.paths[spec.path]![spec.method.toLowerCase()]!,
}));

describe('OpenAPI document', () => {
  it('says who may call each route: security [] on public routes, the bearer scheme on the others', () => {
    for (const { id, spec, op } of all) {
      expect([id, op.security]).toEqual([id, spec.auth === 'none' ? [] : expect.arrayContaining([{ bearer: [] }])]);
    }
  });

  it('documents 401 on every route (a malformed or expired token is refused even on a public route)', () => {
    for (const { id, op } of all) expect([id, Boolean(op.responses['401']?.content)]).toEqual([id, true]);
  });

  it('documents 429 with a bounded Retry-After on every route with the rate-limit step', () => {
    const limited = all.filter(({ spec }) => (spec.steps ?? []).some((s) => s.step === 'rateLimit'));
    expect(limited.length).toBeGreaterThan(0);
    for (const { id, op } of limited) {
      expect([id, op.responses['429']?.headers?.['Retry-After']?.schema]).toEqual([
        id,
        { type: 'integer', format: 'int32', minimum: 1, maximum: 60 },
      ]);
    }
  });

  it('gives every integer a format and a string with a bounded pattern its maxLength', () => {
    const seen = { integers: 0, bounded: 0 };
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) return node.forEach(walk);
      if (!node || typeof node !== 'object') return;
      const o = node as Record<string, unknown>;
      if (o.type === 'integer') {
        seen.integers++;
        expect(o.format).toBeDefined();
      }
      if (o.type === 'string' && o.pattern === '^\\d{6}$') {
        seen.bounded++;
        expect(o.maxLength).toBe(6);
      }
      Object.values(o).forEach(walk);
    };
    walk(doc);
    expect(seen.integers).toBeGreaterThan(0);
    expect(seen.bounded).toBeGreaterThan(0);
  });
});
