/**
 * 为你推荐 (library area): for a signed-in member of an organisation with a profile, the published demands that
 * match it, each with its reasons; nothing for visitors. Hooks: `recommendations`, `recommendation`
 * (`data-id`), `recommendation__reason`.
 */
import { useCallback } from 'react';
import Taro from '@tarojs/taro';
import * as library from '../../services/library';
import { useAsync } from '../../hooks/use-async';
import { useMe } from '../../hooks/use-me';
import { fieldText, regionText } from '../../lib/format';
import { MatchPanel } from './match-panel';

export function Recommendations() {
  const me = useMe();
  const withOrg = me.status === 'ready' && !!me.me.org;
  const load = useCallback(() => library.recommendations(5), []);
  const { state } = useAsync(withOrg ? load : null);
  if (!withOrg || state.status !== 'ready') return null;
  return (
    <MatchPanel
      title="为你推荐"
      sub="按贵单位的技术领域、关键词与地区匹配"
      empty="完善单位画像（技术领域、关键词）后，这里会推荐匹配的需求"
      pressable
      items={state.value.items.map((r) => ({
        id: r.id,
        title: r.title,
        meta: `${fieldText(r.field)} · ${r.issuer ? r.issuer.name : '匿名发榜企业'} · ${regionText(r.region)}`,
        reasons: r.reasons,
        open: () => void Taro.navigateTo({ url: `/pages/demand-detail/index?id=${encodeURIComponent(r.id)}` }),
      }))}
    />
  );
}
