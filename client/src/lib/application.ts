import { APPLICATION_STATUSES, formatShanghai, regionName } from '@jiebang/shared';
import type { Application, ApplicationStatus, ApplicationSummary } from '@jiebang/shared';
import { ApiError } from '../services/http';

/** Colour family of a status badge (`status-badge--<tone>`). */
export type StatusTone = 'draft' | 'pending' | 'warn' | 'ok' | 'muted' | 'bad';

const TONES: Record<ApplicationStatus, StatusTone> = {
  draft: 'draft',
  submitted: 'pending',
  returned: 'warn',
  forwarded: 'pending',
  released: 'pending',
  selected: 'ok',
  not_selected: 'muted',
  withdrawn: 'muted',
  accepted: 'ok',
  acceptance_failed: 'bad',
};

export const statusLabel = (s: ApplicationStatus): string => APPLICATION_STATUSES[s];
export const statusTone = (s: ApplicationStatus): StatusTone => TONES[s];

/** What happens next, in the applicant's words. */
export function nextStepText(a: Pick<ApplicationSummary, 'status' | 'authorityRegion'>): string {
  const authority = `${regionName(a.authorityRegion)}中小企业主管部门`;
  switch (a.status) {
    case 'draft':
      return '申请书尚未提交，请在揭榜截止前完成并提交';
    case 'submitted':
      return `等待${authority}初审`;
    case 'returned':
      return '主管部门已退回，请按意见修改后在揭榜截止前重新提交';
    case 'forwarded':
      return '已通过初审，等待工业和信息化部审核后提交发榜企业评审';
    case 'released':
      return '发榜企业正在评审';
    case 'selected':
      return '恭喜，贵企业已入选，请与发榜企业对接合作';
    case 'not_selected':
      return '本次未入选，感谢参与';
    case 'withdrawn':
      return '申请已撤回';
    case 'accepted':
      return '项目验收通过';
    case 'acceptance_failed':
      return '项目验收未通过';
  }
}

export interface TimelineEntry {
  key: string;
  title: string;
  at?: string;
  note?: string;
  /** done: happened; current: where it stands; todo: still ahead. */
  state: 'done' | 'current' | 'todo';
}

const at = (iso?: string) => (iso ? formatShanghai(iso) : undefined);

/** The application's path so far and the steps still ahead (statuses and timestamps of the API). */
export function timeline(a: Application): TimelineEntry[] {
  const authority = `${regionName(a.authorityRegion)}主管部门`;
  const out: TimelineEntry[] = [{ key: 'created', title: '创建申请书', at: at(a.createdAt), state: 'done' }];
  if (a.status === 'draft') {
    out.push({ key: 'submit', title: '提交申请', state: 'current', note: '尚未提交' });
    out.push({ key: 'review', title: `${authority}初审`, state: 'todo' });
    return out;
  }
  if (a.submittedAt) out.push({ key: 'submitted', title: '已提交申请', at: at(a.submittedAt), state: 'done' });
  if (a.status === 'returned') {
    out.push({
      key: 'returned',
      title: `${authority}退回`,
      at: at(a.updatedAt),
      note: a.returnReason,
      state: 'current',
    });
    out.push({ key: 'resubmit', title: '修改后重新提交', state: 'todo' });
    return out;
  }
  if (a.status === 'withdrawn') {
    if (a.forwardedAt)
      out.push({ key: 'forwarded', title: `${authority}初审通过并转报`, at: at(a.forwardedAt), state: 'done' });
    if (a.releasedAt) out.push({ key: 'released', title: '提交发榜企业评审', at: at(a.releasedAt), state: 'done' });
    out.push({
      key: 'withdrawn',
      title: '已撤回',
      at: at(a.withdrawnAt ?? a.updatedAt),
      note: a.withdrawReason,
      state: 'current',
    });
    return out;
  }
  out.push(
    a.forwardedAt
      ? { key: 'forwarded', title: `${authority}初审通过并转报`, at: at(a.forwardedAt), state: 'done' }
      : { key: 'forwarded', title: `${authority}初审`, state: a.status === 'submitted' ? 'current' : 'todo' },
  );
  out.push(
    a.releasedAt
      ? { key: 'released', title: '工业和信息化部提交发榜企业评审', at: at(a.releasedAt), state: 'done' }
      : { key: 'released', title: '工业和信息化部审核', state: a.status === 'forwarded' ? 'current' : 'todo' },
  );
  const decided = ['selected', 'not_selected', 'accepted', 'acceptance_failed'].includes(a.status);
  out.push(
    decided
      ? {
          key: 'decided',
          title: a.status === 'not_selected' ? '未入选' : '已入选',
          at: at(a.decidedAt ?? (a.status === 'selected' || a.status === 'not_selected' ? a.updatedAt : undefined)),
          state: 'done',
        }
      : { key: 'decided', title: '发榜企业评审遴选', state: a.status === 'released' ? 'current' : 'todo' },
  );
  if (a.status === 'accepted' || a.status === 'acceptance_failed') {
    out.push({
      key: 'acceptance',
      title: statusLabel(a.status),
      at: at(a.acceptance?.recordedAt ?? a.updatedAt),
      state: 'current',
    });
  }
  // The last done entry is where it stands when nothing is marked current (e.g. selected).
  if (!out.some((e) => e.state === 'current')) {
    const lastDone = [...out].reverse().find((e) => e.state === 'done');
    if (lastDone) lastDone.state = 'current';
  }
  return out;
}

/**
 * A plain explanation of a refusal of the server (api.md codes), for a modal: the title says what happened,
 * the content why and what to do.
 */
export function refusalText(err: unknown): { title: string; content: string } | null {
  if (!(err instanceof ApiError)) return null;
  switch (err.code) {
    case 'NOT_SME':
      return {
        title: '不符合揭榜条件',
        content: `${err.message}。按《中小企业划型标准规定》（工信部联企业〔2011〕300号），只有中型、小型、微型企业可以揭榜。如企业信息有误，请更正后再提交。`,
      };
    case 'AFFILIATED_WITH_ISSUER':
      return {
        title: '不能揭榜该需求',
        content: `${err.message}。发榜企业的子公司、控股公司、供应商等关联方不能揭榜其需求。`,
      };
    case 'DEADLINE_PASSED':
      return { title: '揭榜已截止', content: `${err.message}，不能再提交申请。` };
    case 'DUPLICATE_APPLICATION':
      return { title: '已揭榜该需求', content: `${err.message}。可在“我的揭榜”中查看已提交的申请。` };
    case 'ATTACHMENT_REQUIRED':
    case 'ATTACHMENT_NOT_VERIFIED':
      return { title: '缺少盖章扫描件', content: err.message };
    case 'DEMAND_NOT_OPEN':
      return { title: '需求已不在揭榜期', content: err.message };
    case 'INVALID_STATE':
    case 'VERSION_CONFLICT':
      return { title: '申请状态已变化', content: `${err.message}` };
    default:
      if (err.status === 409 || err.status === 422) return { title: '不能提交', content: err.message };
      return null;
  }
}
