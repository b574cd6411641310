/**
 * Stands in for `@aws-sdk/credential-provider-node` in the Lambda bundles (the `alias` of functions/esbuild.json,
 * read by serverless.yml and the bench). The SDK's default chain also knows profiles, SSO, web identity, the
 * container and instance metadata services — ≈ 100 KB of minified code (with the STS/SSO clients it carries) that
 * every function parsed at cold start and never ran: on Lambda the runtime puts the role's credentials in the
 * environment, which is the first thing that chain reads. Tests and tools run unbundled and keep the full chain.
 */
export const defaultProvider =
  () =>
  async (): Promise<{
    accessKeyId: string;
    secretAccessKey: string;
    sessionToken?: string;
    expiration?: Date;
  }> => {
    const accessKeyId = process.env.AWS_ACCESS_KEY_ID;
    const secretAccessKey = process.env.AWS_SECRET_ACCESS_KEY;
    if (!accessKeyId || !secretAccessKey) {
      throw new Error(
        'no AWS credentials in the environment (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY): not on Lambda?',
      );
    }
    const expiration = process.env.AWS_CREDENTIAL_EXPIRATION;
    return {
      accessKeyId,
      secretAccessKey,
      ...(process.env.AWS_SESSION_TOKEN ? { sessionToken: process.env.AWS_SESSION_TOKEN } : {}),
      ...(expiration ? { expiration: new Date(expiration) } : {}),
    };
  };
