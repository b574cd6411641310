/**
 * 百场万企 matchmaking events (programmes.md §1, api.md "Routes added in the second wave"): the event an authority
 * organises, registrations of hosts and participants, the 预对接企业名单, 1:1 meetings in slots, check-in and
 * outcomes. Schemas built in pure IIFEs like every schema of this folder (see common.ts).
 */
import * as z from 'zod';
import { EVENT_OUTCOME_KIND_KEYS, EVENT_TYPE_KEYS, FIELD_KEYS, QUALIFICATION_KEYS } from '../constants';
import { idOut, instantSchema, nameOut, regionOut, regionQuery, stampOut, storableNumber, textField } from './common';

const idIn = /* @__PURE__ */ (() =>
  z
    .string()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/, '编号格式不正确'))();

const DAY = 86_400_000;

/** POST /v1/events: what the organiser fills in. */
export const eventInputSchema = /* @__PURE__ */ (() =>
  z
    .strictObject({
      type: z.enum(EVENT_TYPE_KEYS, { error: '请选择活动类型' }),
      title: textField('活动名称', 100, 4),
      chain: z.enum(FIELD_KEYS, { error: '请选择产业链' }),
      region: z.string({ error: '请选择举办地区' }).regex(/^\d{6}$/, '请选择举办地区（6 位行政区划代码）'),
      startsAt: instantSchema,
      endsAt: instantSchema,
      venue: textField('举办地点', 100).optional(),
      onlineUrl: z
        .string()
        .max(300, '线上链接不能超过 300 个字符')
        .regex(/^https:\/\/[^\s]+$/, '线上链接应以 https:// 开头')
        .optional(),
      registrationDeadline: instantSchema,
      capacity: storableNumber({ error: '名额应为数字' }, '名额')
        .int('名额应为整数')
        .min(1, '名额至少 1 个')
        .max(10000, '名额不能超过 10000 个')
        .optional(),
      description: textField('活动介绍', 2000, 10),
      coOrganisers: z
        .array(textField('协办单位', 50, 2))
        .max(10, '协办单位最多 10 个')
        .default([]),
      /** Length of a 1:1 meeting slot (programmes.md: 20 minutes by default). */
      slotMinutes: storableNumber({ error: '洽谈时段应为数字' }, '洽谈时段')
        .int('洽谈时段应为整数（分钟）')
        .min(10, '洽谈时段至少 10 分钟')
        .max(120, '洽谈时段不能超过 120 分钟')
        .default(20),
    })
    .superRefine((e, ctx) => {
      const starts = Date.parse(e.startsAt);
      const ends = Date.parse(e.endsAt);
      if (!(ends > starts)) ctx.addIssue({ code: 'custom', path: ['endsAt'], message: '结束时间应晚于开始时间' });
      else if (ends - starts > 7 * DAY)
        ctx.addIssue({ code: 'custom', path: ['endsAt'], message: '一场活动最长 7 天，请分场创建' });
      if (Date.parse(e.registrationDeadline) > starts)
        ctx.addIssue({ code: 'custom', path: ['registrationDeadline'], message: '报名截止时间不能晚于活动开始时间' });
      if (!e.venue && !e.onlineUrl)
        ctx.addIssue({ code: 'custom', path: ['venue'], message: '请填写举办地点或线上链接' });
    }))();
export type EventInput = z.infer<typeof eventInputSchema>;

/** A stored event as anyone allowed to see it reads it (nothing private: the organiser is a public body). */
export const eventSchema = /* @__PURE__ */ (() =>
  z.object({
    id: idOut,
    type: z.enum(EVENT_TYPE_KEYS),
    title: nameOut,
    chain: z.enum(FIELD_KEYS),
    region: regionOut,
    startsAt: z.string().max(40),
    endsAt: z.string().max(40),
    venue: nameOut.optional(),
    onlineUrl: z.string().max(300).optional(),
    registrationDeadline: z.string().max(40),
    capacity: z.number().int().optional(),
    description: z.string().max(2000),
    coOrganisers: z.array(z.string().max(50)),
    slotMinutes: z.number().int(),
    /** `closed` is derived at read time: published and past its end. */
    status: z.enum(['draft', 'published', 'cancelled', 'closed']),
    organiser: z.object({ principal: z.string().max(40), name: nameOut }),
    approvedCount: z.number().int(),
    checkedInCount: z.number().int(),
    confirmedOutcomes: z.number().int(),
    contractAmount: z.number(),
    version: z.number().int(),
    createdAt: stampOut,
    publishedAt: stampOut.optional(),
    cancelledAt: stampOut.optional(),
    cancelReason: z.string().max(500).optional(),
  }))();
export type MatchEvent = z.infer<typeof eventSchema>;

/** One event of the public calendar (a small card written when the event is published or changes state). */
export const eventCardSchema = /* @__PURE__ */ (() =>
  eventSchema
    .pick({
      id: true,
      type: true,
      title: true,
      chain: true,
      region: true,
      startsAt: true,
      endsAt: true,
      venue: true,
      registrationDeadline: true,
      status: true,
    })
    .extend({ organiserName: nameOut, online: z.boolean() }))();
export type EventCard = z.infer<typeof eventCardSchema>;

/** GET /v1/events: the calendar's filters; `upcoming=1` lists events not started yet, soonest first. */
export const eventCalendarQuerySchema = /* @__PURE__ */ (() =>
  z.object({
    region: regionQuery('地区应为 6 位行政区划代码'),
    chain: z.enum(FIELD_KEYS, { error: '产业链不正确' }).optional(),
    type: z.enum(EVENT_TYPE_KEYS, { error: '活动类型不正确' }).optional(),
    upcoming: z.enum(['1', '0']).optional(),
  }))();

export const eventCancelSchema = /* @__PURE__ */ (() => z.strictObject({ reason: textField('取消原因', 500, 2) }))();

/** POST /v1/events/{id}/registrations. */
export const registrationInputSchema = /* @__PURE__ */ (() =>
  z
    .strictObject({
      role: z.enum(['host', 'participant'], { error: '请选择参会身份' }),
      offers: textField('可提供的技术、产品或服务', 500).default(''),
      needs: textField('合作需求', 500).default(''),
      /** Host: published demands of the enterprise shown at the event. */
      demandIds: z.array(idIn).max(5, '最多关联 5 项需求').default([]),
      /** What the registrant works on: used by the pre-matching (产业链/领域). */
      fields: z
        .array(z.enum(FIELD_KEYS, { error: '领域不正确' }))
        .max(3, '最多选择 3 个领域')
        .default([]),
    })
    .superRefine((r, ctx) => {
      if (!r.offers && !r.needs)
        ctx.addIssue({ code: 'custom', path: ['needs'], message: '请填写合作需求或可提供的技术、产品或服务' });
      if (r.role === 'host' && !r.needs)
        ctx.addIssue({ code: 'custom', path: ['needs'], message: '发布需求的大企业请填写合作需求' });
      if (r.role === 'participant' && r.demandIds.length > 0)
        ctx.addIssue({ code: 'custom', path: ['demandIds'], message: '只有发布需求的大企业可以关联需求' });
    }))();
export type RegistrationInput = z.infer<typeof registrationInputSchema>;

export const registrationDecisionSchema = /* @__PURE__ */ (() =>
  z
    .strictObject({
      decision: z.enum(['approve', 'reject'], { error: '请选择通过或不通过' }),
      comment: textField('审核意见', 500).optional(),
    })
    .refine((d) => d.decision === 'approve' || !!d.comment, {
      path: ['comment'],
      message: '不通过时请填写原因',
    }))();

const contactOut = /* @__PURE__ */ (() =>
  z.object({
    name: z.string().max(50),
    title: z.string().max(50).optional(),
    phone: z.string().max(30),
    email: z.string().max(100).optional(),
  }))();

/** What anyone approved at the event may see of a registrant: never its contact (that comes with a meeting). */
export const registrantSchema = /* @__PURE__ */ (() =>
  z.object({
    id: idOut,
    orgName: nameOut,
    orgKind: z.string().max(20),
    orgRegion: regionOut,
    role: z.enum(['host', 'participant']),
    offers: z.string().max(500),
    needs: z.string().max(500),
    fields: z.array(z.enum(FIELD_KEYS)),
    qualifications: z.array(z.enum(QUALIFICATION_KEYS)),
    demands: z.array(z.object({ id: idOut, title: nameOut })),
  }))();
export type Registrant = z.infer<typeof registrantSchema>;

/** A registration as the organiser and the registrant's own enterprise see it. */
export const registrationSchema = /* @__PURE__ */ (() =>
  registrantSchema.extend({
    eventId: idOut,
    eventTitle: nameOut,
    eventStartsAt: z.string().max(40),
    orgId: idOut,
    status: z.enum(['pending', 'approved', 'rejected']),
    comment: z.string().max(500).optional(),
    contact: contactOut,
    checkedInAt: stampOut.optional(),
    version: z.number().int(),
    createdAt: stampOut,
    decidedAt: stampOut.optional(),
  }))();
export type Registration = z.infer<typeof registrationSchema>;

export const meetingSchema = /* @__PURE__ */ (() =>
  z.object({
    id: idOut,
    eventId: idOut,
    fromRegistrationId: idOut,
    toRegistrationId: idOut,
    fromOrgName: nameOut,
    toOrgName: nameOut,
    slotStart: stampOut,
    slotEnd: stampOut,
    status: z.enum(['requested', 'accepted', 'declined']),
    note: z.string().max(200).optional(),
    /** The other side's contact: only once the meeting is accepted. */
    counterpartContact: contactOut.optional(),
    createdAt: stampOut,
    decidedAt: stampOut.optional(),
  }))();
export type Meeting = z.infer<typeof meetingSchema>;

export const meetingInputSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    withRegistrationId: idIn,
    slotStart: instantSchema,
    note: textField('洽谈事项', 200).optional(),
  }))();

export const meetingDecisionSchema = /* @__PURE__ */ (() =>
  z.strictObject({ decision: z.enum(['accept', 'decline'], { error: '请选择接受或婉拒' }) }))();

export const checkInInputSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    code: z
      .string({ error: '请输入签到码' })
      .trim()
      .toUpperCase()
      .regex(/^[0-9A-Z]{12}$/, '签到码为 12 位字母或数字'),
  }))();

export const checkInResultSchema = /* @__PURE__ */ (() =>
  z.object({
    registrationId: idOut,
    orgName: nameOut,
    role: z.enum(['host', 'participant']),
    checkedInAt: stampOut,
  }))();

export const outcomeInputSchema = /* @__PURE__ */ (() =>
  z
    .strictObject({
      withRegistrationId: idIn,
      kind: z.enum(EVENT_OUTCOME_KIND_KEYS, { error: '请选择成果类型' }),
      /** 万元, contracts only. */
      amount: storableNumber({ error: '金额应为数字（万元）' }, '金额')
        .min(0, '金额不能为负数')
        .max(1e7, '金额过大')
        .optional(),
      note: textField('说明', 300).optional(),
    })
    .superRefine((o, ctx) => {
      if (o.kind === 'contract' && o.amount === undefined)
        ctx.addIssue({ code: 'custom', path: ['amount'], message: '签约合同请填写金额（万元）' });
      if (o.kind !== 'contract' && o.amount !== undefined)
        ctx.addIssue({ code: 'custom', path: ['amount'], message: '只有签约合同填写金额' });
    }))();

export const outcomeSchema = /* @__PURE__ */ (() =>
  z.object({
    id: idOut,
    eventId: idOut,
    byRegistrationId: idOut,
    withRegistrationId: idOut,
    byOrgName: nameOut,
    withOrgName: nameOut,
    kind: z.enum(EVENT_OUTCOME_KIND_KEYS),
    amount: z.number().optional(),
    note: z.string().max(300).optional(),
    status: z.enum(['recorded', 'confirmed']),
    createdAt: stampOut,
    confirmedAt: stampOut.optional(),
  }))();
export type EventOutcome = z.infer<typeof outcomeSchema>;

/** One pair of the 预对接企业名单: a host's needs × a participant's offers, with the reasons in Chinese. */
export const prematchPairSchema = /* @__PURE__ */ (() =>
  z.object({
    hostRegistrationId: idOut,
    participantRegistrationId: idOut,
    hostOrgName: nameOut,
    participantOrgName: nameOut,
    /** 0–100. */
    score: z.number().int(),
    reasons: z.array(z.string().max(100)),
  }))();
export type PrematchPair = z.infer<typeof prematchPairSchema>;

export const prematchSchema = /* @__PURE__ */ (() =>
  z.object({
    /** When the organiser fixed the list (its pairs are then the fixed ones); null: the platform's suggestion. */
    fixedAt: stampOut.nullable(),
    pairs: z.array(prematchPairSchema),
  }))();

export const prematchQuerySchema = /* @__PURE__ */ (() => z.strictObject({ suggest: z.enum(['1']).optional() }))();

export const prematchFixSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    pairs: z
      .array(z.strictObject({ hostRegistrationId: idIn, participantRegistrationId: idIn }))
      .min(1, '请至少选择一对企业')
      .max(500, '名单最多 500 对'),
  }))();

/** GET /v1/events/{id}/registration: the caller's own registration with its pass, partners and meetings. */
export const myRegistrationSchema = /* @__PURE__ */ (() =>
  z.object({
    registration: registrationSchema,
    /** Approved only: the single-use check-in code shown as a QR code. */
    pass: z.object({ code: z.string().max(12) }).nullable(),
    partners: z.array(prematchPairSchema),
    meetings: z.array(meetingSchema),
    outcomes: z.array(outcomeSchema),
  }))();
export type MyRegistration = z.infer<typeof myRegistrationSchema>;

/** GET /v1/registrations: the caller's enterprise's registrations, with the event's card. */
export const myRegistrationItemSchema = /* @__PURE__ */ (() =>
  registrationSchema.pick({
    id: true,
    eventId: true,
    eventTitle: true,
    eventStartsAt: true,
    role: true,
    status: true,
  }))();
