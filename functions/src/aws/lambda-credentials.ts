/**
 * Stands in for `@aws-sdk/credential-provider-node` in the Lambda bundles (esbuild `alias`, functions/esbuild.json).
 *
 * In Lambda the only credentials are the function role's, which the runtime puts in the environment. The SDK's
 * default chain would also bundle SSO, ini files, process, IMDS, container and web-identity providers with the
 * STS/SSO clients they need (≈ 90 KB minified per function) that can never apply there. Tests and the local stack
 * run from source and keep the SDK's real chain.
 */
import { fromEnv } from '@aws-sdk/credential-provider-env';

export const defaultProvider = (init: Parameters<typeof fromEnv>[0] = {}) => fromEnv(init);
