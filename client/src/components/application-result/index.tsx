import { Text, View } from '@tarojs/components';
import { CRITERIA, CRITERION_KEYS, acceptanceOutcomeText, formatShanghai } from '@jiebang/shared';
import type { Feedback } from '@jiebang/shared';
import './index.scss';

/** What the SME's application page knows about its result: the feedback as it loads. */
export type ResultState =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  /** 409 NOT_DECIDED: the decision is still being written (a large demand's fan-out). */
  | { kind: 'pending' }
  | { kind: 'ready'; feedback: Feedback };

/** Two decimals at most, no trailing zeros ("82.5", "80"). */
const fmt = (n: number) => n.toFixed(2).replace(/\.?0+$/, '');

/** The selected stay "selected" in the headline after acceptance; acceptance has its own block. */
const isSelected = (s: Feedback['status']) => s === 'selected' || s === 'accepted' || s === 'acceptance_failed';

/** The threshold context in the applicant's words: how many were selected and the lowest selected total. */
function thresholdText(f: Feedback): string {
  const { selectedCount, lowestSelectedTotal, selectedBand } = f.threshold;
  if (selectedCount === 0) return '本需求流榜：发榜企业未选出揭榜企业，所有申请均未入选。';
  // One winner: the server gives only the band of its total (its exact score would be public with its name).
  if (selectedBand)
    return `本需求入选 ${selectedCount} 家，入选企业加权总分在 ${selectedBand.from}–${selectedBand.to} 分之间。`;
  if (lowestSelectedTotal === null) return `本需求入选 ${selectedCount} 家；入选企业未经评分，不设分数线。`;
  return `本需求入选 ${selectedCount} 家，入选企业最低加权总分 ${fmt(lowestSelectedTotal)} 分。`;
}

/** "低于入选最低分 3.25 分" for an applicant that was not selected and scored below the line. */
function gapText(f: Feedback): string | null {
  const band = f.threshold.selectedBand;
  if (band && !isSelected(f.status) && f.total !== null && f.total < band.from)
    return `本企业 ${fmt(f.total)} 分，低于入选企业的分数段。`;
  const line = f.threshold.lowestSelectedTotal;
  if (isSelected(f.status) || f.total === null || line === null || f.total >= line) return null;
  return `本企业 ${fmt(f.total)} 分，低于入选最低分 ${fmt(line - f.total)} 分。`;
}

/**
 * 遴选结果 and 评审反馈 of the SME's own application, after the issuer's decision: 已入选 / 未入选, its own
 * per-criterion averages with the demand's weights, its weighted total and how many reviewers scored, the
 * threshold (lowest selected total, number selected, or 流榜), the reviewers' comments when the issuer shared
 * them (never with a reviewer's name), and the acceptance once recorded. Nothing about other applicants.
 *
 * Classes for tests: `application-result[data-state]` (`loading` / `error` / `pending` / `ready`),
 * `application-result__headline[data-status]`, `application-result__total`, `application-result__reviewers`,
 * `application-result__criterion[data-key]` (`application-result__average` inside),
 * `application-result__no-scores`, `application-result__threshold`, `application-result__comments`,
 * `application-result__acceptance[data-result]`, `application-result__supplier`, `application-result__retry`.
 */
export function ApplicationResult({ state, onRetry }: { state: ResultState; onRetry: () => void }) {
  if (state.kind === 'loading') {
    return (
      <View className="application-result application-result--quiet" data-state="loading">
        <View className="application-result__spinner" />
        <Text className="application-result__hint">正在加载遴选结果…</Text>
      </View>
    );
  }
  if (state.kind === 'error') {
    return (
      <View className="application-result application-result--quiet" data-state="error">
        <Text className="application-result__hint">遴选结果加载失败：{state.message}</Text>
        <View className="application-result__retry" hoverClass="application-result__retry--pressed" onClick={onRetry}>
          重试
        </View>
      </View>
    );
  }
  if (state.kind === 'pending') {
    return (
      <View className="application-result application-result--quiet" data-state="pending">
        <Text className="application-result__hint">遴选结果正在生成，评审反馈稍后可见。</Text>
        <View className="application-result__retry" hoverClass="application-result__retry--pressed" onClick={onRetry}>
          刷新
        </View>
      </View>
    );
  }

  const f = state.feedback;
  const selected = isSelected(f.status);
  const gap = gapText(f);
  return (
    <View className="application-result" data-state="ready" data-status={f.status}>
      <View
        className={`application-result__headline ${selected ? 'is-selected' : 'is-not-selected'}`}
        data-status={f.status}
      >
        <View className="application-result__mark">
          <Text>{selected ? '✓' : '—'}</Text>
        </View>
        <View className="application-result__headline-body">
          <Text className="application-result__title">{selected ? '已入选' : '未入选'}</Text>
          <Text className="application-result__sub">
            {!selected
              ? f.averages
                ? '感谢参与，以下为本企业的评审得分'
                : '感谢参与'
              : f.acceptance
                ? '项目已完成验收，结论见下'
                : '发榜企业将与贵企业对接合作'}
          </Text>
          <Text className="application-result__at">遴选于 {formatShanghai(f.decidedAt)}</Text>
        </View>
      </View>

      {f.acceptance && (
        <View className={`application-result__acceptance is-${f.acceptance.result}`} data-result={f.acceptance.result}>
          <View className="application-result__acceptance-head">
            <Text className="application-result__acceptance-title">
              {f.acceptance.result === 'passed' ? '验收通过' : '验收未通过'}
            </Text>
            <Text className="application-result__acceptance-at">{formatShanghai(f.acceptance.recordedAt)}</Text>
          </View>
          <Text className="application-result__supplier">验收后：{acceptanceOutcomeText(f.acceptance)}</Text>
          <Text className="application-result__acceptance-comment">验收意见：{f.acceptance.comment}</Text>
        </View>
      )}

      <View className="application-result__section">
        <View className="application-result__total-row">
          <Text className="application-result__label">本企业加权总分</Text>
          <Text className="application-result__total">{f.total === null ? '—' : fmt(f.total)}</Text>
        </View>
        <Text className="application-result__reviewers">
          {f.reviewerCount > 0 ? `${f.reviewerCount} 位评审专家评分的平均` : '无评审专家评分'}
        </Text>

        {f.averages === null ? (
          <Text className="application-result__no-scores">发榜企业未对本申请评分，暂无分项得分。</Text>
        ) : (
          <View className="application-result__criteria">
            {CRITERION_KEYS.map((c) => {
              const avg = f.averages![c];
              return (
                <View key={c} className="application-result__criterion" data-key={c}>
                  <View className="application-result__criterion-row">
                    <Text className="application-result__criterion-name">{CRITERIA[c]}</Text>
                    <Text className="application-result__weight">权重 {f.weights[c]}%</Text>
                    <Text className="application-result__average">{fmt(avg)}</Text>
                  </View>
                  <View className="application-result__bar">
                    <View
                      className="application-result__bar-fill"
                      style={{ width: `${Math.max(0, Math.min(100, avg))}%` }}
                    />
                  </View>
                </View>
              );
            })}
          </View>
        )}
      </View>

      <View className="application-result__threshold" data-selected-count={f.threshold.selectedCount}>
        <Text className="application-result__threshold-text">{thresholdText(f)}</Text>
        {gap && <Text className="application-result__gap">{gap}</Text>}
      </View>

      {f.comments && f.comments.length > 0 && (
        <View className="application-result__comments">
          <Text className="application-result__label">评审意见（不署名）</Text>
          {f.comments.map((c, i) => (
            <Text key={i} className="application-result__comment">
              {c}
            </Text>
          ))}
        </View>
      )}
    </View>
  );
}
