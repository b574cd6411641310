/**
 * 揭榜名单 (public, no sign-in): the year's selected SMEs per demand, as the issuer chose them; an anonymous issuer
 * reads 匿名发榜企业 (the server never sends its name). The .xlsx of the same list downloads from the API (H5: the
 * browser; mini-program: downloadFile then openDocument). `?year=` picks a year, the current campaign's by default.
 *
 * 公示 (issue 17): the campaign's notice period heads the list and each result shows its state (公示中 / 异议处理中 /
 * 已确定 / 重新遴选); a signed-in enterprise may object to a result in its period (the objection screen).
 *
 * Test hooks: `results`, `results__title`, `result-line` (`data-demand`), `results__export`, `results__period`,
 * `result-line__state` (`data-state`), `result-line__object`.
 */
import { useCallback, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { FIELDS, formatShanghai, links, RESULT_STATE_LABELS, type ResultState } from '@jiebang/shared';
import * as campaigns from '../../../../services/campaigns';
import { errorMessage } from '../../../../services/http';
import { useCampaignYear } from '../../../../hooks/use-campaign-year';
import { usePagedList } from '../../../../hooks/use-paged-list';
import { EmptyState, ListFooter, yearListState } from '../../../../components/state-view';
import { ActionButton } from '../../../../components/form';
import { useMe } from '../../../../hooks/use-me';
import '../../../../components/status-badge/index.scss';
import './index.scss';

/** The colour of a result's 公示 state, in the status badges' families. */
const STATE_TONE: Record<ResultState, string> = {
  notice: 'pending',
  objected: 'action',
  final: 'success',
  reselecting: 'danger',
};

async function download(year: number) {
  const url = campaigns.resultsExportUrl(year);
  if (process.env.TARO_ENV === 'h5') {
    window.open(url, '_blank');
    return;
  }
  try {
    const file = await Taro.downloadFile({ url });
    await Taro.openDocument({ filePath: file.tempFilePath, fileType: 'xlsx', showMenu: true });
  } catch (err) {
    void Taro.showToast({ title: errorMessage(err), icon: 'none' });
  }
}

export default function ResultsPage() {
  const { params } = useRouter();
  const campaign = useCampaignYear(params.year);
  const y = campaign.year;
  // publicity (公示): the period comes with the first page.
  const [period, setPeriod] = useState<{ from: string; until: string } | null>(null);
  const fetchPage = useCallback(
    async (cursor: string | null) => {
      const page = await campaigns.results(y!, cursor);
      if (!cursor) setPeriod(page.noticePeriod);
      return page;
    },
    [y],
  );
  const list = usePagedList(y ? fetchPage : null);
  const me = useMe();
  const mayObject = me.status === 'ready' && me.me.org !== null;

  const waiting = yearListState(campaign, list);
  if (waiting || !y) return waiting;

  return (
    <View className="results">
      <View className="results__head">
        <Text className="results__title">{y}年度大企业“发榜”中小企业“揭榜”名单</Text>
        <Text className="results__sub">每项需求由发榜企业遴选 1—2 家揭榜中小企业；匿名发榜的企业不显示名称。</Text>
        {period && (
          <Text className="results__period">
            {`公示期：${formatShanghai(period.from)} 至 ${formatShanghai(period.until)}（北京时间，工作日计）。公示期内，已登记企业可对遴选结果提出异议；异议企业不对发榜企业和公众公开。`}
          </Text>
        )}
        {list.items.length > 0 && (
          <ActionButton
            className="results__export"
            kind="secondary"
            text="导出名单（.xlsx）"
            onClick={() => void download(y)}
          />
        )}
      </View>
      {list.items.length === 0 && (
        <EmptyState text="暂无入选名单" hint="发榜企业完成遴选后，入选的揭榜企业会列在这里" />
      )}
      {list.items.map((l) => (
        <View key={l.id} className="result-line" data-demand={l.demandId}>
          <Text className="result-line__demand">{l.demandTitle}</Text>
          <Text className="result-line__meta">
            {FIELDS[l.field]} · 发榜企业：{l.issuerName}
          </Text>
          <View className="result-line__org">
            <Text className="result-line__tag">揭榜企业</Text>
            <Text className="result-line__name">{l.orgName}</Text>
          </View>
          <Text className="result-line__at">入选于 {formatShanghai(l.selectedAt)}</Text>
          <View className="result-line__foot">
            <Text
              className={`result-line__state status-badge status-badge--${STATE_TONE[l.state]}`}
              data-state={l.state}
            >
              {RESULT_STATE_LABELS[l.state]}
            </Text>
            <Text className="result-line__until">
              {l.state === 'notice' || l.state === 'objected'
                ? `公示至 ${formatShanghai(l.noticeUntil)}`
                : l.state === 'reselecting'
                  ? '异议成立，发榜企业重新遴选中'
                  : '公示期满，结果已确定'}
            </Text>
          </View>
          {mayObject && (l.state === 'notice' || l.state === 'objected') && (
            <ActionButton
              className="result-line__object"
              kind="secondary"
              text="对此结果提出异议"
              onClick={() =>
                void Taro.navigateTo({
                  url: `${links.objectionForm(y, l.demandId)}&title=${encodeURIComponent(l.demandTitle)}`,
                })
              }
            />
          )}
        </View>
      ))}
      {list.items.length > 0 && <ListFooter list={list} end={`已显示全部 ${list.items.length} 项`} />}
    </View>
  );
}
