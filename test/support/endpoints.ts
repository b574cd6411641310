/**
 * The local services of an integration run, as global-setup.ts hands them to the test files (environment
 * variables inherited by jest's workers). Refuses anything but a loopback endpoint.
 */
export const ENDPOINT_VARS = {
  dynamo: 'JIEBANG_TEST_DYNAMODB_ENDPOINT',
  wechat: 'JIEBANG_TEST_WECHAT_URL',
} as const;

const LOOPBACK = /^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?$/;

function read(name: string): string {
  const value = process.env[name];
  if (!value)
    throw new Error(
      `${name} is not set: run the integration tests through jest (its globalSetup starts the local services)`,
    );
  return value;
}

export function dynamoEndpoint(): string {
  const endpoint = read(ENDPOINT_VARS.dynamo);
  if (!LOOPBACK.test(endpoint)) {
    throw new Error(`integration tests only run against a local DynamoDB emulator, not ${endpoint}`);
  }
  return endpoint;
}

export function wechatUrl(): string {
  const url = read(ENDPOINT_VARS.wechat);
  if (!/^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?(\/.*)?$/.test(url)) {
    throw new Error(`integration tests only talk to the local WeChat stand-in, not ${url}`);
  }
  return url;
}
