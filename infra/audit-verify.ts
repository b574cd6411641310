/**
 * Verify the whole audit log (`npm run audit:verify`): the platform chain's daily links, and every object's trail
 * they cover or that moved since the last link, against its head and each anchor of it.
 *   npm run audit:verify                                  # the local table (npm start's DynamoDB Local)
 *   DYNAMODB_ENDPOINT= TABLE_NAME=jiebang-prod AWS_REGION=cn-northwest-1 npm run audit:verify
 * Reads only. Prints each break (object, place, what is wrong) and exits 1 when there is one.
 */
import { cliTable, runCli } from './cli';
import { DynamoAuditRepository } from '../functions/src/store/dynamo-audit';
import { verifyEverything } from '../functions/src/use-cases/audit';

async function main(): Promise<void> {
  const { store, table } = cliTable();
  const r = await verifyEverything(new Date(), { audit: new DynamoAuditRepository(store) });
  console.log(
    `audit log of ${table}: ${r.days} daily links, ${r.objects} objects, ${r.events} events — ${r.ok ? '记录完整，未被篡改' : `${r.findings.length} 处不完整`}`,
  );
  for (const f of r.findings) for (const b of f.breaks) console.log(`  ${f.where} #${b.seq} ${b.reason}: ${b.message}`);
  if (!r.ok) process.exitCode = 1;
}

runCli('audit:verify', main, 2);
