/**
 * Recompute the statistics counters from the records and report any drift (`npm run stats:rebuild`):
 *   npm run stats:rebuild                 # the local table (npm start's DynamoDB Local); report only
 *   npm run stats:rebuild -- --fix        # also replace the counter items that drifted
 *   DYNAMODB_ENDPOINT= TABLE_NAME=jiebang-prod AWS_REGION=cn-northwest-1 npm run stats:rebuild
 * Exit code 2 when drift was found and not fixed (functions/src/store/counters-rebuild.ts).
 */
import { cliTable, runCli } from './cli';
import { rebuildCounters } from '../functions/src/store/counters-rebuild';

async function main(): Promise<void> {
  const { store, table, endpoint } = cliTable();
  const fix = process.argv.includes('--fix');
  const started = Date.now();
  const r = await rebuildCounters(store, { fix });
  const records = Object.entries(r.records)
    .map(([t, n]) => `${n} ${t}`)
    .join(', ');
  console.log(
    `stats:rebuild of ${table} at ${endpoint || 'AWS'}: ${records || 'no records'}, ${r.counterItems} counter items, ${r.drift.length} drifted counters${r.fixed ? ' (fixed)' : ''} — ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  for (const d of r.drift.slice(0, 50))
    console.log(`  ${d.year} ${d.region} S${d.shard} ${d.name}: stored ${d.stored}, expected ${d.expected}`);
  if (r.drift.length > 50) console.log(`  … and ${r.drift.length - 50} more`);
  if (r.drift.length > 0 && !r.fixed) process.exitCode = 2;
}

runCli('stats:rebuild', main);
