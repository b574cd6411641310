/**
 * 验收 (acceptance): the issuer records, for each selected applicant, passed / failed, whether the SME enters its
 * supplier catalogue, a comment and optionally the report. The demand counts the acceptances still pending
 * (set to the number selected by the decision); the transaction that records the last one completes the demand.
 * The counter is conditional on the demand's status and version read, so two acceptances recorded at the same
 * instant serialise: the loser re-reads and retries.
 *
 * Cooperation: the first acceptance moves a `selected` demand on (to `in_cooperation`, or straight to `completed`
 * when it was the only one), so an issuer that never pressed "确认合作" (POST /v1/demands/{id}/cooperation) is not
 * blocked.
 */
import {
  ACCEPTANCE_OUTCOMES,
  acceptanceOutcomeOf,
  links,
  type AcceptanceInput,
  type Demand,
  type SessionUser,
} from '@jiebang/shared';
import { inOrg } from '../auth/roles';
import { Conflict, Forbidden, NotFound, InvalidInput } from '../domain/errors';
import { TransactionRefused } from '../store/transact';
import type { DemandChange } from '../store/repositories';
import { DECIDERS, issuerSees, type EvalDeps } from './evaluation';

type DecidedDemand = Demand & { acceptancePending?: number };

/** POST /v1/applications/{id}/acceptance */
export async function recordAcceptance(user: SessionUser, applicationId: string, input: AcceptanceInput, d: EvalDeps) {
  for (let attempt = 1; ; attempt++) {
    const app = await d.repos.applications.get(applicationId);
    if (app && user.orgId === app.orgId) throw new Forbidden('验收由发榜企业记录');
    if (!issuerSees(user, app)) throw new NotFound('揭榜申请不存在');
    if (!inOrg(user, app.issuerOrgId, DECIDERS)) throw new Forbidden('仅发榜企业的管理员可以记录验收结果');
    if (app.status === 'accepted' || app.status === 'acceptance_failed')
      throw new Conflict('该申请的验收结果已记录', 'ALREADY_RECORDED');
    if (app.status !== 'selected') throw new Conflict('只有入选的揭榜企业可以验收', 'INVALID_STATE');
    if (input.report && !input.report.key.startsWith(`org/${app.issuerOrgId}/`)) {
      throw new InvalidInput('验收报告有误，请重新上传', { 'report.key': '附件不属于本企业，请重新上传' });
    }
    const demand = (await d.repos.demands.get(app.demandId)) as DecidedDemand | null;
    if (!demand || (demand.status !== 'selected' && demand.status !== 'in_cooperation')) {
      throw new Conflict('需求当前状态不能记录验收', 'INVALID_STATE');
    }
    const at = d.now.toISOString();
    const pending = Math.max(0, (demand.acceptancePending ?? 1) - 1);
    const status = pending === 0 ? 'completed' : 'in_cooperation';
    const after: DecidedDemand = {
      ...demand,
      status,
      version: demand.version + 1,
      updatedAt: at,
      acceptancePending: pending,
    };
    const to = input.result === 'passed' ? 'accepted' : 'acceptance_failed';
    const acceptance = {
      result: input.result,
      supplierCatalogue: input.supplierCatalogue,
      // 221号 to the letter (issue 16): the notice's own words for how it ends.
      outcome: acceptanceOutcomeOf(input),
      comment: input.comment,
      ...(input.report ? { report: input.report } : {}),
      recordedAt: at,
    };
    const actor = { userId: user.id, role: 'org_admin', orgId: demand.issuerOrgId, name: demand.issuerName };
    const demandChange: DemandChange | null =
      status !== demand.status
        ? {
            audit: {
              objectType: 'demand',
              objectId: demand.id,
              action: status === 'completed' ? 'complete' : 'start_cooperation',
              fromStatus: demand.status,
              toStatus: status,
              actor,
              at,
            },
            notifications: [],
          }
        : null;
    try {
      await d.repos.evaluation.recordAcceptance({
        app,
        to,
        acceptance,
        before: demand,
        after,
        acceptancePending: pending,
        campaignYear: demand.campaignYear,
        demandChange,
        appChange: {
          audit: {
            objectType: 'application',
            objectId: app.id,
            action: input.result === 'passed' ? 'accept' : 'fail_acceptance',
            fromStatus: 'selected',
            toStatus: to,
            actor: demand.anonymous ? { userId: 'issuer', role: 'issuer', name: '匿名发榜企业' } : actor,
            comment: input.comment,
            at,
          },
          notifications: [
            {
              to: `org:${app.orgId}`,
              kind: 'acceptance_recorded',
              title: input.result === 'passed' ? '揭榜项目验收通过' : '揭榜项目验收未通过',
              body:
                `“${app.demandTitle}”项目验收${input.result === 'passed' ? '通过' : '未通过'}，` +
                `发榜企业确定：${ACCEPTANCE_OUTCOMES[acceptanceOutcomeOf(input)]}。`,
              link: links.applicantApplication(app.id),
              objectType: 'application',
              objectId: app.id,
              createdAt: at,
            },
          ],
        },
      });
    } catch (err) {
      if (!(err instanceof TransactionRefused)) throw err;
      // The demand moved meanwhile (another acceptance recorded): re-read and retry.
      if (err.by('demand_changed') && !err.by('application_changed') && attempt < 5) continue;
      throw new Conflict('申请或需求状态已变化，请刷新后重试', 'VERSION_CONFLICT');
    }
    return { applicationId: app.id, status: to, acceptance, demandStatus: status, acceptancePending: pending };
  }
}
