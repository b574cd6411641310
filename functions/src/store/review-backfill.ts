/**
 * `npm run review:backfill` (design, issue 18): the demand's field and submission channel on every application
 * and every 已审 entry of an application (D2) written before applications carried them (`demandFacets`), so that
 * 揭榜申请审核's field and channel filters find them. Run after the deploy (older code would write applications
 * without them). Idempotent: an item is updated only while it lacks `demandField`, so a second run writes
 * nothing. A decision racing the run may put back an application it read before the update: run it again.
 */
import { demandFacets, type Demand } from '@jiebang/shared';
import type { Store } from './client';
import { getRecord, updateIf } from './items';
import { ENTITY, keys, reviewedKeys } from './keys';
import { scanPages } from './query-all';

export interface ReviewBackfillReport {
  applications: number;
  reviewed: number;
  /** Items whose demand is gone (left as they are). */
  orphans: number;
}

export async function backfillReviewFacets(store: Store): Promise<ReviewBackfillReport> {
  const report: ReviewBackfillReport = { applications: 0, reviewed: 0, orphans: 0 };
  const demands = new Map<string, Demand | null>();
  const demandOf = async (id: string) => {
    if (!demands.has(id)) demands.set(id, await getRecord<Demand>(store, keys.demand(id)));
    return demands.get(id)!;
  };
  const pages = scanPages(store, {
    FilterExpression:
      'attribute_not_exists(demandField) AND (entityType = :app OR (entityType = :rev AND begins_with(PK, :d2)))',
    ExpressionAttributeValues: {
      ':app': ENTITY.application,
      ':rev': reviewedKeys.entity,
      ':d2': reviewedKeys.applications(''),
    },
  });
  for await (const items of pages) {
    for (const item of items) {
      const demand = await demandOf(String(item.demandId));
      if (!demand) {
        report.orphans++;
        continue;
      }
      const facets = demandFacets(demand);
      const values = Object.fromEntries(Object.entries(facets).map(([k, v]) => [`:${k}`, v]));
      const updated = await updateIf(store, {
        Key: { PK: item.PK, SK: item.SK },
        UpdateExpression: `SET ${Object.keys(facets)
          .map((k) => `${k} = :${k}`)
          .join(', ')}`,
        ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(demandField)',
        ExpressionAttributeValues: values,
      });
      if (updated) report[item.entityType === ENTITY.application ? 'applications' : 'reviewed']++;
    }
  }
  return report;
}
