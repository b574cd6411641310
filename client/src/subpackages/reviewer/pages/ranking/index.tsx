/**
 * 评审排名 of one demand: weighted totals and per-criterion averages, "已评 x / n" for the caller, sorting; for the
 * issuer's admin, the selection (1–2, or 流榜 with a reason) behind a confirmation, then cooperation and
 * acceptance. Reviewers tap a line to score it.
 *
 * Classes for tests: `ranking`, `ranking__title`, `ranking__progress`, `ranking-line[data-status]`
 * (`data-application` = its id), `ranking-line__total`, `ranking-line__accept` (admin: record the acceptance of
 * a selected line), `ranking-select` (`ranking-select__start`, `ranking-select__picked`,
 * `ranking-select__justification`, `ranking-select__share`, `ranking-select__confirm`, `ranking-select__none`,
 * `ranking-select__cancel`), `selection-dialog` (`dialog__confirm`, `dialog__cancel`), `ranking-decision`
 * (`ranking-decision__cooperate`), `cooperation-dialog`.
 */
import { useCallback, useState } from 'react';
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import {
  APPLICATION_STATUSES,
  CRITERIA,
  DEMAND_STATUSES,
  CRITERION_KEYS,
  MAX_SELECTED,
  APPLICANT_CLASS_LABELS,
  formatShanghai,
  isOpen,
} from '@jiebang/shared';
import type { DemandDetail, RankingLine, RankingSort } from '@jiebang/shared';
import * as demands from '../../../../services/demands';
import * as evaluation from '../../../../services/evaluation';
import { ApiError, errorMessage } from '../../../../services/http';
import { ActionButton, Chips, TextField, type OwnTextFieldSpec } from '../../../../components/form';
import { Toggle } from '../../../../components/toggle';
import { Dialog } from '../../../../components/dialog';
import { EmptyState, ErrorState, SkeletonCards } from '../../../../components/state-view';
import { useMe } from '../../../../hooks/use-me';
import { applicationPageUrl, routeParam } from '../../lib/route';
import '../../reviewer.scss';
import { showModal } from '../../../../lib/modal';

type Ranking = Awaited<ReturnType<typeof evaluation.ranking>>;
const SORTS: readonly (readonly [RankingSort, string])[] = [
  ['total', '总分'],
  ...CRITERION_KEYS.map((c) => [c, CRITERIA[c]] as const),
  ['reviewers', '评分人数'],
];
const fmt = (n: number | null | undefined) =>
  n === null || n === undefined ? '—' : n.toFixed(2).replace(/\.?0+$/, '');

const JUSTIFICATION: OwnTextFieldSpec = {
  label: '遴选理由',
  required: true,
  hint: '将记录在需求的审核记录中；流榜时即为流榜原因',
  area: true,
  className: 'ranking-select__justification',
  maxlength: 2000,
  placeholder: '例如：综合得分最高，技术路线成熟',
};

export default function RankingPage() {
  const demandId = routeParam(useRouter().params.id);
  const [data, setData] = useState<Ranking | null>(null);
  const [demand, setDemand] = useState<DemandDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const me = useMe();
  const admin = me.status === 'ready' && me.me.user.roles.includes('org_admin');
  const [sort, setSort] = useState<RankingSort>('total');
  const [picking, setPicking] = useState(false);
  const [picked, setPicked] = useState<string[]>([]);
  const [justification, setJustification] = useState('');
  const [share, setShare] = useState(false);
  const [confirm, setConfirm] = useState<null | 'select' | 'none' | 'cooperate'>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(
    async (s: RankingSort = sort) => {
      try {
        // The demand (title, status) is context only: the ranking stands without it.
        const [r, d] = await Promise.all([evaluation.ranking(demandId, s), demands.get(demandId).catch(() => null)]);
        setData(r);
        setDemand(d);
        setError(null);
      } catch (err) {
        setError(
          err instanceof ApiError && err.status === 404 ? '需求不存在，或您不是发榜企业的成员' : errorMessage(err),
        );
      } finally {
        Taro.stopPullDownRefresh();
      }
    },
    [demandId, sort],
  );
  useDidShow(() => void load());
  usePullDownRefresh(() => void load());

  /** A decision on the demand: the list again once it is recorded, a modal if it is refused. */
  const act = async (failTitle: string, run: () => Promise<void>) => {
    setBusy(true);
    try {
      await run();
      await load();
    } catch (err) {
      void showModal({ title: failTitle, content: errorMessage(err), showCancel: false });
    } finally {
      setBusy(false);
      setConfirm(null);
    }
  };

  const decide = (ids: string[]) =>
    act('未能确定遴选结果', async () => {
      await evaluation.select(demandId, {
        applicationIds: ids,
        justification: justification.trim(),
        shareComments: share,
      });
      void Taro.showToast({ title: ids.length ? '遴选结果已确定' : '已确定流榜', icon: 'success' });
      setPicking(false);
      setPicked([]);
    });

  const cooperate = () =>
    act('未能确认合作', async () => {
      await evaluation.startCooperation(demandId);
      void Taro.showToast({ title: '已进入合作阶段', icon: 'success' });
    });

  if (error) return <ErrorState message={error} onRetry={() => void load()} />;
  if (!data) return <SkeletonCards count={4} />;

  const decided = data.decision !== null;
  // Cooperation is confirmed once, from `selected` (a first acceptance also moves the demand on by itself).
  // The server refuses a decision before the deadline (DEADLINE_NOT_PASSED); say so instead of offering it.
  const stillOpen = demand !== null && isOpen(demand.applicationDeadline, new Date());
  const canCooperate = admin && data.decision?.outcome === 'selected' && demand?.status === 'selected';
  const names = data.items.filter((l) => picked.includes(l.applicationId)).map((l) => l.orgName);
  const open = (l: RankingLine) => {
    if (picking) {
      if (l.status !== 'released') return;
      setPicked((p) =>
        p.includes(l.applicationId)
          ? p.filter((x) => x !== l.applicationId)
          : p.length >= MAX_SELECTED
            ? p
            : [...p, l.applicationId],
      );
      return;
    }
    if (decided && admin && l.status === 'selected') {
      void Taro.navigateTo({ url: applicationPageUrl('acceptance', l) });
      return;
    }
    void Taro.navigateTo({ url: applicationPageUrl('score', l) });
  };

  return (
    <View className="ranking rv-page">
      <View className="rv-head">
        {demand && <Text className="ranking__title rv-card__title">{demand.title}</Text>}
        {/* The decision, once taken, is the headline; the caller's progress comes under it. */}
        {data.decision && (
          <Text className="ranking__outcome rv-head__big">
            {data.decision.outcome === 'selected' ? `已遴选 ${data.decision.applicationIds.length} 家` : '已流榜'}
          </Text>
        )}
        <Text className={`ranking__progress ${data.decision ? 'rv-muted' : 'rv-head__big'}`}>
          已评 {data.counts.scoredByMe} / {data.counts.applications}
        </Text>
        <Text className="rv-muted">
          权重：{CRITERION_KEYS.map((c) => `${CRITERIA[c]} ${data.weights[c]}%`).join('，')}
        </Text>
      </View>

      {data.decision && (
        <View className="ranking-decision rv-card">
          <Text className="rv-card__title">遴选结果</Text>
          <Text className="rv-muted">决定于 {formatShanghai(data.decision.decidedAt)}</Text>
          <Text className="rv-text">{data.decision.justification}</Text>
          {demand && <Text className="rv-muted">需求状态：{DEMAND_STATUSES[demand.status]}</Text>}
          {canCooperate && (
            <ActionButton
              className="ranking-decision__cooperate"
              kind="secondary"
              text="确认进入合作阶段"
              onClick={() => setConfirm('cooperate')}
            />
          )}
          {admin && data.items.some((l) => l.status === 'selected') && (
            <Text className="rv-muted">项目完成后，点下方入选企业记录验收结果</Text>
          )}
        </View>
      )}

      <Chips
        options={SORTS}
        value={[sort]}
        onChange={(s) => {
          setSort(s);
          void load(s);
        }}
      />

      {data.items.length === 0 ? (
        <EmptyState text="暂无提交评审的揭榜申请" hint="工业和信息化部提交评审后会出现在这里" />
      ) : (
        data.items.map((l) => (
          <View
            key={l.applicationId}
            className={`ranking-line rv-card${picked.includes(l.applicationId) ? ' is-picked' : ''}`}
            data-status={l.status}
            data-application={l.applicationId}
            hoverClass="rv-card--pressed"
            onClick={() => open(l)}
          >
            <View className="rv-row">
              <Text className="rv-rank">{l.rank}</Text>
              <Text className="rv-card__title rv-grow">{l.orgName}</Text>
              <Text className="ranking-line__total rv-total">{fmt(l.total)}</Text>
            </View>
            <Text className="rv-muted">
              {APPLICANT_CLASS_LABELS[l.orgSize]} · {l.reviewerCount} 人已评 · {l.scoredByMe ? '我已评' : '我未评'}
              {l.status !== 'released' ? ` · ${APPLICATION_STATUSES[l.status]}` : ''}
            </Text>
            <View className="rv-criteria">
              {CRITERION_KEYS.map((c) => (
                <Text key={c} className="rv-criterion">
                  {CRITERIA[c]} {fmt(l.averages?.[c])}
                </Text>
              ))}
            </View>
            {admin && decided && l.status === 'selected' && (
              <Text className="ranking-line__accept rv-link">记录验收结果 ›</Text>
            )}
          </View>
        ))
      )}

      {admin && !decided && data.items.length > 0 && (
        <View className="ranking-select rv-card">
          {stillOpen && demand ? (
            <Text className="ranking-select__wait rv-muted">
              揭榜截止（{formatShanghai(demand.applicationDeadline)}）后才能确定遴选结果；截止前可继续评分。
            </Text>
          ) : !picking ? (
            <ActionButton className="ranking-select__start" text="确定遴选结果" onClick={() => setPicking(true)} />
          ) : (
            <>
              <Text className="ranking-select__picked rv-card__title">
                已选 {picked.length} / {MAX_SELECTED}：{names.join('、') || '点上方企业选择'}
              </Text>
              <TextField spec={JUSTIFICATION} value={justification} onChange={setJustification} />
              <View className="rv-row">
                <Text className="rv-grow">向未入选企业公开评审意见（不显示评审人）</Text>
                <Toggle className="ranking-select__share" on={share} onChange={setShare} />
              </View>
              <ActionButton
                className="ranking-select__confirm"
                text="确认入选"
                disabled={picked.length === 0 || justification.trim().length < 2}
                onClick={() => setConfirm('select')}
              />
              <ActionButton
                className="ranking-select__none"
                kind="danger"
                text="流榜（不选择任何企业）"
                disabled={justification.trim().length < 2}
                onClick={() => setConfirm('none')}
              />
              <ActionButton
                className="ranking-select__cancel"
                kind="ghost"
                text="取消"
                onClick={() => {
                  setPicking(false);
                  setPicked([]);
                }}
              />
            </>
          )}
        </View>
      )}

      <Dialog
        className="selection-dialog"
        open={confirm === 'select' || confirm === 'none'}
        title={confirm === 'none' ? '确认流榜' : '确认遴选结果'}
        message={
          confirm === 'none'
            ? '本需求将不选择任何揭榜企业，所有申请企业将收到未入选通知。'
            : `入选：${names.join('、')}。其余申请企业将收到未入选通知。`
        }
        warning="遴选结果确定后不能修改，评分也将锁定。"
        confirmText="确定"
        danger={confirm === 'none'}
        busy={busy}
        onConfirm={() => void decide(confirm === 'none' ? [] : picked)}
        onCancel={() => setConfirm(null)}
      />
      <Dialog
        className="cooperation-dialog"
        open={confirm === 'cooperate'}
        title="确认进入合作阶段"
        message="确认已与入选企业签订合作协议、项目进入实施阶段。入选企业将收到通知。"
        confirmText="确认"
        busy={busy}
        onConfirm={() => void cooperate()}
        onCancel={() => setConfirm(null)}
      />
    </View>
  );
}
