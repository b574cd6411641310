/**
 * The end-to-end walks share one local stack per run (DynamoDB Local, seed, WeChat stand-in, the API on
 * serverless-offline, the H5 build served statically), started here in jest's parent process: starting one per
 * file bundled every function again each time (≈ 1 min apiece on two cores). The walks reach it through
 * E2E_API_URL / E2E_WEB_URL (`stackUnderTest`), which the workers inherit. Each walk is written to run on a stack
 * other walks have used (new users and demands of its own, or reading what it wrote). A stack that is already
 * running (both variables set by the developer) is used as it is; walks that need a stack of their own (a
 * controlled clock, a snapshot build) still start one.
 */
import { startLocalStack } from '../../infra/local/stack';

export default async function e2eGlobalSetup() {
  if (process.env.E2E_API_URL && process.env.E2E_WEB_URL) return;
  const stack = await startLocalStack({ web: true, build: 'if-missing' });
  process.env.E2E_API_URL = stack.apiUrl;
  process.env.E2E_WEB_URL = stack.webUrl!;
  // jest keeps globalSetup's globals for globalTeardown (same process, same context).
  (globalThis as { __e2eStop?: () => Promise<void> }).__e2eStop = () => stack.stop();
}
