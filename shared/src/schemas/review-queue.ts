/**
 * Design (issue 18): the authorities' queues at scale — 待审 (what waits in the caller's queue, oldest first) and
 * 已审 (what the caller decided, newest first), filtered by province (the ministry's view), the (demand's) field
 * and channel (province-forwarded or direct), the submission date and a search of the title. Additions to
 * `GET /v1/review/demands` and `GET /v1/review/applications`; without them both answer as before.
 */
import * as z from 'zod';
import { FIELD_KEYS } from '../constants';
import { applicationSummarySchema, APPLICATION_REVIEW_DECISIONS } from './application';
import { dateSchema, listQuerySchema, regionQuery, stampOut, textField } from './common';
import { DEMAND_CHANNELS, demandSummarySchema, REVIEW_DECISIONS, reviewQueueSchema } from './demand';

const queueQuery = /* @__NO_SIDE_EFFECTS__ */ () =>
  listQuerySchema.extend({
    /** pending (default): the queue; done: what the caller decided, newest first. */
    tab: z.enum(['pending', 'done'], { error: 'tab 只能为 pending（待审）或 done（已审）' }).optional(),
    /** The authority region (province, 计划单列市, 兵团) of the issuer or applicant. */
    region: regionQuery(),
    q: textField('搜索内容', 40, 1).optional(),
    /** Submitted on or after this Beijing day (YYYY-MM-DD). */
    since: dateSchema.optional(),
    /** The demand's field (an application's: its demand's). */
    field: z.enum(FIELD_KEYS, { error: '未知的领域' }).optional(),
    /** How the demand reached the ministry: province (省级转报) or ministry (企业直接报送). */
    channel: z
      .enum(DEMAND_CHANNELS, { error: '报送渠道只能为 province（省级转报）或 ministry（直接报送）' })
      .optional(),
  });

export const demandReviewQueueQuerySchema = /* @__PURE__ */ (() => queueQuery().strict())();
export type DemandReviewQueueQuery = z.infer<typeof demandReviewQueueQuerySchema>;

export const applicationReviewQueueQuerySchema = /* @__PURE__ */ (() => queueQuery().strict())();
export type ApplicationReviewQueueQuery = z.infer<typeof applicationReviewQueueQuerySchema>;

/** A line of 待审, or of 已审 with the decision the caller took and when (the demand as it was then). */
export const demandQueueItemSchema = /* @__PURE__ */ (() =>
  demandSummarySchema.extend({ decision: z.enum(REVIEW_DECISIONS).optional(), decidedAt: stampOut.optional() }))();
export type DemandQueueItem = z.infer<typeof demandQueueItemSchema>;

/** The queue's answer (`counts.total`: how many match the tab and filters), its lines with the decision. */
export const demandReviewQueueSchema = /* @__PURE__ */ (() =>
  reviewQueueSchema.extend({ items: z.array(demandQueueItemSchema) }))();

export const applicationQueueItemSchema = /* @__PURE__ */ (() =>
  applicationSummarySchema.extend({
    decision: z.enum(APPLICATION_REVIEW_DECISIONS).optional(),
    decidedAt: stampOut.optional(),
  }))();
export type ApplicationQueueItem = z.infer<typeof applicationQueueItemSchema>;

export const applicationReviewQueueSchema = /* @__PURE__ */ (() =>
  z.object({ items: z.array(applicationQueueItemSchema), nextCursor: z.string().nullable() }))();
