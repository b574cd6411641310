/**
 * 遴选 (selection): one decision per demand, after its application deadline, selecting 1–2 released applications
 * (or none: 流榜, with the reason), and the start of cooperation.
 *
 * Concurrency: the decision is one TransactWriteItems conditional on the demand's status and version and on the
 * absence of the decision item, so of any number of concurrent requests exactly one decides; the others get 409.
 * The "at most two" cap is checked before any write (422 SELECTION_LIMIT) and cannot be exceeded afterwards since
 * no second decision can pass.
 *
 * Size: the transaction holds the demand, the decision, the catalogue cards, the selected applications (with
 * their result lines) and as many not-selected applications as fit in 100 items (≈18). A demand with more
 * released applications gets its decision atomically first (with `fanoutPending: true` on the decision) and the
 * remaining not-selected updates are written afterwards in further transactions of ≤100 items; each is
 * conditional on the application still being `released`, so re-running the fan-out (a retried POST resumes it)
 * is idempotent. Until it finishes, those applications still show `released` while the demand is decided; no
 * score can change meanwhile (score puts are conditional on the demand being undecided).
 */
import {
  ANONYMOUS_ISSUER,
  averageTotal,
  formatShanghai,
  isOpen,
  lowestSelectedTotal,
  nextDemandStatus,
  selectionProblem,
  type Demand,
  type SelectionDecision,
  type SelectionInput,
  type SessionUser,
  links,
} from '@jiebang/shared';
import { Conflict, RuleViolation, InvalidInput } from '../domain/errors';
import type { DemandChange } from '../store/repositories';
import { transactionSize } from '../store/transact';
import {
  MAX_TRANSACTION_ITEMS,
  SelectionRefused,
  type ApplicationOutcome,
  type DecisionRecord,
  type EvaluationEntry,
  type SelectionWrite,
  type StoredResultLine,
} from '../store/dynamo-evaluation';
import { DECIDED, DECIDERS, decisionView, issuerDemand, UNDECIDED, weightsOf, type EvalDeps } from './evaluation';

/** How the issuer appears to applicants and in lists: never by name when it chose anonymity. */
export const issuerDisplayName = (d: Demand) => (d.anonymous ? ANONYMOUS_ISSUER : d.issuerName);

function issuerActor(user: SessionUser, d: Demand) {
  return { userId: user.id, role: 'org_admin', orgId: d.issuerOrgId, name: d.issuerName };
}

/** The actor as recorded on an application's timeline, which its applicant reads: no anonymous issuer's identity. */
function issuerActorForApplicant(user: SessionUser, d: Demand) {
  return d.anonymous
    ? { userId: 'issuer', role: 'issuer', name: ANONYMOUS_ISSUER }
    : { userId: user.id, role: 'issuer', orgId: d.issuerOrgId, name: d.issuerName };
}

function outcomeFor(
  user: SessionUser,
  demand: Demand,
  e: EvaluationEntry,
  to: 'selected' | 'not_selected',
  at: string,
): ApplicationOutcome {
  const selected = to === 'selected';
  return {
    entry: e,
    to,
    change: {
      audit: {
        objectType: 'application',
        objectId: e.applicationId,
        action: selected ? 'select' : 'not_select',
        fromStatus: 'released',
        toStatus: to,
        actor: issuerActorForApplicant(user, demand),
        at,
      },
      notifications: [
        {
          to: `org:${e.orgId}`,
          kind: selected ? 'application_selected' : 'application_not_selected',
          title: selected ? '揭榜申请已入选' : '揭榜申请未入选',
          body: selected
            ? `您对“${demand.title}”的揭榜申请已入选，发榜企业将与您联系商定合作。`
            : `您对“${demand.title}”的揭榜申请未入选。可在申请详情中查看本企业的各项平均得分及入选分数线。`,
          link: links.applicantApplication(e.applicationId),
          objectType: 'application',
          objectId: e.applicationId,
          createdAt: at,
        },
      ],
    },
  };
}

const isTransactionConflict = (err: unknown) =>
  ((err as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? []).some(
    (r) => r.Code === 'TransactionConflict',
  );

/** Runs the not-selected updates left over by a large decision, then marks the decision complete. Idempotent. */
export async function resumeFanOut(
  user: SessionUser,
  demand: Demand,
  decision: DecisionRecord,
  d: EvalDeps,
): Promise<void> {
  if (!decision.fanoutPending) return;
  const chosen = new Set(decision.applicationIds);
  const rest = (await d.repos.evaluation.allEntries(demand.id)).filter(
    (e) => e.status === 'released' && !chosen.has(e.applicationId),
  );
  await d.repos.evaluation.fanOut(
    rest.map((e) => outcomeFor(user, demand, e, 'not_selected', decision.decidedAt)),
    decision.decidedAt,
  );
  await d.repos.evaluation.finishFanOut(demand.id);
}

/** POST /v1/demands/{id}/selection */
export async function select(
  user: SessionUser,
  demandId: string,
  input: SelectionInput,
  d: EvalDeps,
): Promise<SelectionDecision> {
  const problem = selectionProblem(input.applicationIds);
  if (problem === 'SELECTION_LIMIT') throw new RuleViolation('SELECTION_LIMIT', '每个需求最多选择 2 家揭榜企业');
  if (problem === 'DUPLICATE_IDS') throw new InvalidInput('入选名单有重复', { applicationIds: '申请编号不能重复' });

  for (let attempt = 1; ; attempt++) {
    const demand = await issuerDemand(user, demandId, DECIDERS, d, '遴选');
    if (DECIDED.has(demand.status)) {
      const existing = await d.repos.evaluation.getDecision(demandId);
      if (existing?.fanoutPending) await resumeFanOut(user, demand, existing, d);
      throw new Conflict('该需求已作出遴选决定，不能重复遴选', 'ALREADY_DECIDED');
    }
    if (!UNDECIDED.has(demand.status)) throw new Conflict('该需求当前状态不能遴选', 'INVALID_STATE');
    if (isOpen(demand.applicationDeadline, d.now)) {
      throw new RuleViolation(
        'DEADLINE_NOT_PASSED',
        `揭榜截止（${formatShanghai(demand.applicationDeadline)}，北京时间）后才能遴选`,
      );
    }
    const via =
      demand.status === 'published'
        ? { ...demand, status: nextDemandStatus('start_evaluation', 'issuer', demand)! }
        : demand;
    const to = nextDemandStatus(input.applicationIds.length > 0 ? 'select' : 'declare_no_selection', 'issuer', via);
    if (!to) throw new Conflict('该需求当前状态不能遴选', 'INVALID_STATE');

    const entries = await d.repos.evaluation.allEntries(demandId);
    const released = entries.filter((e) => e.status === 'released');
    const byId = new Map(released.map((e) => [e.applicationId, e]));
    const chosen = input.applicationIds.map((id) => byId.get(id));
    if (chosen.some((e) => !e)) {
      // Read after a concurrent decision committed: that is a second decision (409), not a bad choice.
      if (entries.some((e) => e.status === 'selected' || e.status === 'not_selected')) {
        throw new Conflict('该需求已作出遴选决定，不能重复遴选', 'ALREADY_DECIDED');
      }
      throw new RuleViolation('NOT_SELECTABLE', '入选的申请须为本需求已提交评审且未撤回的揭榜申请');
    }
    const selectedEntries = chosen as EvaluationEntry[];
    const weights = weightsOf(demand);
    const at = d.now.toISOString();
    const lowest = lowestSelectedTotal(
      selectedEntries.map((e) => averageTotal({ sums: e.sums, count: e.scoreCount }, weights)),
    );
    const orgs = await Promise.all(selectedEntries.map((e) => d.repos.orgs.get(e.orgId)));

    const selectedOutcomes = selectedEntries.map((e, i) => {
      const o = outcomeFor(user, demand, e, 'selected', at);
      const org = orgs[i];
      const lineOf: StoredResultLine = {
        demandId: demand.id,
        demandTitle: demand.title,
        field: demand.field,
        issuerName: issuerDisplayName(demand),
        anonymous: demand.anonymous,
        orgName: e.orgName,
        selectedAt: at,
        applicationId: e.applicationId,
        orgId: e.orgId,
        creditCode: org?.creditCode ?? '',
        orgSize: e.orgSize,
        authorityRegion: e.authorityRegion,
        qualifications: org?.qualifications ?? [],
        campaignYear: demand.campaignYear,
      };
      return { ...o, resultLines: [lineOf, lineOf] };
    });
    const notSelected = released.filter((e) => !input.applicationIds.includes(e.applicationId));

    const after: Demand = { ...demand, status: to, version: demand.version + 1, updatedAt: at };
    const demandChange: DemandChange = {
      audit: {
        objectType: 'demand',
        objectId: demand.id,
        action: to === 'selected' ? 'select' : 'declare_no_selection',
        fromStatus: demand.status,
        toStatus: to,
        actor: issuerActor(user, demand),
        comment: input.justification,
        at,
      },
      notifications: [
        {
          to: `org:${demand.issuerOrgId}`,
          kind: 'selection_decided',
          title: to === 'selected' ? '遴选结果已确定' : '需求已流榜',
          body:
            to === 'selected'
              ? `“${demand.title}”遴选完成：入选 ${selectedEntries.length} 家，未入选 ${notSelected.length} 家。`
              : `“${demand.title}”未选出揭榜企业（流榜），${notSelected.length} 家申请企业已收到通知。`,
          link: links.reviewerRanking(demand.id),
          objectType: 'demand',
          objectId: demand.id,
          createdAt: at,
        },
      ],
    };
    const decision: DecisionRecord = {
      demandId: demand.id,
      outcome: to === 'selected' ? 'selected' : 'no_selection',
      applicationIds: input.applicationIds,
      justification: input.justification,
      shareComments: input.shareComments ?? false,
      lowestSelectedTotal: lowest,
      weights,
      decidedAt: at,
      decidedBy: user.id,
      notSelectedCount: notSelected.length,
      fanoutPending: false,
    };
    // publicity (公示, issue 17): a selection reopened by an upheld objection replaces the lines of the earlier one.
    const staleLines = (demand as Demand & { reopenedAt?: string }).reopenedAt
      ? await d.repos.evaluation.demandLines(demand.campaignYear, demand.id)
      : [];
    const write: SelectionWrite = {
      before: demand,
      after,
      demandChange,
      decision,
      outcomes: selectedOutcomes,
      staleLines,
    };
    const repo = d.repos.evaluation;
    const used =
      transactionSize(repo.fixedItems(write)) +
      selectedOutcomes.reduce((n, o) => n + transactionSize(repo.outcomeItems(o, at, true)), 0);
    const perOutcome = 5; // application, entry, audit event and its chain's head, notification
    const room = Math.max(0, Math.floor((MAX_TRANSACTION_ITEMS - used) / perOutcome));
    const inline = notSelected.slice(0, room).map((e) => outcomeFor(user, demand, e, 'not_selected', at));
    const rest = notSelected.slice(room);
    decision.fanoutPending = rest.length > 0;
    write.outcomes = [...selectedOutcomes, ...inline];

    try {
      await repo.decide(write);
    } catch (err) {
      // Still conflicting after transact's retries (many concurrent decisions): re-read — the winner is visible now.
      if (isTransactionConflict(err) && attempt < 5) continue;
      if (!(err instanceof SelectionRefused)) throw err;
      if (err.refusal.kind === 'decided') throw new Conflict('该需求已作出遴选决定，不能重复遴选', 'ALREADY_DECIDED');
      if (err.refusal.selected)
        throw new Conflict('所选申请的状态或评分刚刚发生变化，请刷新排名后重试', 'VERSION_CONFLICT');
      // A not-selected application changed meanwhile (withdrawn): decide again on fresh data.
      if (attempt >= 3) throw new Conflict('申请状态刚刚发生变化，请刷新后重试', 'VERSION_CONFLICT');
      continue;
    }
    if (rest.length > 0) await resumeFanOut(user, after, decision, d);
    return decisionView({ ...decision, fanoutPending: false });
  }
}

/** POST /v1/demands/{id}/cooperation: the parties have signed (selected → in_cooperation). */
export async function startCooperation(
  user: SessionUser,
  demandId: string,
  input: { note?: string | undefined },
  d: EvalDeps,
) {
  const demand = await issuerDemand(user, demandId, DECIDERS, d, '确认合作');
  const to = nextDemandStatus('start_cooperation', 'issuer', demand);
  if (!to) throw new Conflict('只有已遴选的需求可以确认进入合作', 'INVALID_STATE');
  const decision = await d.repos.evaluation.getDecision(demandId);
  const at = d.now.toISOString();
  const entries = await Promise.all(
    (decision?.applicationIds ?? []).map((id) => d.repos.evaluation.getEntry(demandId, id)),
  );
  const after: Demand = { ...demand, status: to, version: demand.version + 1, updatedAt: at };
  const ok = await d.repos.demands.transition(demand, after, {
    audit: {
      objectType: 'demand',
      objectId: demand.id,
      action: 'start_cooperation',
      fromStatus: demand.status,
      toStatus: to,
      actor: issuerActor(user, demand),
      ...(input.note ? { comment: input.note } : {}),
      at,
    },
    notifications: entries.flatMap((e) =>
      e
        ? [
            {
              to: `org:${e.orgId}`,
              kind: 'cooperation_started',
              title: '揭榜项目进入合作阶段',
              body: `“${demand.title}”已进入合作阶段。`,
              link: links.applicantApplication(e.applicationId),
              objectType: 'application' as const,
              objectId: e.applicationId,
              createdAt: at,
            },
          ]
        : [],
    ),
  });
  if (!ok) throw new Conflict('需求状态已变化，请刷新后重试', 'VERSION_CONFLICT');
  return { demandId, status: to, version: after.version };
}
