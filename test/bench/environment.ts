/** The functions' configuration for a bench run in this process: the local stage on `table` of DynamoDB Local at `endpoint`, logs silent. */
export function benchEnvironment(endpoint: string, table: string): void {
  process.env.STAGE = 'local';
  process.env.TABLE_NAME = table;
  process.env.DYNAMODB_ENDPOINT = endpoint;
  process.env.AWS_REGION = 'cn-northwest-1';
  process.env.JWT_SECRET = 'bench-secret-0123456789-abcdefghijklmnop';
  process.env.LOG_LEVEL = 'SILENT';
  process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
}
