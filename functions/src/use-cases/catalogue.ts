import type { CatalogueDetail, CatalogueItem, CatalogueQuery } from '@jiebang/shared';
import { isPublic, toCatalogueDetail, withOpen } from '../domain/publication';
import { parseSearchQuery } from '../domain/search-terms';
import { NotFound, InvalidInput } from '../domain/errors';
import type { DemandRepository, Page } from '../store/repositories';

/**
 * One page of the public catalogue, newest first, for any combination of field, region, open and keyword: one
 * Query (two when `open=1` must skip cards just past their deadline, or with a keyword: postings + BatchGet).
 */
export async function listCatalogue(
  q: CatalogueQuery & { limit: number; cursor?: string | undefined },
  d: { demands: DemandRepository; now: Date },
): Promise<Page<CatalogueItem>> {
  const keyword = q.q?.trim() || undefined;
  if (keyword && !parseSearchQuery(keyword)) {
    throw new InvalidInput('搜索词有误', { q: '搜索词至少需要 2 个连续的汉字、字母或数字' });
  }
  const open = q.open === undefined ? undefined : q.open === '1';
  const page = await d.demands.listCatalogue(
    { field: q.field, region: q.region, open, q: keyword, track: q.track },
    q.limit,
    q.cursor,
    d.now,
  );
  return { items: page.items.map((c) => withOpen(c, d.now)), nextCursor: page.nextCursor };
}

/** One published demand as the public may see it: one GetItem. Unpublished demands do not exist publicly. */
export async function getCatalogueDemand(
  id: string,
  d: { demands: DemandRepository; now: Date },
): Promise<CatalogueDetail> {
  const demand = await d.demands.get(id);
  if (!demand || !isPublic(demand)) throw new NotFound('该需求不存在或尚未发布');
  return toCatalogueDetail(demand, d.now);
}
