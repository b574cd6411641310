/**
 * A piece of code bundled as the Lambda functions are (functions/esbuild.json: target, mainFields, alias; CommonJS,
 * everything bundled), for the unit tests that check what an alias keeps out of a bundle and that the bundle runs.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build, type BuildOptions } from 'esbuild';

export const ROOT = resolve(__dirname, '../..');

const options = JSON.parse(readFileSync(join(ROOT, 'functions/esbuild.json'), 'utf8')) as {
  target: string;
  mainFields: string[];
  alias: Record<string, string>;
  external: string[];
};

/** esbuild's options as the deployment bundles a function (functions/esbuild.json), unminified. */
export const DEPLOYED = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: options.target,
  mainFields: options.mainFields,
  alias: options.alias,
  external: options.external,
  absWorkingDir: ROOT,
  logLevel: 'silent',
} satisfies BuildOptions;

/**
 * Bundles `source` (TypeScript, imports resolved from the repository): the bundle's file and its input files.
 * `minify`: as deployed (serverless.yml's esbuildMinify), for a bundle's size.
 */
export async function bundled(source: string, { minify = false } = {}): Promise<{ file: string; inputs: string[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'bundle-'));
  writeFileSync(join(dir, 'entry.ts'), source);
  const file = join(dir, 'out.js');
  const result = await build({
    entryPoints: [join(dir, 'entry.ts')],
    outfile: file,
    ...DEPLOYED,
    minify,
    nodePaths: [join(ROOT, 'node_modules')],
    metafile: true,
  });
  return { file, inputs: Object.keys(result.metafile.inputs) };
}
