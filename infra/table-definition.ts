/**
 * The one DynamoDB table, read from `infra/table.json` — the same file `serverless.yml` puts into its
 * CloudFormation `resources`. Local start-up and tests create the table from it. (Not `infra/table.ts`: Node resolves
 * `../table` to the JSON file first when a jest global setup loads this code through require hooks.)
 */
import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';
import definition from './table.json' with { type: 'json' };

export const TABLE_DEFINITION = definition;

/** CreateTable input for DynamoDB Local (drops the properties CreateTable does not take). */
export function createTableInput(tableName: string): CreateTableCommandInput {
  const { AttributeDefinitions, KeySchema, GlobalSecondaryIndexes, BillingMode } = definition;
  return {
    TableName: tableName,
    AttributeDefinitions,
    KeySchema,
    GlobalSecondaryIndexes,
    BillingMode,
  } as CreateTableCommandInput;
}

export const TTL_ATTRIBUTE = definition.TimeToLiveSpecification.AttributeName;
