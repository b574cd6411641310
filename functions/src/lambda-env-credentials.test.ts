import { describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { defaultProvider } from './lambda-env-credentials';

const ROOT = resolve(__dirname, '../..');
const options = JSON.parse(readFileSync(join(ROOT, 'functions/esbuild.json'), 'utf8')) as {
  target: string;
  mainFields: string[];
  alias: Record<string, string>;
};

describe('environment-only credentials of the Lambda bundles', () => {
  it('reads the role credentials the runtime puts in the environment, and refuses to run without them', async () => {
    const saved = { ...process.env };
    try {
      process.env.AWS_ACCESS_KEY_ID = 'AKIDEXAMPLE';
      process.env.AWS_SECRET_ACCESS_KEY = 'secret';
      process.env.AWS_SESSION_TOKEN = 'token';
      delete process.env.AWS_CREDENTIAL_EXPIRATION;
      await expect(defaultProvider()()).resolves.toEqual({
        accessKeyId: 'AKIDEXAMPLE',
        secretAccessKey: 'secret',
        sessionToken: 'token',
      });
      delete process.env.AWS_SECRET_ACCESS_KEY;
      await expect(defaultProvider()()).rejects.toThrow(/AWS_SECRET_ACCESS_KEY/);
    } finally {
      process.env = saved;
    }
  });

  it('replaces the SDK default chain in a bundled client, which then signs with the environment credentials', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'env-credentials-'));
    writeFileSync(
      join(dir, 'entry.ts'),
      "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';\n" +
        "const c = new DynamoDBClient({ region: 'cn-northwest-1' });\n" +
        'c.config.credentials().then((k) => process.stdout.write(JSON.stringify(k)));\n',
    );
    const result = await build({
      entryPoints: [join(dir, 'entry.ts')],
      outfile: join(dir, 'out.js'),
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: options.target,
      mainFields: options.mainFields,
      alias: options.alias,
      absWorkingDir: ROOT,
      nodePaths: [join(ROOT, 'node_modules')],
      metafile: true,
      logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.some((f) => f.includes('credential-provider-node'))).toBe(false);
    expect(inputs.some((f) => f.includes('nested-clients'))).toBe(false);
    expect(inputs).toContain('functions/src/lambda-env-credentials.ts');
    const out = execFileSync(process.execPath, [join(dir, 'out.js')], {
      env: { PATH: process.env.PATH, AWS_ACCESS_KEY_ID: 'AKIDLAMBDA', AWS_SECRET_ACCESS_KEY: 's3cret' },
      encoding: 'utf8',
    });
    expect(JSON.parse(out)).toEqual({ accessKeyId: 'AKIDLAMBDA', secretAccessKey: 's3cret' });
  });
});
