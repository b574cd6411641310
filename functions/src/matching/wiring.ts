/**
 * What the functions that write texts matching reads need: the keyword extractor (native jieba, loaded on first
 * use) and the posting writers. Imported only by those functions (orgs-update, achievements-create/update, the
 * indexer), so no other bundle references @node-rs/jieba (serverless.yml: external; functions/sls/jieba-package.cjs adds it to their packages).
 */
import type { Demand } from '@jiebang/shared';
import type { Store } from '../store/client';
import { DynamoMatchIndex, profilePostingItems } from '../store/dynamo-match-index';
import { extractKeywords } from './keywords';
import { tellingTerms } from './telling-terms';

/** Terms of a text as stored for matching: the 20 heaviest that tell what it is about (telling-terms.ts). */
export const keywordsForMatching = (text: string) => tellingTerms(extractKeywords(text, 40), 20);

/** The text a published demand's terms come from: title twice, background, difficulties, indicators. */
export const demandMatchingText = (d: Pick<Demand, 'title' | 'background' | 'difficulties' | 'indicators'>) =>
  [d.title, d.title, d.background, d.difficulties, ...d.indicators.map((i) => `${i.name} ${i.target}`)].join('\n');

/** The indexer's hook: a published demand's terms. */
export const demandMatching = (store: Store) => {
  const index = new DynamoMatchIndex(store);
  return (d: Demand) => index.writeDemand(d, keywordsForMatching(demandMatchingText(d)));
};

export const profilePostings =
  (store: Store) =>
  (before: Parameters<typeof profilePostingItems>[1], after: Parameters<typeof profilePostingItems>[2]) =>
    profilePostingItems(store.table, before, after);
