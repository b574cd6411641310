import type { CatalogueDetail, CatalogueItem } from '@jiebang/shared';
import { isPublic, toCatalogueDetail, withOpen } from '../domain/publication';
import { NotFoundError } from '../http/errors';
import type { DemandRepository, Page } from '../store/repositories';

/** One page of the public catalogue, newest first: one Query. */
export async function listCatalogue(
  q: { limit: number; cursor?: string | undefined },
  d: { demands: DemandRepository; now: Date },
): Promise<Page<CatalogueItem>> {
  const page = await d.demands.listCatalogue(q.limit, q.cursor);
  return { items: page.items.map((c) => withOpen(c, d.now)), nextCursor: page.nextCursor };
}

/** One published demand as the public may see it: one GetItem. Unpublished demands do not exist publicly. */
export async function getCatalogueDemand(id: string, d: { demands: DemandRepository; now: Date }): Promise<CatalogueDetail> {
  const demand = await d.demands.get(id);
  if (!demand || !isPublic(demand)) throw new NotFoundError('该需求不存在或尚未发布');
  return toCatalogueDetail(demand, d.now);
}
