import Taro from '@tarojs/taro';
import { SME_TRACK_APPLICANT_KINDS, type DemandTrack, type MeResponse } from '@jiebang/shared';
import { authorityOf } from './roles';
import { showModal } from './modal';

/**
 * Where the user was going when a page sent them to sign in (or to register an enterprise): kept on the device
 * across the whole detour — 我的 → sign-in → 企业注册 → back — so that the journey ends on the page and action
 * that asked for it, not on 我的.
 */
export type Resume =
  /** 我要揭榜 on a demand: step 1 of the application for it once the user may apply. */
  | { kind: 'apply'; demandId: string; title: string }
  /** A page that needs a session (a deep link from a message, say): open it again. */
  | { kind: 'open'; url: string; title: string };

const KEY = 'jiebang.resume';
/** A detour older than this is forgotten (the user has moved on). */
const MAX_AGE_MS = 30 * 60_000;

const MINE = '/pages/mine/index';
const APPLY = '/subpackages/sme/pages/apply/index';
const REGISTER = '/subpackages/sme/pages/register/index';
const DETAIL = '/pages/demand-detail/index';

export function pendingResume(): Resume | null {
  const raw: unknown = Taro.getStorageSync(KEY);
  if (!raw || typeof raw !== 'object') return null;
  const { at, resume } = raw as { at?: number; resume?: Resume };
  if (!resume || typeof at !== 'number' || Date.now() - at > MAX_AGE_MS) return null;
  return resume;
}

export function clearResume(): void {
  Taro.removeStorageSync(KEY);
}

/** Remember where to come back to (after registration, say) without leaving the page. */
export function keepResume(resume: Resume): void {
  Taro.setStorageSync(KEY, { at: Date.now(), resume });
}

/** Send the user to sign in on 我的, remembering where to come back to. */
export function signInThen(resume: Resume): void {
  keepResume(resume);
  void Taro.switchTab({ url: MINE });
}

/** The page showing now, as a url to open again (Taro's own router parameters left out). */
export function currentUrl(): string {
  const router = Taro.getCurrentInstance().router;
  if (!router) return MINE;
  const path = router.path.split('?')[0]!;
  const query = Object.entries(router.params)
    .filter(([k, v]) => v !== undefined && !k.startsWith('$') && k !== 'stamp' && !k.startsWith('__'))
    .map(([k, v]) => `${k}=${encodeURIComponent(decodeURIComponent(String(v)))}`)
    .join('&');
  return `${path.startsWith('/') ? path : `/${path}`}${query ? `?${query}` : ''}`;
}

export function applyUrl(demandId: string): string {
  return `${APPLY}?demandId=${encodeURIComponent(demandId)}`;
}

/**
 * Who may apply: to a large enterprise's demand an SME member (not a large one); to an SME's (track `sme`, SME
 * 发榜) a member of a university or an institute. `register` — no enterprise yet (registration comes first);
 * `refused` — an authority, the operator or an organisation the track does not admit, with the reason.
 */
export function applyEligibility(
  me: MeResponse,
  track: DemandTrack = 'large',
): { ok: true } | { ok: false; register: boolean; reason: string } {
  const { org, user } = me;
  if (!org) {
    if (authorityOf(user.roles) || user.roles.includes('admin')) {
      return { ok: false, register: false, reason: '主管部门和平台运营账号不能揭榜' };
    }
    return track === 'sme'
      ? { ok: false, register: true, reason: '中小企业发布的需求由高校、科研院所揭榜，请先登记单位' }
      : { ok: false, register: true, reason: '揭榜须以中小企业身份进行，请先登记企业' };
  }
  if (track === 'sme') {
    return (SME_TRACK_APPLICANT_KINDS as readonly string[]).includes(org.kind)
      ? { ok: true }
      : { ok: false, register: false, reason: '中小企业发布的需求由高校、科研院所揭榜，贵单位不能揭榜该需求' };
  }
  if (org.kind !== 'sme' || org.size === 'large') {
    return { ok: false, register: false, reason: '按《中小企业划型标准规定》，只有中型、小型、微型企业可以揭榜' };
  }
  return { ok: true };
}

/**
 * Once signed in (on 我的) or after registering or joining an enterprise: continue the detour, if any. Returns
 * true when it navigated away. An apply detour goes to registration while the user has no enterprise (and stays
 * pending), to step 1 of the application once they may apply, and back to the demand with the reason otherwise.
 */
export function resumeAfter(me: MeResponse, how: 'navigate' | 'redirect' = 'navigate'): boolean {
  const resume = pendingResume();
  if (!resume) return false;
  const go = (url: string) => void (how === 'redirect' ? Taro.redirectTo({ url }) : Taro.navigateTo({ url }));
  if (resume.kind === 'open') {
    clearResume();
    go(resume.url);
    return true;
  }
  const can = applyEligibility(me);
  if (can.ok) {
    clearResume();
    go(applyUrl(resume.demandId));
    return true;
  }
  if (can.register) {
    go(REGISTER);
    return true;
  }
  clearResume();
  void showModal({ title: '不能揭榜', content: can.reason, showCancel: false });
  go(`${DETAIL}?id=${encodeURIComponent(resume.demandId)}`);
  return true;
}
