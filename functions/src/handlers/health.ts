import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { health } from '@jiebang/shared/routes/core';
import { route } from '../http/route';

/** GET /v1/health: ok when the table answers a read (a miss on a fixed key: 0.5 RCU). */
export const handler = route(health, async ({ deps }) => {
  await deps.store.doc.send(new GetCommand({ TableName: deps.store.table, Key: { PK: 'HEALTH', SK: 'PROBE' } }));
  return { body: { ok: true } };
});
