/**
 * 统计表报送情况: the ministry's table of every authority (state, lateness) for a period; a province sees its own
 * line. Tap a line to open the report. The ministry downloads the national roll-up (.xlsx) of the period.
 *
 * Test hooks: `stats-reports`, `stats-reports__period` (`data-period`, `is-on`), `stats-reports__line`
 * (`data-region`, `data-state`, `is-late`), `stats-reports__summary`, `stats-reports__rollup`.
 */
import { useCallback, useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { formatShanghai } from '@jiebang/shared';
import * as stats from '../../../../services/stats';
import { errorMessage } from '../../../../services/http';
import { ErrorState, SkeletonCards } from '../../../../components/state-view';
import { useAsync } from '../../../../hooks/use-async';
import { useMe } from '../../../../hooks/use-me';
import { ExportButton } from '../../components/export-button';
import { currentPeriod, REPORT, stateText } from '../../lib';
import './index.scss';

export default function StatsReportsPage() {
  const now = currentPeriod();
  const year = Number(now.slice(0, 4));
  const periods = [`${year}H1`, `${year}Y`];
  const [period, setPeriod] = useState(now);
  const me = useMe();
  const ministry = me.status === 'ready' && me.authority?.kind === 'ministry';
  const load = useCallback(() => stats.reports(period), [period]);
  const data = useAsync(load);
  useDidShow(() => data.reload());
  const items = data.status === 'ready' ? data.value.items : [];
  const count = (s: string) => items.filter((i) => i.state === s).length;

  return (
    <View className="stats-reports">
      <View className="stats-reports__hero">
        <Text className="stats-reports__heading">“百场万企”活动统计表</Text>
        <View className="stats-reports__periods">
          {periods.map((p) => (
            <Text
              key={p}
              className={`stats-reports__period ${p === period ? 'is-on' : ''}`}
              data-period={p}
              onClick={() => setPeriod(p)}
            >
              {p.endsWith('H1') ? `${p.slice(0, 4)} 上半年` : `${p.slice(0, 4)} 全年`}
            </Text>
          ))}
        </View>
        {data.status === 'ready' && (
          <Text className="stats-reports__summary">
            报送截止 {formatShanghai(data.value.deadline).slice(0, 10)} · 已确认 {count('accepted')} · 待审核{' '}
            {count('submitted')} · 已退回 {count('returned')} · 逾期 {items.filter((i) => i.late).length}
          </Text>
        )}
      </View>
      {ministry && data.status === 'ready' && (
        <View className="stats-reports__download">
          <ExportButton
            key={period}
            className="stats-reports__rollup"
            text="下载全国汇总表（.xlsx）"
            run={(progress) => stats.downloadRollup(period, progress)}
          />
        </View>
      )}
      {data.status === 'loading' && <SkeletonCards count={4} />}
      {data.status === 'error' && <ErrorState message={errorMessage(data.error)} onRetry={data.reload} />}
      {data.status === 'ready' && (
        <View className="stats-reports__list">
          {items.map((l) => (
            <View
              key={l.region}
              className={`stats-reports__line ${l.late ? 'is-late' : ''}`}
              data-region={l.region}
              data-state={l.state}
              hoverClass="stats-reports__line--pressed"
              onClick={() => void Taro.navigateTo({ url: `${REPORT}?region=${l.region}&period=${period}` })}
            >
              <Text className="stats-reports__name">{l.authorityName}</Text>
              <Text className={`stats-reports__state stats-reports__state--${l.state}`}>{stateText(l.state)}</Text>
              {l.late && <Text className="stats-reports__late">逾期</Text>}
            </View>
          ))}
        </View>
      )}
    </View>
  );
}
