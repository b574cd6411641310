/**
 * Write the 揭榜企业与政策支持 entries (SP1, SP2) of selections decided before they existed, from a campaign's result
 * lines (`npm run support:index -- <year>`). Idempotent: an entry's demands are a set and its support counts are
 * left as they are; reopened lines are skipped.
 */
import { cliTable, runCli } from './cli';
import { DynamoEvaluationRepository } from '../functions/src/store/dynamo-evaluation';
import { DynamoPolicySupportRepository } from '../functions/src/store/dynamo-policy-support';

async function main(): Promise<void> {
  const year = Number(process.argv[2]);
  if (!Number.isInteger(year) || year < 2000) throw new Error('usage: npm run support:index -- <year>');
  const { store, table, endpoint } = cliTable();
  const lines = await new DynamoEvaluationRepository(store).allResults(year, undefined);
  const n = await new DynamoPolicySupportRepository(store).rebuild(lines);
  console.log(
    `support:index ${year} of ${table} at ${endpoint || 'AWS'}: ${n} of ${lines.length} result lines indexed`,
  );
}

runCli('support:index', main);
