/**
 * 为你推荐 (library area): for a signed-in member of an organisation with a profile, the published demands that
 * match it, each with its reasons; nothing for visitors. Hooks: `recommendations`, `recommendation`
 * (`data-id`), `recommendation__reason`.
 */
import { useCallback } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import * as library from '../../services/library';
import { useAsync } from '../../hooks/use-async';
import { useMe } from '../../hooks/use-me';
import { fieldText, regionText } from '../../lib/format';
import './index.scss';

export function Recommendations() {
  const me = useMe();
  const withOrg = me.status === 'ready' && !!me.me.org;
  const load = useCallback(() => library.recommendations(5), []);
  const { state } = useAsync(withOrg ? load : null);
  if (!withOrg || state.status !== 'ready') return null;
  const items = state.value.items;
  return (
    <View className="recommendations">
      <View className="recommendations__head">
        <Text className="recommendations__title">为你推荐</Text>
        <Text className="recommendations__sub">按贵单位的技术领域、关键词与地区匹配</Text>
      </View>
      {items.length === 0 && (
        <Text className="recommendations__empty">完善单位画像（技术领域、关键词）后，这里会推荐匹配的需求</Text>
      )}
      {items.map((r) => (
        <View
          key={r.id}
          className="recommendation"
          data-id={r.id}
          hoverClass="recommendation--pressed"
          onClick={() => void Taro.navigateTo({ url: `/pages/demand-detail/index?id=${encodeURIComponent(r.id)}` })}
        >
          <Text className="recommendation__title">{r.title}</Text>
          <Text className="recommendation__meta">
            {fieldText(r.field)} · {r.issuer ? r.issuer.name : '匿名发榜企业'} · {regionText(r.region)}
          </Text>
          {r.reasons.map((reason) => (
            <Text key={reason} className="recommendation__reason">
              {reason}
            </Text>
          ))}
        </View>
      ))}
    </View>
  );
}
