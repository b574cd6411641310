import * as z from 'zod';
import { freeText, instantSchema, stampOut, storableNumber } from './common';

export const campaignInputSchema = /* @__PURE__ */ (() =>
  z
    .strictObject({
      year: storableNumber({ error: '请填写年度' }, '年度')
        .int()
        .min(2020, '年度不早于 2020')
        .max(2100, '年度不晚于 2100'),
      title: freeText(undefined, '名称').min(2, '请填写名称').max(100, '名称不能超过 100 个字'),
      demandIntakeDeadline: instantSchema,
      applicationDeadline: instantSchema,
      selectionDeadline: instantSchema,
    })
    .refine((c) => Date.parse(c.demandIntakeDeadline) <= Date.parse(c.applicationDeadline), {
      path: ['applicationDeadline'],
      message: '揭榜截止时间不能早于需求征集截止时间',
    })
    .refine((c) => Date.parse(c.applicationDeadline) <= Date.parse(c.selectionDeadline), {
      path: ['selectionDeadline'],
      message: '遴选截止时间不能早于揭榜截止时间',
    }))();

export const campaignSchema = /* @__PURE__ */ (() => campaignInputSchema.safeExtend({ createdAt: stampOut }))();
export type Campaign = z.infer<typeof campaignSchema>;

/** Ministry's "current campaign" answer and POST /v1/campaigns result. */
export type CampaignInput = z.infer<typeof campaignInputSchema>;
