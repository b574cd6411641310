/**
 * Verify the whole audit log (`npm run audit:verify`): the platform chain's daily links, and every object's trail
 * they cover or that moved since the last link, against its head and each anchor of it.
 *   npm run audit:verify                                  # the local table (npm start's DynamoDB Local)
 *   DYNAMODB_ENDPOINT= TABLE_NAME=jiebang-prod AWS_REGION=cn-northwest-1 npm run audit:verify
 * Reads only. Prints each break (object, place, what is wrong) and exits 1 when there is one.
 */
import { createStore } from '../functions/src/store/client';
import { DynamoAuditRepository } from '../functions/src/store/dynamo-audit';
import { verifyEverything } from '../functions/src/use-cases/audit';

async function main(): Promise<void> {
  const endpoint = process.env.DYNAMODB_ENDPOINT ?? 'http://127.0.0.1:8000';
  const table = process.env.TABLE_NAME ?? 'jiebang-local';
  const store = createStore({
    TABLE_NAME: table,
    AWS_REGION: process.env.AWS_REGION ?? 'cn-northwest-1',
    DYNAMODB_ENDPOINT: endpoint,
  });
  const r = await verifyEverything(new Date(), { audit: new DynamoAuditRepository(store) });
  console.log(
    `audit log of ${table}: ${r.days} daily links, ${r.objects} objects, ${r.events} events — ${r.ok ? '记录完整，未被篡改' : `${r.findings.length} 处不完整`}`,
  );
  for (const f of r.findings) for (const b of f.breaks) console.log(`  ${f.where} #${b.seq} ${b.reason}: ${b.message}`);
  if (!r.ok) process.exitCode = 1;
}

main().catch((err: unknown) => {
  console.error(`audit:verify failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 2;
});
