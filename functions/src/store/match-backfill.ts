/**
 * `npm run matching:backfill`: what recommendations read in one request (keys.ts M3) and may trust without a
 * second look, for a table written before they existed — idempotent, safe beside live traffic:
 * - an organisation's matching view (`#ORG`), put only where none is stored (a live update writes its own);
 * - the reverse entry of every stored affiliate item (a sweep racing this may leave one behind: that issuer is
 *   then excluded from the code's recommendations until the next run — never the other way round);
 * - the enterprise's credit code on its members' user items (conditional on the membership read);
 * - the postings of demands no longer published (withdrawn before withdrawals removed them), deleted on condition
 *   that the demand is still not published and its terms item unchanged.
 */
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Org } from '@jiebang/shared';
import type { Store } from './client';
import { DynamoMatchIndex } from './dynamo-match-index';
import { matchViewPut } from './dynamo-orgs';
import { conditionHeld, fromItem, updateIf } from './items';
import { ENTITY, keys, LIBRARY_ENTITY, libraryKeys } from './keys';
import { entityTypesFilter, scanPages } from './query-all';
import { transact, TransactionRefused, writeItem } from './transact';

type Item = Record<string, unknown>;

export interface MatchBackfillReport {
  views: number;
  reverseEntries: number;
  memberships: number;
  unposted: number;
}

async function scan(store: Store, entityTypes: string[]): Promise<Item[]> {
  const out: Item[] = [];
  for await (const items of scanPages(store, entityTypesFilter(entityTypes))) out.push(...items);
  return out;
}

export async function backfillMatching(store: Store): Promise<MatchBackfillReport> {
  const report: MatchBackfillReport = { views: 0, reverseEntries: 0, memberships: 0, unposted: 0 };
  const items = await scan(store, [ENTITY.org, ENTITY.affiliate, ENTITY.user, LIBRARY_ENTITY.demandTerms]);
  const orgs = new Map<string, Org>();
  const match = new DynamoMatchIndex(store);
  for (const i of items.filter((x) => x.entityType === ENTITY.org)) {
    const org = fromItem<Org>(i);
    orgs.set(org.id, org);
    const put = writeItem(matchViewPut(store.table, org)).Put!;
    if (
      await conditionHeld(() =>
        store.doc.send(new PutCommand({ ...put, ConditionExpression: 'attribute_not_exists(PK)' })),
      )
    )
      report.views++;
  }
  for (const i of items) {
    if (i.entityType === ENTITY.affiliate) {
      const issuerOrgId = String(i.PK).slice('ORG#'.length);
      const rest = String(i.SK).slice('AFFILIATE#'.length);
      const cut = rest.indexOf('#');
      const gen = cut < 0 ? '' : rest.slice(0, cut);
      const code = cut < 0 ? rest : rest.slice(cut + 1);
      await store.doc.send(
        new PutCommand({
          TableName: store.table,
          Item: {
            ...libraryKeys.affiliatedBy(code, issuerOrgId, gen),
            entityType: LIBRARY_ENTITY.affiliatedBy,
            issuerOrgId,
            gen,
          },
        }),
      );
      report.reverseEntries++;
    } else if (i.entityType === ENTITY.user && typeof i.orgId === 'string' && !i.orgCreditCode) {
      const org = orgs.get(i.orgId);
      if (!org) continue;
      const done = await updateIf(store, {
        Key: keys.user(String(i.id)),
        UpdateExpression: 'SET orgCreditCode = :code',
        ConditionExpression: 'orgId = :org',
        ExpressionAttributeValues: { ':code': org.creditCode, ':org': org.id },
      });
      if (done) report.memberships++;
    } else if (i.entityType === LIBRARY_ENTITY.demandTerms && !i.unposted) {
      const demandId = String(i.PK).slice('DEMAND#'.length, -'#TERMS'.length);
      try {
        await transact(store, [
          {
            ConditionCheck: {
              TableName: store.table,
              Key: keys.demand(demandId),
              ConditionExpression: 'attribute_not_exists(#s) OR #s <> :published',
              ExpressionAttributeNames: { '#s': 'status' },
              ExpressionAttributeValues: { ':published': 'published' },
            },
          },
          ...(await match.unpostDemandItems(demandId)),
        ]);
        report.unposted++;
      } catch (err) {
        if (!(err instanceof TransactionRefused)) throw err; // still published, or indexed meanwhile: kept
      }
    }
  }
  return report;
}
