/**
 * 公示 (issue 17; programmes.md §5): the 揭榜名单 with its notice period, objections filed by registered
 * enterprises during a result's period (server clock, working days), and the ministry's answer to each, once.
 * An upheld objection reopens that demand's selection for its issuer (demand back to 评审中, decided applications
 * back to released, the lines shown as 重新遴选) in the answer's transaction; a result is final once its period
 * passed with no objection pending or upheld.
 *
 * Anonymity: the objector is named only to the ministry and to itself (the objection's view); the issuer's and
 * the applicants' notices, the lines and the demand's trail never carry it. An anonymous issuer stays 匿名发榜企业
 * in every view here (the lines never hold its name; the objection carries the demand's title only).
 */
import {
  formatShanghai,
  links,
  mayObject,
  nextDemandStatus,
  OBJECTION_STATUS_LABELS,
  resultNoticePeriod,
  type Demand,
  type Notification,
  type Objection,
  type ObjectionDecisionInput,
  type ObjectionInput,
  type SessionUser,
} from '@jiebang/shared';
import { ulid } from 'ulid';
import { authorityActor, isMinistry } from '../auth/roles';
import { Conflict, Forbidden, InvalidInput, NotFound, RuleViolation } from '../domain/errors';
import type { DynamoEvaluationRepository } from '../store/dynamo-evaluation';
import type { DynamoOrgRepository } from '../store/dynamo-orgs';
import type { DynamoPublicityRepository, ObjectionRecord, PublicityLine, Reopening } from '../store/dynamo-publicity';
import type { CampaignRepository, DemandRepository } from '../store/repositories';
import { TransactionRefused } from '../store/transact';
import { SIGNED_URL_SECONDS, type AttachmentStore } from '../attachments/types';

export interface PublicityDeps {
  now: Date;
  repos: {
    publicity: DynamoPublicityRepository;
    campaigns: Pick<CampaignRepository, 'get'>;
    demands: Pick<DemandRepository, 'get'>;
    orgs: Pick<DynamoOrgRepository, 'get' | 'attachmentCheck'>;
    evaluation: Pick<DynamoEvaluationRepository, 'allEntries' | 'getDecision' | 'demandLines'>;
  };
}

/** An objection as the ministry and its objector see it (a whitelist). */
export function objectionView(o: ObjectionRecord): Objection {
  return {
    id: o.id,
    campaignYear: o.campaignYear,
    demandId: o.demandId,
    demandTitle: o.demandTitle,
    objectorName: o.objectorName,
    text: o.text,
    attachments: o.attachments,
    status: o.status,
    filedAt: o.filedAt,
    noticeUntil: o.noticeUntil,
    ...(o.reply !== undefined ? { reply: o.reply } : {}),
    ...(o.answeredAt ? { answeredAt: o.answeredAt } : {}),
  };
}

const noResult = () => new NotFound('揭榜名单中没有这项需求的遴选结果');
const latest = (lines: PublicityLine[]) =>
  lines.map((l) => l.selectedAt).reduce((a, b) => (Date.parse(a) >= Date.parse(b) ? a : b));

/** POST /v1/campaigns/{year}/objections */
export async function fileObjection(
  user: SessionUser,
  year: number,
  input: ObjectionInput,
  d: PublicityDeps,
): Promise<Objection> {
  if (!user.orgId) throw new Forbidden('请先登记企业，再以企业身份提出异议');
  const [campaign, lines, demand, org] = await Promise.all([
    d.repos.campaigns.get(year),
    d.repos.evaluation.demandLines(year, input.demandId) as Promise<PublicityLine[]>,
    d.repos.demands.get(input.demandId),
    d.repos.orgs.get(user.orgId),
  ]);
  if (!campaign || !demand || !org || lines.length === 0) throw noResult();
  if (demand.issuerOrgId === user.orgId) throw new Forbidden('发榜企业不能对本企业需求的遴选结果提出异议');
  if (lines.every((l) => l.reopened))
    throw new RuleViolation('RESULT_REOPENED', '该需求已重新遴选，新的遴选结果公布后可再提出异议');
  const period = resultNoticePeriod(campaign, latest(lines));
  if (!mayObject(period, d.now))
    throw new RuleViolation(
      'NOTICE_CLOSED',
      `公示期已于 ${formatShanghai(period.until)}（北京时间）结束，遴选结果已确定，不能再提出异议`,
    );
  const fields: Record<string, string> = {};
  (input.attachments ?? []).forEach((a, i) => {
    if (!a.key.startsWith(`org/${user.orgId}/`)) fields[`attachments.${i}.key`] = '附件不属于本企业，请重新上传';
  });
  if (Object.keys(fields).length > 0) throw new InvalidInput('附件有误', fields);

  const at = d.now.toISOString();
  const o: ObjectionRecord = {
    id: ulid(d.now.getTime()),
    campaignYear: year,
    demandId: demand.id,
    demandTitle: demand.title,
    objectorOrgId: org.id,
    objectorName: org.name,
    objectorUserId: user.id,
    text: input.text,
    attachments: (input.attachments ?? []).map((a) => ({ key: a.key, name: a.name })),
    status: 'pending',
    filedAt: at,
    noticeUntil: period.until,
  };
  const notifications: Omit<Notification, 'id'>[] = [
    {
      to: 'ministry',
      kind: 'objection_filed',
      title: '揭榜名单收到异议',
      body: `“${demand.title}”的遴选结果在公示期内收到一项异议，请核实后答复（异议成立或不成立）。`,
      link: links.objection(o.id),
      objectType: 'demand',
      objectId: demand.id,
      createdAt: at,
    },
    {
      // Never who objected: the issuer learns that there is an objection and, later, the ministry's answer.
      to: `org:${demand.issuerOrgId}`,
      kind: 'result_objected',
      title: '遴选结果收到异议',
      body: `您的需求“${demand.title}”的遴选结果在公示期内收到一项异议，工业和信息化部正在核实，处理结果将另行通知。`,
      link: links.issuerDemand(demand.id),
      objectType: 'demand',
      objectId: demand.id,
      createdAt: at,
    },
  ];
  const checks = o.attachments.map((a) =>
    d.repos.orgs.attachmentCheck(org.id, a.key.split('/')[2]!.replace(/\.pdf$/, '')),
  );
  try {
    await d.repos.publicity.file(
      o,
      lines,
      checks,
      {
        objectType: 'objection',
        objectId: o.id,
        action: 'file',
        toStatus: 'pending',
        actor: { userId: user.id, role: 'org_member', orgId: org.id, name: org.name },
        at,
      },
      notifications,
    );
  } catch (err) {
    if (err instanceof TransactionRefused && err.by('attachment_missing'))
      throw new InvalidInput('附件尚未上传完成，请重新上传', { attachments: '附件尚未上传完成，请重新上传' });
    if (err instanceof TransactionRefused && err.by('result_changed'))
      throw new RuleViolation('RESULT_REOPENED', '该需求的遴选结果刚刚发生变化，请刷新揭榜名单后再试');
    throw err;
  }
  return objectionView(o);
}

/** GET /v1/objections: the ministry all (pending first), an enterprise its own. */
export async function listObjections(user: SessionUser, d: Pick<PublicityDeps, 'repos'>) {
  if (isMinistry(user)) {
    const all = await d.repos.publicity.list();
    const rank = (o: ObjectionRecord) => (o.status === 'pending' ? 0 : 1);
    return { items: [...all].sort((a, b) => rank(a) - rank(b)).map(objectionView) };
  }
  if (!user.orgId) throw new Forbidden('请先登记企业');
  return { items: (await d.repos.publicity.list(user.orgId)).map(objectionView) };
}

const DECIDED_APPLICATIONS = new Set(['selected', 'not_selected']);

/** What an upheld objection reopens, or null when the demand is no longer in a decided state (already reopened). */
async function reopeningOf(user: SessionUser, demand: Demand, reply: string, at: string, d: PublicityDeps) {
  const to = nextDemandStatus('reopen_selection', 'ministry', demand);
  if (!to) return null;
  const [entries, decision] = await Promise.all([
    d.repos.evaluation.allEntries(demand.id),
    d.repos.evaluation.getDecision(demand.id),
  ]);
  if (!decision) return null;
  const after: Demand = { ...demand, status: to, version: demand.version + 1, updatedAt: at };
  delete after.decidedAt;
  delete after.acceptancePending;
  const actor = authorityActor(user);
  const r: Reopening = {
    before: demand,
    after,
    decidedAt: decision.decidedAt,
    audit: {
      objectType: 'demand',
      objectId: demand.id,
      action: 'reopen_selection',
      fromStatus: demand.status,
      toStatus: to,
      actor,
      comment: `公示期异议成立：${reply}`.slice(0, 1000),
      at,
    },
    applications: entries
      .filter((e) => DECIDED_APPLICATIONS.has(e.status))
      .map((e) => ({
        entry: e,
        audit: {
          objectType: 'application' as const,
          objectId: e.applicationId,
          action: 'reopen_selection',
          fromStatus: e.status,
          toStatus: 'released',
          actor,
          at,
        },
        notification: {
          to: `org:${e.orgId}`,
          kind: 'selection_reopened',
          title: '揭榜需求重新遴选',
          body: `“${demand.title}”的遴选结果因公示期异议成立而重新遴选，您的申请恢复为评审中，请留意新的遴选结果。`,
          link: links.applicantApplication(e.applicationId),
          objectType: 'application' as const,
          objectId: e.applicationId,
          createdAt: at,
        },
      })),
  };
  return r;
}

/** POST /v1/objections/{id} (ministry; once) */
export async function answerObjection(
  user: SessionUser,
  id: string,
  input: ObjectionDecisionInput,
  d: PublicityDeps,
): Promise<Objection> {
  if (!isMinistry(user)) throw new Forbidden('只有工业和信息化部可以答复异议');
  for (let attempt = 1; ; attempt++) {
    const o = await d.repos.publicity.get(id);
    if (!o) throw new NotFound('异议不存在');
    if (o.status !== 'pending') throw new Conflict('该异议已答复，不能重复答复', 'ALREADY_ANSWERED');
    const [lines, demand] = await Promise.all([
      d.repos.evaluation.demandLines(o.campaignYear, o.demandId) as Promise<PublicityLine[]>,
      d.repos.demands.get(o.demandId),
    ]);
    if (!demand) throw new NotFound('异议所涉需求不存在');
    const at = d.now.toISOString();
    const upheld = input.decision === 'upheld';
    const reopening =
      upheld && lines.some((l) => !l.reopened) ? await reopeningOf(user, demand, input.reply, at, d) : null;
    const label = OBJECTION_STATUS_LABELS[input.decision];
    const notifications: Omit<Notification, 'id'>[] = [
      {
        to: `org:${o.objectorOrgId}`,
        kind: 'objection_answered',
        title: `异议答复：${label}`,
        body: `您对“${o.demandTitle}”遴选结果的异议，工业和信息化部答复：${input.reply}`.slice(0, 500),
        link: links.objection(o.id),
        objectType: 'demand',
        objectId: o.demandId,
        createdAt: at,
      },
      {
        to: `org:${demand.issuerOrgId}`,
        kind: 'objection_answered',
        title: upheld ? '遴选结果异议成立，请重新遴选' : '遴选结果异议不成立',
        body: (upheld
          ? `您的需求“${o.demandTitle}”遴选结果的异议经核实成立，已重新开放遴选，请在评审排名页重新作出遴选决定。答复：${input.reply}`
          : `您的需求“${o.demandTitle}”遴选结果的异议经核实不成立，维持原遴选结果。答复：${input.reply}`
        ).slice(0, 500),
        link: upheld ? links.reviewerRanking(o.demandId) : links.issuerDemand(o.demandId),
        objectType: 'demand',
        objectId: o.demandId,
        createdAt: at,
      },
    ];
    try {
      await d.repos.publicity.answer(
        o,
        { status: input.decision, reply: input.reply, at, by: user.id },
        lines,
        {
          objectType: 'objection',
          objectId: o.id,
          action: input.decision,
          fromStatus: 'pending',
          toStatus: input.decision,
          actor: authorityActor(user),
          comment: input.reply,
          at,
        },
        notifications,
        reopening,
      );
      return objectionView({ ...o, status: input.decision, reply: input.reply, answeredAt: at, answeredBy: user.id });
    } catch (err) {
      if (!(err instanceof TransactionRefused)) throw err;
      if (err.by('objection_answered')) throw new Conflict('该异议已答复，不能重复答复', 'ALREADY_ANSWERED');
      // The lines, the demand or an application changed meanwhile (another answer, a selection): read again.
      if (attempt >= 3) throw new Conflict('遴选结果刚刚发生变化，请刷新后重试', 'VERSION_CONFLICT');
    }
  }
}

/**
 * GET /v1/objections/{id}/attachments/{index}: a signed GET of one of the objection's PDFs, valid a few minutes
 * (attachments/types.ts SIGNED_URL_SECONDS). The ministry, which answers it, and the objector's own members; no
 * one else — the issuer never learns who objected, let alone reads the evidence.
 */
export async function objectionAttachment(
  user: SessionUser,
  id: string,
  index: number,
  d: { now: Date; repos: { publicity: Pick<DynamoPublicityRepository, 'get'> }; attachments: AttachmentStore },
) {
  const o = await d.repos.publicity.get(id);
  if (!o) throw new NotFound('异议不存在');
  const objector = user.orgId === o.objectorOrgId && user.roles.some((r) => r === 'org_admin' || r === 'org_member');
  if (!isMinistry(user) && !objector) throw new Forbidden('只有工业和信息化部和提出异议的企业可以查看异议附件');
  const a = o.attachments[index];
  if (!a) throw new NotFound('该异议没有这个附件');
  const url = await d.attachments.createDownload(a.key, d.now);
  return { url, name: a.name, expiresAt: new Date(d.now.getTime() + SIGNED_URL_SECONDS * 1000).toISOString() };
}
