import { useCallback, useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { DEMO_IDENTITIES } from '@jiebang/shared';
import type { DemoIdentity, MeResponse } from '@jiebang/shared';
import * as auth from '../../services/auth';
import { ApiError, errorMessage } from '../../services/http';
import { ErrorState, LoadingState } from '../../components/state-view';
import * as notifications from '../../services/notifications';
import { isLocalStage } from '../../lib/env';
import { authorityName, authorityOf } from '../../lib/roles';
import { clearResume, pendingResume, resumeAfter } from '../../lib/resume';
import { ORG_KINDS, ORG_SIZES, regionText, roleText } from '../../lib/format';
import { EntryList, WorkEntries, type Entry } from './work-entries';
import { useTodos, type Todos } from './use-todos';
import { InboxEntry } from '../inbox/entry';
import { PrivacyNotice } from '../../components/privacy-notice';
import { Button } from '../../components/button';
import './index.scss';
import { showModal } from '../../lib/modal';

type State =
  | { kind: 'checking' }
  | { kind: 'signed-out' }
  | { kind: 'error'; message: string }
  | { kind: 'signed-in'; me: MeResponse };

/** DEMO_IDENTITIES grouped by `group`, in first-seen order. */
function groupedIdentities(): [string, DemoIdentity[]][] {
  const groups = new Map<string, DemoIdentity[]>();
  for (const identity of DEMO_IDENTITIES) {
    const list = groups.get(identity.group) ?? [];
    list.push(identity);
    groups.set(identity.group, list);
  }
  return [...groups.entries()];
}

export default function MinePage() {
  const [state, setState] = useState<State>({ kind: 'checking' });
  const [busy, setBusy] = useState<string | null>(null);

  const refresh = useCallback(async (): Promise<MeResponse | null> => {
    if (!auth.isSignedIn()) {
      setState({ kind: 'signed-out' });
      return null;
    }
    const token = auth.getToken();
    try {
      const me = await auth.me();
      // Signed out (or in as someone else) while this was loading: the answer belongs to a session that is gone.
      if (auth.getToken() !== token) return null;
      setState({ kind: 'signed-in', me });
      return me;
    } catch (err) {
      if (auth.getToken() !== token && !(err instanceof ApiError && err.status === 401)) return null;
      // A 401 has already dropped the token: the user simply has to sign in again.
      if (err instanceof ApiError && err.status === 401) setState({ kind: 'signed-out' });
      else setState({ kind: 'error', message: errorMessage(err) });
      return null;
    }
  }, []);

  // What the signed-out screen says the sign-in will continue with (read again each time 我的 shows).
  const [resume, setResume] = useState(pendingResume);
  useDidShow(() => {
    setResume(pendingResume());
    void refresh();
  });

  const signIn = async (key: string, run: () => Promise<unknown>) => {
    if (busy) return;
    setBusy(key);
    try {
      await run();
      setState({ kind: 'checking' });
      const me = await refresh();
      // The badge is this user's from now on (not the previous account's).
      void notifications.refreshBadge();
      void Taro.pageScrollTo({ scrollTop: 0, duration: 0 });
      void Taro.showToast({ title: '登录成功', icon: 'success' });
      // Back to the page and action that asked for the sign-in (registration first when applying needs it).
      if (me) resumeAfter(me);
    } catch (err) {
      void Taro.showToast({ title: errorMessage(err), icon: 'none', duration: 2500 });
    } finally {
      setBusy(null);
    }
  };

  const signOut = async () => {
    const { confirm } = await showModal({
      title: '退出登录',
      content: '确定要退出当前账号吗？',
      confirmText: '退出',
      danger: true,
    });
    if (!confirm) return;
    auth.logout();
    // The next person to sign in on this device does not inherit this one's unfinished detour.
    clearResume();
    void notifications.refreshBadge();
    setState({ kind: 'signed-out' });
    void Taro.pageScrollTo({ scrollTop: 0, duration: 0 });
  };

  return (
    <View className="mine">
      {state.kind === 'checking' && <LoadingState />}

      {state.kind === 'error' && (
        <View className="mine__block">
          <ErrorState message={state.message} onRetry={() => void refresh()} />
          <Button kind="ghost" block className="mine__link logout" onClick={() => void signOut()}>
            退出登录
          </Button>
        </View>
      )}

      {/* Keyed by user: switching accounts starts the profile (and its unread count) afresh. */}
      {state.kind === 'signed-in' && (
        <Profile
          key={state.me.user.id}
          me={state.me}
          onSignOut={() => void signOut()}
          onChanged={() => void refresh()}
        />
      )}

      {state.kind === 'signed-out' && (
        <View className="mine__signin">
          <View className="mine__welcome">
            <View className="mine__avatar mine__avatar--guest">
              <Text>揭</Text>
            </View>
            <Text className="mine__welcome-title">登录揭榜通</Text>
            <Text className="mine__welcome-sub">浏览需求无需登录；登录后可发榜、揭榜并跟踪进度</Text>
          </View>

          {resume && (
            <View className="mine__resume mine-resume">
              <Text className="mine-resume__label">
                {resume.kind === 'apply' ? '登录后继续揭榜' : '登录后继续查看'}
              </Text>
              <Text className="mine-resume__title">{resume.title}</Text>
            </View>
          )}

          {isLocalStage ? (
            <View className="demo">
              <View className="demo__head">
                <Text className="demo__title">本地演示登录</Text>
                <Text className="demo__badge">仅限本地环境</Text>
              </View>
              <Text className="demo__hint">选择一个演示身份，以登录凭证 dev:&lt;openid&gt; 登录</Text>
              {groupedIdentities().map(([group, identities]) => (
                <View key={group} className="demo__group">
                  <Text className="demo__group-title">{group}</Text>
                  {identities.map((identity) => (
                    <View
                      key={identity.openid}
                      className={`demo-login${busy === identity.openid ? ' is-busy' : ''}`}
                      data-openid={identity.openid}
                      hoverClass="demo-login--pressed"
                      onClick={() => void signIn(identity.openid, () => auth.loginAsDemo(identity.openid))}
                    >
                      <View className="demo-login__text">
                        <Text className="demo-login__label">{identity.label}</Text>
                        <Text className="demo-login__openid">{identity.openid}</Text>
                      </View>
                      <Text className="demo-login__go">{busy === identity.openid ? '登录中…' : '登录'}</Text>
                    </View>
                  ))}
                </View>
              ))}
            </View>
          ) : (
            <View className="mine__wechat">
              <Button
                size="large"
                block
                busy={busy === 'wechat'}
                className="mine__wechat-btn wechat-login"
                onClick={() => void signIn('wechat', () => auth.loginWithWechat())}
              >
                {busy === 'wechat' ? '正在登录…' : '微信一键登录'}
              </Button>
              <Text className="mine__agreement">登录即表示同意平台用户协议与个人信息保护政策</Text>
            </View>
          )}
        </View>
      )}
    </View>
  );
}

/** 所属企业 when the user has none, in the words of their role (authorities are not asked to register). */
function noOrgText(me: MeResponse): string {
  const authority = authorityOf(me.user.roles);
  if (authority?.kind === 'ministry') return '工业和信息化部中小企业局：审核转报的需求与揭榜申请，发布需求目录。';
  if (authority) return `${authorityName(authority)}：初审本辖区的需求与揭榜申请。`;
  if (me.user.roles.includes('admin')) return '平台运营账号，不隶属于企业。';
  return '尚未加入企业。中小企业登记后即可揭榜，大型企业登记后即可发榜。';
}

/**
 * 技术经理人编号 (the user id): what a 技术经理人 gives an achievement owner of another organisation so that it can
 * attach them to an interest (PUT /v1/interests/{id}/tech-manager). Hooks `mine-org__manager-id`, `manager-id-copy`.
 */
function ManagerNumber({ id }: { id: string }) {
  const copy = () =>
    Taro.setClipboardData({ data: id }).then(
      () => void Taro.showToast({ title: '已复制技术经理人编号', icon: 'none' }),
      () => void Taro.showToast({ title: '复制失败，请长按编号手动复制', icon: 'none' }),
    );
  return (
    <View className="mine-org__manager">
      <View className="mine-org__row">
        <Text className="mine-org__label">技术经理人编号</Text>
        <Text className="mine-org__value mine-org__manager-id" userSelect>
          {id}
        </Text>
        <Text className="mine-org__copy manager-id-copy" onClick={() => void copy()}>
          复制
        </Text>
      </View>
      <Text className="mine-org__hint">成果单位指派你跟进对接意向时，请把此编号告诉其管理员</Text>
    </View>
  );
}

function Profile({ me, onSignOut, onChanged }: { me: MeResponse; onSignOut: () => void; onChanged: () => void }) {
  const { user, org } = me;
  const todos = useTodos(me);
  const name = user.displayName || (org ? org.name : '揭榜通用户');
  return (
    <View className="mine__profile">
      <PrivacyNotice me={me} onAccepted={onChanged} />
      <View className="mine-user">
        <View className="mine__avatar">
          <Text>{name.slice(0, 1)}</Text>
        </View>
        <View className="mine-user__body">
          <Text className="mine-user__name">{name}</Text>
          <Text className="mine-user__id">用户 ID：{user.id}</Text>
          <View className="mine-user__roles">
            {user.roles.length === 0 && <Text className="mine-user__role mine-user__role--none">暂无角色</Text>}
            {user.roles.map((role) => (
              <Text key={role} className="mine-user__role">
                {roleText(role)}
              </Text>
            ))}
          </View>
        </View>
      </View>

      <View className="mine__card">
        <Text className="mine__card-title">
          {org || !(authorityOf(user.roles) || user.roles.includes('admin')) ? '所属企业' : '所属单位'}
        </Text>
        {org ? (
          <View className="mine-org">
            <Text className="mine-org__name">{org.name}</Text>
            <View className="mine-org__row">
              <Text className="mine-org__label">企业类型</Text>
              <Text className="mine-org__value">{ORG_KINDS[org.kind]}</Text>
            </View>
            {org.size && (
              <View className="mine-org__row">
                <Text className="mine-org__label">企业规模</Text>
                <Text className="mine-org__value">{ORG_SIZES[org.size]}</Text>
              </View>
            )}
            <View className="mine-org__row">
              <Text className="mine-org__label">所在地区</Text>
              <Text className="mine-org__value">{regionText(org.region)}</Text>
            </View>
            {user.roles.includes('tech_manager') && <ManagerNumber id={user.id} />}
          </View>
        ) : (
          <Text className="mine__empty">{noOrgText(me)}</Text>
        )}
      </View>

      <WorkEntries me={me} todos={todos} />
      <ApplicationEntries me={me} todos={todos} />
      <InboxEntry />

      {/* pipl: 我的数据 and account erasure */}
      <View
        className="mine__privacy privacy-entry"
        onClick={() => void Taro.navigateTo({ url: '/subpackages/trust/pages/privacy/index' })}
      >
        个人信息与账号注销
      </View>

      <Button kind="danger" size="large" block className="mine__logout logout" onClick={onSignOut}>
        退出登录
      </Button>
    </View>
  );
}

/**
 * Entries of 揭榜 — registration (no enterprise yet), 我的揭榜 (SME members), the application review queue
 * (authorities), 企业成员 (any enterprise member) — in the look of the 发榜 entries. Classes `mine-entries`,
 * `mine-entry--register`, `mine-entry--join`, `mine-entry--applications`, `mine-entry--members`, `mine-entry--review-apps`.
 */
function ApplicationEntries({ me, todos }: { me: MeResponse; todos: Todos }) {
  const { roles } = me.user;
  const authority = roles.some((r) => r === 'ministry' || r.startsWith('province:'));
  const entries: Entry[] = [];
  if (!me.org && !authority && !roles.includes('admin')) {
    entries.push({
      key: 'register',
      icon: 'store',
      title: '企业注册',
      desc: '登记企业信息，按 300号 标准自动划型',
      url: '/subpackages/sme/pages/register/index',
    });
    entries.push({
      key: 'join',
      icon: 'userAdd',
      title: '凭邀请码加入企业',
      desc: '同事所在企业已登记：输入其管理员分享的邀请码',
      url: '/subpackages/org/pages/join/index',
    });
  }
  if (me.org?.kind === 'sme') {
    entries.push({
      key: 'applications',
      icon: 'edit',
      title: '我的揭榜',
      desc: '申请书草稿、审核进度与退回意见',
      url: '/subpackages/sme/pages/applications/index',
    });
  }
  // Every member of an enterprise: its members and roles (the admin manages them there).
  if (me.org) {
    const admin = roles.includes('org_admin');
    entries.push({
      key: 'members',
      icon: 'user',
      title: '企业成员',
      desc: admin ? '调整成员角色、邀请或移除成员' : '查看本企业成员及角色、退出企业',
      url: '/subpackages/org/pages/members/index',
    });
  }
  // An issuer (a large enterprise, or an SME that 发榜): its affiliate list; the admin imports it from .xlsx.
  if (me.org?.kind === 'large' || me.org?.kind === 'sme') {
    entries.push({
      key: 'affiliates',
      icon: 'link',
      title: '关联企业名单',
      desc: roles.includes('org_admin')
        ? '导入供应商名单（.xlsx），名单上的企业不能揭榜本企业需求'
        : '本企业申报的子公司、供应商等',
      url: '/subpackages/org/pages/affiliates/index',
    });
  }
  if (authority) {
    entries.push({
      key: 'review-apps',
      icon: 'received',
      title: '揭榜申请审核',
      desc: roles.includes('ministry') ? '转报的揭榜申请，提交发榜企业评审' : '本辖区企业揭榜申请初审',
      url: '/subpackages/authority/pages/application-queue/index',
    });
    // statistics: the authorities' dashboards and 统计表
    entries.push({
      key: 'stats',
      icon: 'list',
      title: '统计看板与统计表',
      desc: roles.includes('ministry') ? '全国发榜揭榜数据、各地统计表报送情况' : '本辖区发榜揭榜数据、填报统计表',
      url: '/subpackages/stats/pages/dashboard/index',
    });
  }
  // The issuer's reviewers and admins: scoring, ranking, selection and acceptance (subpackages/reviewer).
  if (me.org?.kind === 'large' && roles.some((r) => r === 'reviewer' || r === 'org_admin')) {
    entries.push({
      key: 'reviewer',
      icon: 'star',
      title: '评审与遴选',
      desc: '为揭榜申请评分、查看排名、确定入选企业与验收',
      url: '/subpackages/reviewer/pages/demands/index',
    });
  }
  // 科技成果赋智 (library area): the library for everyone signed in, interests for members, review for provinces.
  entries.push({
    key: 'library',
    icon: 'articles',
    title: '科技成果库',
    desc: me.org ? '浏览、登记科技成果，提出对接意向' : '浏览高校、科研院所的科技成果',
    url: '/subpackages/library/pages/index/index',
  });
  if (me.org) {
    entries.push({
      key: 'interests',
      icon: 'retweet',
      title: '对接意向',
      desc: '收到和发出的成果对接意向，接受后交换联系人',
      url: '/subpackages/library/pages/interests/index',
    });
    if (roles.includes('org_admin')) {
      entries.push({
        key: 'profile',
        icon: 'home',
        title: '单位画像',
        desc: '简介、产品、技术领域与关键词，用于精准匹配',
        url: '/subpackages/library/pages/profile/index',
      });
    }
  }
  if (roles.some((r) => r.startsWith('province:'))) {
    entries.push({
      key: 'review-achievements',
      icon: 'success',
      title: '科技成果审核',
      desc: '本辖区报送的科技成果，审核通过后在成果库发布',
      url: '/subpackages/library/pages/review/index',
    });
  }
  return (
    <EntryList
      className="mine-entries"
      entries={entries}
      todos={todos}
      entryClass={(key) => `mine-entry mine-entry--${key}`}
    />
  );
}
