import '../lib/zod-setup';
import type { CatalogueDetail, CatalogueItem, DemandTrack, FieldKey } from '@jiebang/shared';
import { catalogueGet, catalogueList } from '@jiebang/shared/routes/catalogue';
import { call } from './api';

export interface CatalogueQuery {
  field?: FieldKey;
  region?: string;
  q?: string;
  /** true: only demands still accepting applications. */
  open?: boolean;
  /** SME 发榜 (library area): 大企业发榜 or 中小企业发榜; both when absent. */
  track?: DemandTrack;
  limit?: number;
  cursor?: string | null;
}

export interface CataloguePage {
  items: CatalogueItem[];
  nextCursor: string | null;
}

/** One page of the public catalogue, newest first (revalidated: an unchanged page costs a bodiless 304). */
export function list(query: CatalogueQuery = {}): Promise<CataloguePage> {
  return call(catalogueList, {
    query: {
      field: query.field,
      region: query.region,
      q: query.q,
      open: query.open === undefined ? undefined : query.open ? '1' : '0',
      track: query.track,
      limit: query.limit,
      cursor: query.cursor,
    },
  });
}

/** One published demand (revalidated like the list); 404 when it does not exist or is not published. */
export function get(id: string): Promise<CatalogueDetail> {
  return call(catalogueGet, { params: { id } });
}
