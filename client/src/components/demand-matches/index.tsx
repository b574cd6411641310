/**
 * 匹配的企业与成果 (library area): organisations and achievements ranked for a published demand, each with its
 * reasons, on the issuer's demand page. Hooks: `demand-matches`, `demand-match` (`data-kind`, `data-id`).
 */
import { useCallback } from 'react';
import Taro from '@tarojs/taro';
import * as library from '../../services/library';
import { useAsync } from '../../hooks/use-async';
import { ORG_KINDS, regionText } from '../../lib/format';
import { MatchPanel } from '../recommendations/match-panel';

export function DemandMatches({ demandId }: { demandId: string }) {
  const load = useCallback(() => library.matches(demandId), [demandId]);
  const { state } = useAsync(load);
  if (state.status !== 'ready') return null;
  return (
    <MatchPanel
      className="demand-matches"
      itemClass="demand-match"
      title="匹配的企业与成果"
      sub="按领域、关键词、地区与成熟度为本需求排序"
      empty="暂无匹配的单位或成果"
      items={state.value.items.slice(0, 8).map((m) => ({
        id: m.id,
        kind: m.kind,
        title: m.name,
        meta: `${m.kind === 'achievement' ? '科技成果' : (ORG_KINDS[m.orgKind as keyof typeof ORG_KINDS] ?? '单位')}${m.region ? ` · ${regionText(m.region)}` : ''}`,
        reasons: m.reasons,
        open:
          m.kind === 'achievement'
            ? () => void Taro.navigateTo({ url: `/subpackages/library/pages/achievement/index?id=${m.id}` })
            : undefined,
      }))}
    />
  );
}
