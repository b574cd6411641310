/**
 * 匹配的企业与成果 (library area): organisations and achievements ranked for a published demand, each with its
 * reasons, on the issuer's demand page. Hooks: `demand-matches`, `demand-match` (`data-kind`, `data-id`).
 */
import { useCallback } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import * as library from '../../services/library';
import { useAsync } from '../../hooks/use-async';
import { ORG_KINDS, regionText } from '../../lib/format';
import '../recommendations/index.scss';

export function DemandMatches({ demandId }: { demandId: string }) {
  const load = useCallback(() => library.matches(demandId), [demandId]);
  const { state } = useAsync(load);
  if (state.status !== 'ready') return null;
  const items = state.value.items.slice(0, 8);
  return (
    <View className="recommendations demand-matches">
      <View className="recommendations__head">
        <Text className="recommendations__title">匹配的企业与成果</Text>
        <Text className="recommendations__sub">按领域、关键词、地区与成熟度为本需求排序</Text>
      </View>
      {items.length === 0 && <Text className="recommendations__empty">暂无匹配的单位或成果</Text>}
      {items.map((m) => (
        <View
          key={`${m.kind}:${m.id}`}
          className="recommendation demand-match"
          data-kind={m.kind}
          data-id={m.id}
          onClick={() =>
            m.kind === 'achievement' &&
            void Taro.navigateTo({ url: `/subpackages/library/pages/achievement/index?id=${m.id}` })
          }
        >
          <Text className="recommendation__title">{m.name}</Text>
          <Text className="recommendation__meta">
            {m.kind === 'achievement' ? '科技成果' : (ORG_KINDS[m.orgKind as keyof typeof ORG_KINDS] ?? '单位')}
            {m.region ? ` · ${regionText(m.region)}` : ''}
          </Text>
          {m.reasons.map((reason) => (
            <Text key={reason} className="recommendation__reason">
              {reason}
            </Text>
          ))}
        </View>
      ))}
    </View>
  );
}
