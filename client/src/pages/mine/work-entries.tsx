import Taro from '@tarojs/taro';
import { Text } from '@tarojs/components';
import type { MeResponse } from '@jiebang/shared';
import { authorityName, authorityOf, isIssuerUser } from '../../lib/roles';
import { EntryCell, EntryCells, type IconName } from '../../components/entry-cell';
import './work-entries.scss';

/**
 * Entries of 发榜 on 我的: 我的发榜 for members of a large enterprise, 审核工作台 (demand review) for the ministry
 * and provincial authorities. Classes `mine-work`, `mine-work__entry--my-demands`, `mine-work__entry--review`.
 */
export function WorkEntries({ me, todos = {} }: { me: MeResponse; todos?: Partial<Record<string, string>> }) {
  const authority = authorityOf(me.user.roles);
  const entries: Entry[] = [];
  if (isIssuerUser(me)) {
    entries.push({
      key: 'my-demands',
      icon: 'order',
      title: '我的发榜',
      desc: '填写需求表、报送审核、查看审核进度',
      url: '/subpackages/issuer/pages/my-demands/index',
    });
  }
  if (authority) {
    entries.push({
      key: 'review',
      icon: 'shieldCheck',
      title: '审核工作台',
      desc:
        authority.kind === 'ministry' ? '审核转报及直报的需求，发布需求目录' : `${authorityName(authority)} · 需求初核`,
      url: '/subpackages/authority/pages/review-queue/index',
    });
  }
  // 221号 to the letter (issue 16): the year's deadlines; a department's list for the direct channel.
  const department = me.user.roles.find((r) => r.startsWith('department:'));
  if (department) {
    entries.push({
      key: 'contacts',
      icon: 'service',
      title: '联系的大企业',
      desc: '名单内的大企业可直接报送工业和信息化部',
      url: '/subpackages/campaign/pages/department/index',
    });
  }
  if (entries.length > 0 || department) {
    entries.push({
      key: 'campaign',
      icon: 'clock',
      title: '年度工作时间',
      desc: authority?.kind === 'ministry' ? '设置需求征集、揭榜、遴选和统计报送时间' : '适用于您的各项截止时间',
      url: '/subpackages/campaign/pages/campaign/index',
    });
  }
  // events (百场万企): every user finds the calendar and 我的活动; authorities their console.
  entries.push({
    key: 'events',
    icon: 'location',
    title: '对接活动',
    desc: '“百场万企”活动日历、报名与参会凭证',
    url: me.org ? '/subpackages/events/pages/mine/index' : '/subpackages/events/pages/calendar/index',
  });
  if (authority) {
    entries.push({
      key: 'organiser',
      icon: 'notice',
      title: '主办活动',
      desc: '报名审核、预对接名单、现场签到、导出',
      url: '/subpackages/organiser/pages/events/index',
    });
  }
  // policy support (issue 16, item 7): the selected SMEs of the authority's region (the ministry: all).
  if (authority) {
    entries.push({
      key: 'supported-smes',
      icon: 'heart',
      title: '揭榜企业与政策支持',
      desc:
        authority.kind === 'ministry'
          ? '全国入选中小企业，按资质筛选、记录政策支持'
          : '本辖区入选中小企业，按资质筛选、记录政策支持',
      url: '/subpackages/authority/pages/supported-smes/index',
    });
  }
  // publicity (公示): the ministry answers objections to the 揭榜名单; an enterprise follows the ones it filed.
  if (authority?.kind === 'ministry' || me.org) {
    entries.push({
      key: 'objections',
      icon: 'complaint',
      title: authority?.kind === 'ministry' ? '公示异议' : '我的异议',
      desc: authority?.kind === 'ministry' ? '答复揭榜名单公示期内的异议' : '对揭榜名单提出的异议及答复',
      url: '/subpackages/trust/pages/objections/index',
    });
  }
  return <EntryList entries={entries} todos={todos} entryClass={(key) => `mine-work__entry--${key}`} />;
}

/** One line of 我的 that opens a page: an icon, a title and what it is for, and a count of to-dos. */
export interface Entry {
  key: string;
  icon: IconName;
  title: string;
  desc: string;
  url: string;
}

/** The entries as a card of lines (`mine-work__entry` plus `entryClass(key)`, the tests' hook). */
export function EntryList({
  entries,
  todos,
  entryClass,
  className = '',
}: {
  entries: readonly Entry[];
  todos: Partial<Record<string, string>>;
  entryClass: (key: string) => string;
  className?: string;
}) {
  if (entries.length === 0) return null;
  return (
    <EntryCells className={`mine-work ${className}`}>
      {entries.map((e, i) => (
        <EntryCell
          key={e.key}
          className={`mine-work__entry ${entryClass(e.key)}`}
          icon={e.icon}
          title={e.title}
          desc={e.desc}
          last={i === entries.length - 1}
          extra={todos[e.key] && <Text className={`mine-work__todo mine-todo--${e.key}`}>{todos[e.key]}</Text>}
          onClick={() => void Taro.navigateTo({ url: e.url })}
        />
      ))}
    </EntryCells>
  );
}
