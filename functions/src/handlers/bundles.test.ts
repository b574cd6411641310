/**
 * Issue 11, item 3: a handler carries only its route. Every handler bundled as deployed (functions/esbuild.json);
 * the route paths its bundle holds must be those of the routes it imports. A route definition whose schema is
 * not side-effect-free to esbuild (a property read of an import, a call without its pure mark) is kept in every
 * bundle of its file — with its schemas built at each cold start — and fails here.
 */
import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { DEPLOYED, ROOT } from '../../../test/support/bundle';

const dir = join(ROOT, 'functions/src/handlers');
const handlers = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));

/** The paths of the routes a handler imports from shared/src/routes. */
async function ownPaths(file: string): Promise<string[]> {
  const source = readFileSync(join(dir, file), 'utf8');
  const paths: string[] = [];
  for (const [, names, module] of source.matchAll(/import \{([^}]*)\} from '@jiebang\/shared\/routes\/([\w-]+)'/g)) {
    const routes = (await import(join(ROOT, 'shared/src/routes', module!))) as Record<string, { path?: string }>;
    for (const name of names!
      .split(',')
      .map((n) => n.split(' as ')[0]!.trim())
      .filter(Boolean))
      if (typeof routes[name]?.path === 'string') paths.push(routes[name].path);
  }
  return [...new Set(paths)].sort();
}

describe('per-route bundles', () => {
  it('hold only the routes their handler names (the OpenAPI document: all of them)', async () => {
    const result = await build({
      entryPoints: handlers.map((f) => join(dir, f)),
      outdir: join(ROOT, '.esbuild/route-check'),
      write: false,
      ...DEPLOYED,
    });
    expect(result.outputFiles).toHaveLength(handlers.length);
    const extra: string[] = [];
    for (const out of result.outputFiles) {
      const file = out.path.split('/').pop()!.replace(/\.js$/, '.ts');
      if (file === 'openapi.ts') continue;
      const held = [...new Set(out.text.match(/"\/v1\/[^"]*"/g) ?? [])].map((p) => JSON.parse(p) as string).sort();
      const own = await ownPaths(file); // none for a scheduled function
      for (const p of held) if (!own.includes(p)) extra.push(`${file}: ${p}`);
    }
    expect(extra).toEqual([]);
  }, 120_000);
});
