import { Text, View } from '@tarojs/components';
import { DEMAND_STATUSES, formatShanghai } from '@jiebang/shared';
import type { AuditEvent, DemandStatus } from '@jiebang/shared';
import { roleText } from '../../lib/format';
import './index.scss';

/** What an audit action means, in words (the demand's; other objects' actions are shown as recorded). */
export const ACTIONS: Record<string, string> = {
  create: '创建需求表草稿',
  update: '修改需求表',
  submit: '报送审核',
  forward: '初核通过，转报工业和信息化部',
  return: '退回修改',
  publish: '审核通过，发布到需求目录',
  reject: '不予发布',
  withdraw: '撤回需求',
  start_evaluation: '开始评审',
  select: '确定揭榜方',
  declare_no_selection: '流榜',
  start_cooperation: '开始合作',
  complete: '完成验收',
  // trust
  answer_question: '答复企业提问（答疑）',
  // 221号 on paper (issue 16)
  stamped_scan: '登记盖章需求表扫描件',
  // publicity (公示)
  reopen_selection: '公示期异议成立，重新遴选',
};

const DECISIONS = new Set(['forward', 'return', 'publish', 'reject', 'withdraw', 'submit']);

const statusText = (s?: string) => (s && s in DEMAND_STATUSES ? DEMAND_STATUSES[s as DemandStatus] : s);

/**
 * The demand's audit trail, newest first: who (the acting body), when (Beijing time), what, and why (the
 * comment). Runs of edits collapse into their latest. Classes `demand-timeline`, `demand-timeline__item`
 * (`data-action`), `demand-timeline__comment`.
 */
export function DemandTimeline({ events }: { events: AuditEvent[] }) {
  const shown: (AuditEvent & { times: number })[] = [];
  for (const e of events) {
    const last = shown[shown.length - 1];
    if (last && last.action === 'update' && e.action === 'update') {
      shown[shown.length - 1] = { ...e, times: last.times + 1 };
    } else {
      shown.push({ ...e, times: 1 });
    }
  }
  shown.reverse();
  if (shown.length === 0) return <Text className="demand-timeline__empty">暂无记录</Text>;
  return (
    <View className="demand-timeline">
      {shown.map((e, i) => (
        <View
          key={e.id}
          className={`demand-timeline__item${i === 0 ? ' is-latest' : ''}${DECISIONS.has(e.action) ? ' is-decision' : ''} demand-timeline__item--${e.action}`}
          data-action={e.action}
        >
          <View className="demand-timeline__rail">
            <View className="demand-timeline__dot" />
            {i < shown.length - 1 && <View className="demand-timeline__line" />}
          </View>
          <View className="demand-timeline__body">
            <View className="demand-timeline__head">
              <Text className="demand-timeline__what">
                {`${ACTIONS[e.action] ?? e.action}${e.times > 1 ? `（${e.times} 次）` : ''}`}
              </Text>
              {e.toStatus && e.toStatus !== e.fromStatus && (
                <Text className="demand-timeline__status">→ {statusText(e.toStatus)}</Text>
              )}
            </View>
            <Text className="demand-timeline__who">{`${e.actor.name ?? roleText(e.actor.role)} · ${formatShanghai(e.at)}`}</Text>
            {e.comment && <Text className="demand-timeline__comment">{e.comment}</Text>}
          </View>
        </View>
      ))}
    </View>
  );
}
