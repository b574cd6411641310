/**
 * `npm run matching:backfill`: the items recommendations read in one request (keys.ts M3: organisations' matching
 * views, reverse affiliate entries), members' credit codes, and the removal of postings of demands no longer
 * published — for a table written before they existed (functions/src/store/match-backfill.ts). Idempotent.
 */
import { cliTable, runCli } from './cli';
import { backfillMatching } from '../functions/src/store/match-backfill';

async function main(): Promise<void> {
  const { store, table, endpoint } = cliTable();
  const r = await backfillMatching(store);
  console.log(
    `matching:backfill of ${table} at ${endpoint || 'AWS'}: ${r.views} views, ${r.reverseEntries} reverse entries, ` +
      `${r.memberships} memberships, ${r.unposted} demands' postings removed`,
  );
}

runCli('matching:backfill', main);
