import { describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { bundled } from '../../test/support/bundle';
import { defaultProvider } from './lambda-env-credentials';

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
    const { file, inputs } = await bundled(
      "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';\n" +
        "const c = new DynamoDBClient({ region: 'cn-northwest-1' });\n" +
        'c.config.credentials().then((k) => process.stdout.write(JSON.stringify(k)));\n',
    );
    expect(inputs.some((f) => f.includes('credential-provider-node'))).toBe(false);
    expect(inputs.some((f) => f.includes('nested-clients'))).toBe(false);
    expect(inputs).toContain('functions/src/lambda-env-credentials.ts');
    const out = execFileSync(process.execPath, [file], {
      env: { PATH: process.env.PATH, AWS_ACCESS_KEY_ID: 'AKIDLAMBDA', AWS_SECRET_ACCESS_KEY: 's3cret' },
      encoding: 'utf8',
    });
    expect(JSON.parse(out)).toEqual({ accessKeyId: 'AKIDLAMBDA', secretAccessKey: 's3cret' });
  });
});
