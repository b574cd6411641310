/** What a test reads straight from the table, past the API (inspection only): a whole partition, an inbox. */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { deps } from '../../functions/src/deps';
import { keys } from '../../functions/src/store/keys';

/** Every item of a partition (one Query: the partitions tests look at stay small), as just written. */
export async function partition(pk: string) {
  const out = await deps().store.doc.send(
    new QueryCommand({
      TableName: deps().store.table,
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': pk },
      ConsistentRead: true,
    }),
  );
  return out.Items ?? [];
}

/** The notifications of a principal (`org:<id>`, `user:<id>`, `authority:<region>`, `ministry`). */
export const inboxOf = (principal: string) => partition(keys.inboxPartition(principal));
