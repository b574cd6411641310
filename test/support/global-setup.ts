/**
 * Integration tests run against the real DynamoDB Local emulator (in memory, free port) and the local WeChat
 * stand-in, both started once per run. Each test file works on its own table (see env.ts).
 */
import type { TestProject } from 'vitest/node';
import { startDynamoDbLocal } from '../../infra/local/dynamodb';
import { startWeChatStandIn } from '../../infra/local/wechat-stand-in';

export default async function setup(project: TestProject) {
  const dynamo = await startDynamoDbLocal({ path: null });
  const wechat = await startWeChatStandIn({ port: 0 });
  project.provide('dynamoEndpoint', dynamo.endpoint);
  project.provide('wechatUrl', wechat.url);
  return async () => {
    await wechat.stop();
    await dynamo.stop();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string;
    wechatUrl: string;
  }
}
