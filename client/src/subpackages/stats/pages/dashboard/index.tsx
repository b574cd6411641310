/**
 * 统计看板: the ministry's national dashboard (by region; tap a region for its own) and a province's own. Figures
 * come from counters (one request); charts are View bars (components/bars). On a wide screen the cards sit in a grid.
 *
 * Test hooks: `stats-dashboard` (`data-scope`), `stats-kpi` (`data-key`), `stats-funnel`, `stats-status`,
 * `stats-fields`, `stats-regions`, `stats-trend`, `stats-year-prev`, `stats-year-next`, `stats-reports-link`.
 */
import { useCallback, useState } from 'react';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { DEMAND_STATUSES, STATS_FLOWS, STATS_FUNNEL, regionName, type StatsOverview } from '@jiebang/shared';
import * as stats from '../../../../services/stats';
import { errorMessage } from '../../../../services/http';
import { ErrorState, SkeletonCards } from '../../../../components/state-view';
import { fieldText } from '../../../../lib/format';
import { authorityName } from '../../../../lib/roles';
import { useAsync } from '../../../../hooks/use-async';
import { useMe } from '../../../../hooks/use-me';
import { Bars, Columns } from '../../components/bars';
import './index.scss';

const REPORTS = '/subpackages/stats/pages/reports/index';
const thisYear = () => Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4));
const wideScreen = () => {
  try {
    return Taro.getSystemInfoSync().windowWidth >= 900;
  } catch {
    return false;
  }
};

function Card({ title, hint, hook, children }: { title: string; hint?: string; hook: string; children: unknown }) {
  return (
    <View className={`stats-card ${hook}`}>
      <Text className="stats-card__title">{title}</Text>
      {hint && <Text className="stats-card__hint">{hint}</Text>}
      <View className="stats-card__body">{children as never}</View>
    </View>
  );
}

function Dashboard({ o, ministry }: { o: StatsOverview; ministry: boolean }) {
  const kpis: { key: string; label: string; value: number }[] = [
    { key: 'published', label: '发布需求', value: o.totals.published },
    { key: 'applications', label: '揭榜申请', value: o.totals.applications },
    { key: 'selected', label: '入选', value: o.totals.selected },
    { key: 'no_selection', label: '流榜', value: o.totals.no_selection },
    { key: 'accepted', label: '验收通过', value: o.totals.accepted },
    { key: 'supplier', label: '纳入供应商目录', value: o.totals.supplier },
  ];
  const [trend, setTrend] = useState<'published' | 'applications' | 'selected'>('applications');
  return (
    <View className="stats-grid">
      <View className="stats-kpis">
        {kpis.map((k) => (
          <View key={k.key} className="stats-kpi" data-key={k.key}>
            <Text className="stats-kpi__value">{k.value}</Text>
            <Text className="stats-kpi__label">{k.label}</Text>
          </View>
        ))}
      </View>
      <Card title="揭榜漏斗" hint="本年度提交 → 发布 → 揭榜申请 → 入选 → 验收通过" hook="stats-funnel">
        <Bars bars={STATS_FUNNEL.map((k) => ({ key: k, label: STATS_FLOWS[k], value: o.totals[k] }))} />
      </Card>
      <Card title="月度趋势" hook="stats-trend">
        <View className="stats-tabs">
          {(['applications', 'published', 'selected'] as const).map((k) => (
            <Text
              key={k}
              className={`stats-tabs__tab ${trend === k ? 'is-on' : ''}`}
              data-key={k}
              onClick={() => setTrend(k)}
            >
              {STATS_FLOWS[k]}
            </Text>
          ))}
        </View>
        <Columns
          bars={o.monthly.map((m) => ({ key: m.month, label: `${Number(m.month.slice(5))}月`, value: m[trend] }))}
        />
      </Card>
      {/* events (百场万企): the events held in the scope this year and what came of them — after the demand cards,
          so that on a wide screen the funnel and the trend stand side by side. */}
      <Card title="百场万企对接活动" hint="按举办地统计；成果与金额为对方已确认的" hook="stats-events">
        <View className="stats-kpis">
          {(['events', 'registrants', 'meetings', 'outcomes', 'amount'] as const).map((k) => (
            <View key={k} className="stats-kpi" data-key={k}>
              <Text className="stats-kpi__value">{o.totals[k]}</Text>
              <Text className="stats-kpi__label">{STATS_FLOWS[k]}</Text>
            </View>
          ))}
        </View>
      </Card>
      <Card title="需求状态" hint={`${o.year} 年度发布的需求当前所处阶段（不含草稿）`} hook="stats-status">
        <Bars
          tone="success"
          bars={o.demandsByStatus.map((s) => ({ key: s.status, label: DEMAND_STATUSES[s.status], value: s.count }))}
        />
      </Card>
      <Card title="需求领域" hook="stats-fields">
        <Bars bars={o.demandsByField.map((f) => ({ key: f.field, label: fieldText(f.field), value: f.count }))} />
      </Card>
      {ministry && (
        <Card title="各地区" hint="需求数（按发榜企业所属主管部门）；点击查看该地区" hook="stats-regions">
          <Bars
            tone="accent"
            bars={o.byRegion.map((r) => ({ key: r.region, label: r.name, value: r.demands }))}
            onTap={(key) =>
              void Taro.navigateTo({ url: `/subpackages/stats/pages/dashboard/index?region=${key}&year=${o.year}` })
            }
          />
        </Card>
      )}
    </View>
  );
}

export default function StatsDashboardPage() {
  const me = useMe();
  const { params } = useRouter<{ region?: string; year?: string }>();
  const [year, setYear] = useState(() => Number(params.year) || thisYear());
  const region = params.region;
  const who = me.status === 'ready' ? me.authority : null;
  const load = useCallback(() => stats.overview(year, region), [year, region]);
  const data = useAsync(who ? load : null);
  usePullDownRefresh(() => {
    data.reload();
    void Taro.stopPullDownRefresh();
  });
  const [wide] = useState(wideScreen);
  const ministry = who?.kind === 'ministry' && !region;
  const scope = region ? `${regionName(region)}` : who ? authorityName(who) : ' ';

  return (
    <View className={`stats-dashboard ${wide ? 'stats-dashboard--wide' : ''}`} data-scope={region ?? who?.kind ?? ''}>
      <View className="stats-dashboard__hero">
        <Text className="stats-dashboard__heading">{ministry ? '全国统计看板' : '统计看板'}</Text>
        <Text className="stats-dashboard__scope">{scope}</Text>
        <View className="stats-dashboard__year">
          <Text className="stats-year-prev" onClick={() => setYear(year - 1)}>
            ‹
          </Text>
          <Text className="stats-dashboard__year-text">{year} 年</Text>
          <Text className="stats-year-next" onClick={() => setYear(year + 1)}>
            ›
          </Text>
        </View>
        {!region && (
          <Text className="stats-reports-link" onClick={() => void Taro.navigateTo({ url: REPORTS })}>
            {who?.kind === 'ministry' ? '统计表报送情况 ›' : '填报统计表 ›'}
          </Text>
        )}
      </View>
      {(data.status === 'loading' || me.status === 'loading') && <SkeletonCards count={3} />}
      {(data.status === 'error' || me.status === 'error') && (
        <ErrorState
          className="stats-error"
          message={errorMessage(me.status === 'error' ? me.error : data.status === 'error' ? data.error : null)}
          onRetry={data.reload}
        />
      )}
      {data.status === 'ready' && <Dashboard o={data.value} ministry={ministry} />}
    </View>
  );
}
