/**
 * `npm run review:backfill`: the demand's field and submission channel on applications and their 已审 entries
 * written before they carried them (functions/src/store/review-backfill.ts) — 揭榜申请审核 filters on them. Run once
 * after the deploy; idempotent.
 */
import { backfillReviewFacets } from '../functions/src/store/review-backfill';
import { cliTable, runCli } from './cli';

async function main(): Promise<void> {
  const { store, table, endpoint } = cliTable();
  const r = await backfillReviewFacets(store);
  console.log(
    `review:backfill of ${table} at ${endpoint || 'AWS'}: ${r.applications} applications, ${r.reviewed} 已审 entries, ` +
      `${r.orphans} left without a demand`,
  );
}

runCli('review:backfill', main);
