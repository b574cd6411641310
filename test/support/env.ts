/**
 * Per test file: the environment the handlers read at cold start, pointing at the emulator started by the
 * global setup and at a table of this file's own, created here. Refuses anything but a loopback endpoint.
 */
import { inject } from 'vitest';
import { randomUUID } from 'node:crypto';
import { ensureTable } from '../../infra/local/dynamodb';

const endpoint = inject('dynamoEndpoint');
if (!/^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?$/.test(endpoint)) {
  throw new Error(`integration tests only run against a local DynamoDB emulator, not ${endpoint}`);
}

process.env.STAGE = 'local';
process.env.TABLE_NAME = `test-${randomUUID().slice(0, 8)}`;
process.env.DYNAMODB_ENDPOINT = endpoint;
process.env.AWS_REGION = 'cn-northwest-1';
process.env.JWT_SECRET = 'integration-test-secret-0123456789-abcdefghij';
process.env.WECHAT_APPID = 'wx-test-appid';
process.env.WECHAT_SECRET = 'wx-test-secret';
process.env.WECHAT_API_BASE = inject('wechatUrl');
process.env.LOG_LEVEL = process.env.TEST_LOG_LEVEL ?? 'SILENT';
process.env.POWERTOOLS_LOG_LEVEL = process.env.LOG_LEVEL;

await ensureTable(endpoint, process.env.TABLE_NAME);
