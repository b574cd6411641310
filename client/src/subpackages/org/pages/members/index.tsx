/**
 * 企业成员: the members of the user's enterprise with their roles. The enterprise admin changes roles (评审专家,
 * 企业管理员), removes a member (with a confirmation saying the rights go at once), and creates an invitation code
 * to share; every member may leave. Each change is answered by the server (rights follow the store at once,
 * the last admin can neither be demoted nor leave: 422 LAST_ADMIN) and the list is read again after it.
 *
 * Test hooks: `members`, `members__notice` (`data-kind`, `data-code`), `member` (`data-id`, `data-roles`, `data-self`),
 * `member__action--reviewer|tech-manager|admin|remove`, `members__invite-create`, `members__invite-code`, `members__leave`,
 * `members-dialog--remove|leave|admin`, `members-empty`, `members-error`.
 */
import { useCallback, useMemo, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { formatShanghai } from '@jiebang/shared';
import type { Member } from '@jiebang/shared';
import * as orgs from '../../../../services/orgs';
import type { OrgRole } from '../../../../services/orgs';
import { ApiError, errorMessage } from '../../../../services/http';
import { EmptyState, ErrorState, SkeletonCards } from '../../../../components/state-view';
import { ActionButton, Button } from '../../../../components/button';
import { Dialog } from '../../../../components/dialog';
import { useMe } from '../../../../hooks/use-me';
import { usePagedList } from '../../../../hooks/use-paged-list';
import { roleText } from '../../../../lib/format';
import { MINE } from '../../../../lib/nav';
import { OrgNotice, type Notice } from '../../components/notice';
import './index.scss';

/** What the admin is about to confirm. */
type Pending =
  { kind: 'remove'; member: Member } | { kind: 'admin'; member: Member; roles: OrgRole[] } | { kind: 'leave' };

/** The roles an admin switches on and off with one button each. */
type ToggledRole = 'reviewer' | 'tech_manager';
const ROLE_NAMES: Record<ToggledRole, string> = { reviewer: '评审专家', tech_manager: '技术经理人' };

const ROLE_ORDER: Record<string, number> = { org_admin: 0, org_member: 1, reviewer: 2, tech_manager: 3 };
const sortedRoles = (roles: string[]) => [...roles].sort((a, b) => (ROLE_ORDER[a] ?? 9) - (ROLE_ORDER[b] ?? 9));

/** Members carry no name of their own (WeChat shares none): the end of their id tells them apart. */
const memberName = (m: Member) => m.displayName || `成员 ${m.id.slice(-6).toUpperCase()}`;

/**
 * The roles after toggling one of 评审专家 / 技术经理人 / 企业管理员 (a member keeps org_admin or org_member, and the
 * roles not toggled).
 */
function toggled(roles: string[], role: 'reviewer' | 'tech_manager' | 'org_admin'): OrgRole[] {
  const has = (r: string) => roles.includes(r) !== (role === r);
  return [
    has('org_admin') ? 'org_admin' : 'org_member',
    ...(['reviewer', 'tech_manager'] as const).filter((r) => has(r)),
  ];
}

/** Organisations whose members may be 技术经理人 (科技成果赋智: 高校, 科研院所, 服务机构). */
const WITH_TECH_MANAGERS = ['university', 'institute', 'service'];

/** A refusal of the server in words that say what to do. */
function refusalText(err: unknown): string {
  if (!(err instanceof ApiError)) return errorMessage(err);
  if (err.code === 'LAST_ADMIN') return '企业至少需要保留一名管理员：请先将其他成员设为企业管理员，再退出或调整。';
  if (err.code === 'SELF_ROLE_CHANGE') return '不能修改自己的角色，请由其他管理员操作。';
  if (err.status === 401) return '登录已失效，请在“我的”重新登录。';
  if (err.status === 403) return '你已不是本企业管理员，无法进行此操作（列表已刷新）。';
  if (err.status === 404) return '该成员已不在本企业（列表已刷新）。';
  return errorMessage(err);
}

export default function MembersPage() {
  const me = useMe();
  const ready = me.status === 'ready' ? me.me : null;
  const orgId = ready?.org?.id ?? null;
  const myId = ready?.user.id ?? '';
  const isAdmin = ready?.user.roles.includes('org_admin') ?? false;

  const fetchPage = useMemo(() => (orgId ? (cursor: string | null) => orgs.listMembers(orgId, cursor) : null), [orgId]);
  const { status, error, items, cursor, loadingMore, reload, refresh } = usePagedList(fetchPage, {
    reloadOn: 'show',
    moreErrors: 'toast',
  });

  const [notice, setNotice] = useState<Notice | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [invite, setInvite] = useState<{ code: string; expiresAt: string } | null>(null);

  /**
   * A refusal stays on screen above the list until the next action, scrolled into view (the button pressed may be
   * far below it); a 403 means the caller's own roles changed: read them again.
   */
  const refused = useCallback(
    (err: unknown) => {
      setNotice({ kind: 'error', text: refusalText(err), code: err instanceof ApiError ? err.code : undefined });
      void Taro.pageScrollTo({ scrollTop: 0, duration: 200 });
      if (err instanceof ApiError && err.status === 403) me.reload();
    },
    [me],
  );

  /** Run one change; whatever the answer, read the list (and the caller's own roles) again. */
  const act = useCallback(
    async (key: string, run: () => Promise<unknown>, done: string) => {
      if (busy || !orgId) return false;
      setBusy(key);
      setNotice(null);
      let succeeded = false;
      try {
        await run();
        succeeded = true;
        setNotice({ kind: 'ok', text: done });
        // The change shows in the list where the admin is; the toast says it was done.
        void Taro.showToast({ title: done, icon: 'none' });
      } catch (err) {
        refused(err);
      } finally {
        setBusy(null);
        setPending(null);
      }
      // Having left, the list is no longer the caller's to read.
      if (!(succeeded && key === 'leave')) await refresh();
      return succeeded;
    },
    [busy, orgId, refresh, refused],
  );

  const toggleRole = (m: Member, role: ToggledRole) => {
    const roles = toggled(m.roles, role);
    const name = ROLE_NAMES[role];
    const text = roles.includes(role)
      ? `已将「${memberName(m)}」设为${name}`
      : `已取消「${memberName(m)}」的${name}角色`;
    void act(`${role}-${m.id}`, () => orgs.setMemberRoles(orgId!, m.id, roles), text);
  };
  // 技术经理人 only where the organisation has them.
  const toggles: ToggledRole[] = WITH_TECH_MANAGERS.includes(ready?.org?.kind ?? '')
    ? ['reviewer', 'tech_manager']
    : ['reviewer'];

  const confirm = async () => {
    if (!pending || !orgId) return;
    if (pending.kind === 'remove') {
      const m = pending.member;
      await act('remove', () => orgs.removeMember(orgId, m.id), `已将「${memberName(m)}」移出本企业`);
    } else if (pending.kind === 'admin') {
      const m = pending.member;
      const promote = pending.roles.includes('org_admin');
      const text = promote ? `已将「${memberName(m)}」设为企业管理员` : `已取消「${memberName(m)}」的管理员角色`;
      await act('admin', () => orgs.setMemberRoles(orgId, m.id, pending.roles), text);
    } else if (await act('leave', () => orgs.removeMember(orgId, myId), '已退出企业')) {
      setTimeout(() => void Taro.switchTab({ url: MINE }), 800);
    }
  };

  const createInvite = async () => {
    if (busy || !orgId) return;
    setBusy('invite');
    setNotice(null);
    try {
      setInvite(await orgs.createInvite(orgId));
    } catch (err) {
      refused(err);
    } finally {
      setBusy(null);
    }
  };

  if (me.status === 'loading') return <SkeletonCards count={3} />;
  if (me.status === 'error')
    return <ErrorState className="members-error" message={errorMessage(me.error)} onRetry={me.reload} />;
  if (!ready?.org) {
    // Signed out, or in no enterprise: both are sent back to 我的.
    const [text, hint, actionText] =
      me.status === 'signed-out'
        ? ['请先登录', '登录后可查看本企业成员', '去登录']
        : ['尚未加入企业', '登记企业或凭企业管理员的邀请码加入后，可在这里查看成员', '返回我的'];
    return <EmptyState className="members-empty" text={text} hint={hint} go={{ text: actionText, url: MINE }} />;
  }

  const dialog = dialogText(pending);
  return (
    <View className="members">
      <View className="members__hero">
        <Text className="members__heading">{ready.org.name}</Text>
        <Text className="members__sub">
          {isAdmin ? '管理成员角色、邀请新成员；角色调整立即生效' : '本企业成员及其角色（由企业管理员调整）'}
        </Text>
      </View>

      {notice && <OrgNotice block="members" notice={notice} />}

      {isAdmin && (
        <View className="members__card members__invite">
          <View className="members__invite-head">
            <View className="members__invite-text">
              <Text className="members__card-title">邀请成员</Text>
              <Text className="members__card-desc">生成一次性邀请码（7 天内有效），发给同事凭码加入本企业</Text>
            </View>
            <Button
              busy={busy === 'invite'}
              className={`members__invite-create${busy === 'invite' ? ' is-busy' : ''}`}
              onClick={() => void createInvite()}
            >
              {busy === 'invite' ? '生成中…' : invite ? '重新生成' : '生成邀请码'}
            </Button>
          </View>
          {invite && (
            <View className="members__invite-result">
              <Text className="members__invite-code" selectable>
                {invite.code}
              </Text>
              <Text className="members__invite-expiry">有效期至 {formatShanghai(invite.expiresAt)}，仅可使用一次</Text>
              <Button
                kind="secondary"
                className="members__invite-copy"
                onClick={() => void Taro.setClipboardData({ data: invite.code })}
              >
                复制邀请码
              </Button>
            </View>
          )}
        </View>
      )}

      {status === 'loading' && <SkeletonCards count={3} />}
      {status === 'error' && <ErrorState className="members-error" message={refusalText(error)} onRetry={reload} />}
      {status === 'ready' && items.length === 0 && (
        <EmptyState className="members-empty" text="暂无成员" hint="生成邀请码，邀请同事加入本企业" />
      )}

      {status === 'ready' && items.length > 0 && (
        <View className="members__list">
          <Text className="members__count">
            共 {items.length}
            {cursor ? '+' : ''} 名成员
          </Text>
          {items.map((m) => {
            const self = m.id === myId;
            return (
              <View
                key={m.id}
                className="member"
                data-id={m.id}
                data-roles={sortedRoles(m.roles).join(',')}
                data-self={self ? '1' : '0'}
              >
                <View className="member__main">
                  <View className={`member__avatar${m.roles.includes('org_admin') ? ' is-admin' : ''}`}>
                    <Text>{m.roles.includes('org_admin') ? '管' : '员'}</Text>
                  </View>
                  <View className="member__body">
                    <View className="member__name-row">
                      <Text className="member__name">{memberName(m)}</Text>
                      {self && <Text className="member__self">我</Text>}
                    </View>
                    <View className="member__roles">
                      {sortedRoles(m.roles).map((r) => (
                        <Text key={r} className={`member__role member__role--${r}`}>
                          {roleText(r)}
                        </Text>
                      ))}
                    </View>
                  </View>
                </View>
                {isAdmin && !self && (
                  <View className="member__actions">
                    {toggles.map((role) => (
                      <Button
                        key={role}
                        kind="secondary"
                        busy={busy === `${role}-${m.id}`}
                        className={`member__action member__action--${role.replace('_', '-')}${busy === `${role}-${m.id}` ? ' is-busy' : ''}`}
                        onClick={() => toggleRole(m, role)}
                      >
                        {busy === `${role}-${m.id}`
                          ? '处理中…'
                          : `${m.roles.includes(role) ? '取消' : '设为'}${ROLE_NAMES[role]}`}
                      </Button>
                    ))}
                    <Button
                      kind="secondary"
                      className="member__action member__action--admin"
                      onClick={() =>
                        !busy && setPending({ kind: 'admin', member: m, roles: toggled(m.roles, 'org_admin') })
                      }
                    >
                      {m.roles.includes('org_admin') ? '取消管理员' : '设为管理员'}
                    </Button>
                    <Button
                      kind="danger"
                      className="member__action member__action--remove"
                      onClick={() => !busy && setPending({ kind: 'remove', member: m })}
                    >
                      移除
                    </Button>
                  </View>
                )}
              </View>
            );
          })}
          <View className="members__more">
            {loadingMore && <Text>正在加载更多…</Text>}
            {!loadingMore && !cursor && <Text>— 已显示全部 —</Text>}
          </View>
        </View>
      )}

      <ActionButton
        kind="danger"
        className="members__leave"
        text="退出企业"
        onClick={() => !busy && setPending({ kind: 'leave' })}
      />

      <Dialog
        open={pending !== null}
        className={pending ? `members-dialog members-dialog--${pending.kind}` : 'members-dialog'}
        title={dialog.title}
        message={dialog.message}
        warning={dialog.warning}
        confirmText={dialog.confirmText}
        danger={dialog.danger}
        busy={busy !== null}
        onConfirm={() => void confirm()}
        onCancel={() => setPending(null)}
      />
    </View>
  );
}

function dialogText(p: Pending | null) {
  if (!p) return { title: '', confirmText: '确定' };
  if (p.kind === 'remove') {
    return {
      title: '移除成员',
      message: `确定将「${memberName(p.member)}」移出本企业吗？`,
      warning: '移除后该成员将立即失去本企业的全部权限',
      confirmText: '移除',
      danger: true,
    };
  }
  if (p.kind === 'leave') {
    return {
      title: '退出企业',
      message: '退出后你将立即失去本企业的全部权限（发榜、揭榜、评审等），再次加入需要管理员的邀请码。',
      warning: '企业的最后一位管理员不能退出，请先将其他成员设为企业管理员',
      confirmText: '退出企业',
      danger: true,
    };
  }
  return p.roles.includes('org_admin')
    ? {
        title: '设为企业管理员',
        message: `「${memberName(p.member)}」将可以修改企业信息、邀请和移除成员、调整成员角色，立即生效。`,
        confirmText: '设为管理员',
      }
    : {
        title: '取消管理员',
        message: `「${memberName(p.member)}」将立即失去管理员权限，成为企业成员。`,
        warning: '企业至少需要保留一名管理员',
        confirmText: '取消管理员',
        danger: true,
      };
}
