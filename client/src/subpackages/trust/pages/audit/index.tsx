/**
 * An object's tamper-evident audit trail (trust): the server's verification on top — "记录完整，未被篡改" or each
 * place where the trail broke — then every event, newest first, with its place in the chain and its hash, a
 * broken one marked. Reached from the pages of the objects (`?type=demand&id=…`).
 *
 * Test hooks: `audit-page`, `audit-verdict` (`data-ok`), `audit-verdict__break`, `audit-event` (`data-seq`,
 * `is-broken`).
 */
import { useCallback } from 'react';
import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { AUDITED_TYPES, formatShanghai, type AuditedType } from '@jiebang/shared';
import * as audit from '../../../../services/audit';
import { useAsync } from '../../../../hooks/use-async';
import { EmptyState, FailedState, LoadingState } from '../../../../components/state-view';
import { ACTIONS } from '../../../../components/demand-timeline';
import { roleText } from '../../../../lib/format';
import './index.scss';

const OBJECT_TEXT: Record<AuditedType, string> = {
  demand: '需求',
  application: '揭榜申请',
  org: '企业',
  campaign: '年度发榜工作',
};

/** Actions of the other objects' trails (applications, enterprises), beside the demand's. */
const MORE_ACTIONS: Record<string, string> = {
  resubmit: '修改后重新报送',
  release: '提交发榜企业评审',
  not_select: '未入选',
  accept: '验收通过',
  fail_acceptance: '验收未通过',
  close: '揭榜截止，申请关闭',
  register: '登记企业',
  join: '成员加入企业',
  member_roles: '调整成员角色',
  member_remove: '移除成员',
  affiliates: '更新关联企业名单',
};
const actionText = (a: string) => ACTIONS[a] ?? MORE_ACTIONS[a] ?? a;

/** A hash as people compare them: its first and last characters. */
const short = (hash?: string) => (hash ? `${hash.slice(0, 8)}…${hash.slice(-6)}` : '—');

export default function AuditPage() {
  const { params } = useRouter();
  const type = (AUDITED_TYPES as readonly string[]).includes(params.type ?? '') ? (params.type as AuditedType) : null;
  const id = params.id ? decodeURIComponent(params.id) : '';
  const load = useCallback(
    async () =>
      type && id
        ? Promise.all([audit.trail(type, id), audit.verify(type, id)])
        : Promise.reject(new Error('缺少对象编号')),
    [type, id],
  );
  const s = useAsync(load);

  if (s.status === 'loading') return <LoadingState />;
  if (s.status === 'error') {
    return (
      <View className="audit-page audit-page--state">
        <FailedState error={s.error} notFound="对象不存在或您无权查看其操作记录" onRetry={s.reload} />
      </View>
    );
  }
  const [t, v] = s.value;
  const broken = new Set(v.breaks.map((b) => b.eventId ?? `#${b.seq}`));
  const events = [...t.events].reverse();
  return (
    <View className="audit-page">
      <View className={`audit-verdict ${v.ok ? 'is-ok' : 'is-broken'}`} data-ok={v.ok ? '1' : '0'}>
        <Text className="audit-verdict__title">{v.ok ? '记录完整，未被篡改' : '记录不完整或被改动过'}</Text>
        <Text className="audit-verdict__facts">
          {`${type ? OBJECT_TEXT[type] : ''}的操作记录共 ${v.length} 条 · 链头 ${short(v.head)}`}
        </Text>
        {v.anchoredDay && <Text className="audit-verdict__facts">{`已纳入平台 ${v.anchoredDay} 的每日存证`}</Text>}
        {v.breaks.map((b, i) => (
          <Text key={i} className="audit-verdict__break">
            {b.message}
          </Text>
        ))}
        <Text className="audit-verdict__hint">
          每条记录都带有上一条记录的哈希值（SHA-256），任何一条被改动、删除或调换顺序，校验都会指出断在哪一条。
        </Text>
      </View>

      {events.length === 0 ? (
        <EmptyState text="暂无操作记录" />
      ) : (
        <View className="audit-page__list">
          {events.map((e) => (
            <View
              key={e.id}
              className={`audit-event${broken.has(e.id) || broken.has(`#${e.seq}`) ? ' is-broken' : ''}`}
              data-seq={String(e.seq ?? '')}
            >
              <View className="audit-event__head">
                <Text className="audit-event__seq">{`第 ${e.seq ?? '?'} 条`}</Text>
                <Text className="audit-event__what">{actionText(e.action)}</Text>
              </View>
              <Text className="audit-event__who">{`${e.actor.name ?? roleText(e.actor.role)} · ${formatShanghai(e.at)}`}</Text>
              {e.comment && <Text className="audit-event__comment">{e.comment}</Text>}
              <Text className="audit-event__hash">{`哈希 ${short(e.hash)} ← 上一条 ${short(e.prevHash)}`}</Text>
            </View>
          ))}
        </View>
      )}
    </View>
  );
}
