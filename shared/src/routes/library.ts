/**
 * 科技成果赋智 (issue 15): the achievement library (成果库), interests (对接意向) and matching (精准对接). Paths and
 * fields follow api.md "Achievement and SME-demand libraries" and "Matching"; the review queue and the interest
 * lists are this area's additions (written into the OpenAPI document).
 */
import * as z from 'zod';
import {
  achievementDetailSchema,
  achievementInputSchema,
  achievementReviewSchema,
  achievementSchema,
  interestDecisionSchema,
  interestInputSchema,
  interestSchema,
  interestTechManagerInputSchema,
  interestsQuerySchema,
  libraryQuerySchema,
  matchSchema,
  achievementCardSchema,
  recommendationSchema,
  recommendationsQuerySchema,
} from '../schemas/library';
import { conditionalGet, defineListRoute, defineRoute, rateLimit } from './define';

export const achievementsCreate = /* @__PURE__ */ defineRoute({
  method: 'POST',
  path: '/v1/achievements',
  summary: '登记科技成果（高校、科研院所、企业的成员）：草稿',
  body: achievementInputSchema,
  response: achievementSchema,
  status: 201,
  errors: [403],
  steps: [/* @__PURE__ */ rateLimit('drafts')],
});

export const achievementsUpdate = /* @__PURE__ */ defineRoute({
  method: 'PUT',
  path: '/v1/achievements/{id}',
  summary: '修改科技成果（草稿或已退回；成果单位成员）',
  body: achievementInputSchema,
  response: achievementSchema,
  errors: [409, 422],
  steps: [/* @__PURE__ */ rateLimit('drafts')],
});

export const achievementsSubmit = /* @__PURE__ */ defineRoute({
  method: 'POST',
  path: '/v1/achievements/{id}/submit',
  summary: '报送科技成果，由成果单位所属主管部门审核',
  response: achievementSchema,
  errors: [409],
  steps: [/* @__PURE__ */ rateLimit('submit')],
});

export const reviewAchievementsList = /* @__PURE__ */ defineListRoute({
  path: '/v1/review/achievements',
  summary: '待审核科技成果（本辖区，按报送时间正序）',
  item: achievementSchema,
  errors: [403],
});

export const reviewAchievementsDecide = /* @__PURE__ */ defineRoute({
  method: 'POST',
  path: '/v1/review/achievements/{id}',
  summary: '审核科技成果：publish 发布到成果库，return 退回（须填写原因）',
  body: achievementReviewSchema,
  response: achievementSchema,
  errors: [403, 409],
});

/** max-age 30 s like the catalogue: a newly published achievement shows within half a minute. */
export const achievementsList = /* @__PURE__ */ defineListRoute({
  path: '/v1/achievements',
  summary:
    '成果库：已发布的科技成果，按发布时间倒序；可按领域、技术成熟度、转化方式筛选及关键词搜索（q）；mine=1 为本单位的全部成果（须登录）',
  auth: 'optional',
  filters: libraryQuerySchema,
  item: achievementCardSchema,
  steps: [/* @__PURE__ */ conditionalGet(30)],
});

export const achievementsGet = /* @__PURE__ */ defineRoute({
  method: 'GET',
  path: '/v1/achievements/{id}',
  summary: '一项科技成果：公众可见已发布的公开部分；成果单位成员及其主管部门另见联系人与审核意见',
  auth: 'optional',
  response: achievementDetailSchema,
  steps: [/* @__PURE__ */ conditionalGet(0)],
});

export const interestsCreate = /* @__PURE__ */ defineRoute({
  method: 'POST',
  path: '/v1/achievements/{id}/interests',
  summary: '对已发布的科技成果提出对接意向（企业或机构成员；每家单位对一项成果一次）',
  body: interestInputSchema,
  response: interestSchema,
  status: 201,
  errors: [403, 409],
  steps: [/* @__PURE__ */ rateLimit('drafts')],
});

export const interestsList = /* @__PURE__ */ defineListRoute({
  path: '/v1/interests',
  summary: '本单位收到（box=received）或发出（box=sent）的对接意向，最新在前',
  filters: interestsQuerySchema,
  item: interestSchema,
  errors: [403],
});

export const interestsGet = /* @__PURE__ */ defineRoute({
  method: 'GET',
  path: '/v1/interests/{id}',
  summary: '一条对接意向（双方单位成员）；接受后含双方联系人',
  response: interestSchema,
});

export const interestsDecide = /* @__PURE__ */ defineRoute({
  method: 'POST',
  path: '/v1/interests/{id}',
  summary:
    '处理对接意向：成果单位 accept（交换联系人，进入洽谈中）或 decline；洽谈中双方可 sign（已签约）或 close（已终止）',
  body: interestDecisionSchema,
  response: interestSchema,
  errors: [403, 409],
});

export const interestsTechManager = /* @__PURE__ */ defineRoute({
  method: 'PUT',
  path: '/v1/interests/{id}/tech-manager',
  summary:
    '指派技术经理人（成果单位管理员）：本单位或服务机构、科研院所中角色为 tech_manager 的用户（userId 即其技术经理人编号），' +
    'userId 为 null 时取消指派；仅待回复或洽谈中的意向（409 INVALID_TRANSITION）；编号不存在 422 UNKNOWN_TECH_MANAGER，' +
    '不是技术经理人 422 NOT_TECH_MANAGER，所在单位不是服务机构或科研院所 422 TECH_MANAGER_ORG_KIND，' +
    '属于意向方单位 422 TECH_MANAGER_OF_SENDER；' +
    '技术经理人只看到指派给自己的对接意向',
  body: interestTechManagerInputSchema,
  response: interestSchema,
  errors: [403, 409, 422],
  steps: [/* @__PURE__ */ rateLimit('drafts')],
});

export const recommendationsList = /* @__PURE__ */ defineRoute({
  method: 'GET',
  path: '/v1/recommendations',
  summary: '为你推荐：按本单位的领域、关键词、地区为本单位排序的已发布需求，每条附推荐理由；不含关联企业发布的需求',
  query: recommendationsQuerySchema,
  response: /* @__PURE__ */ (() => z.object({ items: z.array(recommendationSchema) }))(),
  errors: [403],
});

export const demandMatches = /* @__PURE__ */ defineRoute({
  method: 'GET',
  path: '/v1/demands/{id}/matches',
  summary: '匹配的企业与成果：为一项需求排序的单位与科技成果，每条附理由（发榜企业成员、主管部门）',
  response: /* @__PURE__ */ (() => z.object({ items: z.array(matchSchema) }))(),
});
