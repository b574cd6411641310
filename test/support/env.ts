/**
 * Per test file (jest setupFiles): the environment the handlers read at cold start, pointing at the emulator
 * started by the global setup and at a table of this file's own, which table.ts creates before the tests.
 */
import { randomUUID } from 'node:crypto';
import { dynamoEndpoint, wechatUrl } from './endpoints';

process.env.STAGE = 'local';
process.env.TABLE_NAME = `test-${randomUUID().slice(0, 8)}`;
process.env.DYNAMODB_ENDPOINT = dynamoEndpoint();
process.env.AWS_REGION = 'cn-northwest-1';
process.env.JWT_SECRET = 'integration-test-secret-0123456789-abcdefghij';
process.env.WECHAT_APPID = 'wx-test-appid';
process.env.WECHAT_SECRET = 'wx-test-secret';
process.env.WECHAT_API_BASE = wechatUrl();
process.env.LOG_LEVEL = process.env.TEST_LOG_LEVEL ?? 'SILENT';
process.env.POWERTOOLS_LOG_LEVEL = process.env.LOG_LEVEL;
