/**
 * The public catalogue: published demands as anyone may see them. Both routes answer repeat reads with 304
 * (conditionalGet): the mini-program reopens the list and its cards all day, and most of the time nothing changed.
 */
import { catalogueDetailSchema, catalogueItemSchema, catalogueQuerySchema } from '../schemas/demand';
import { conditionalGet, defineListRoute, defineRoute } from './define';

/**
 * max-age 30 s for the list (a newly published demand shows within half a minute), 60 s for one demand (its
 * withdrawal or changed deadline within a minute); after that the client revalidates with If-None-Match and gets a
 * bodiless 304 when nothing changed.
 */
export const catalogueList = /* @__PURE__ */ defineListRoute({
  path: '/v1/catalogue',
  summary: '需求目录：已发布的需求，按发布时间倒序；可按领域、地区、是否可揭榜筛选及关键词搜索（q，至少 2 个字）',
  auth: 'none',
  filters: catalogueQuerySchema,
  item: catalogueItemSchema,
  steps: [/* @__PURE__ */ conditionalGet(30)],
});

export const catalogueGet = /* @__PURE__ */ defineRoute({
  method: 'GET',
  path: '/v1/catalogue/{id}',
  summary: '需求目录中的一条需求（匿名发榜时不含企业信息）',
  auth: 'none',
  response: catalogueDetailSchema,
  steps: [/* @__PURE__ */ conditionalGet(60)],
});
