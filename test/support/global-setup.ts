/**
 * Integration tests run against the real DynamoDB Local emulator (in memory, free port) and the local WeChat
 * stand-in, both started once per run here (jest's globalSetup, in the parent process). The endpoints reach the
 * test files through the environment, which the workers inherit; each file works on its own table (env.ts,
 * table.ts). global-teardown.ts stops both.
 */
import { startDynamoDbLocal } from '../../infra/local/dynamodb';
import { startWeChatStandIn } from '../../infra/local/wechat-stand-in';
import { ENDPOINT_VARS } from './endpoints';

export default async function globalSetup() {
  const dynamo = await startDynamoDbLocal({ path: null });
  const wechat = await startWeChatStandIn({ port: 0 });
  process.env[ENDPOINT_VARS.dynamo] = dynamo.endpoint;
  process.env[ENDPOINT_VARS.wechat] = wechat.url;
  // jest keeps globalSetup's globals for globalTeardown (same process, same context).
  (globalThis as { __integrationStop?: () => Promise<void> }).__integrationStop = async () => {
    await wechat.stop();
    await dynamo.stop();
  };
}
