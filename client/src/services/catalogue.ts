import '../lib/zod-setup';
import { catalogueDetailSchema, catalogueItemSchema, listResponseSchema } from '@jiebang/shared';
import type { CatalogueDetail, CatalogueItem, FieldKey } from '@jiebang/shared';
import { request } from './http';

const catalogueListSchema = listResponseSchema(catalogueItemSchema);

export interface CatalogueQuery {
  field?: FieldKey;
  region?: string;
  q?: string;
  /** true: only demands still accepting applications. */
  open?: boolean;
  limit?: number;
  cursor?: string | null;
}

export interface CataloguePage {
  items: CatalogueItem[];
  nextCursor: string | null;
}

/** One page of the public catalogue (GET /v1/catalogue), newest first. */
export function list(query: CatalogueQuery = {}): Promise<CataloguePage> {
  return request('/v1/catalogue', catalogueListSchema, {
    query: {
      field: query.field,
      region: query.region,
      q: query.q,
      open: query.open === undefined ? undefined : query.open ? '1' : '0',
      limit: query.limit,
      cursor: query.cursor,
    },
  });
}

/** One published demand (GET /v1/catalogue/{id}); 404 when it does not exist or is not published. */
export function get(id: string): Promise<CatalogueDetail> {
  return request(`/v1/catalogue/${encodeURIComponent(id)}`, catalogueDetailSchema);
}
