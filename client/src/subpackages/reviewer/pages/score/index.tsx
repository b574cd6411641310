/**
 * 评分: one released application, read first, then the caller's score set for it — the four criteria of the
 * notice, each explained next to its input, 0–100 integers, the weighted total as it will count, and a comment.
 * Editable until the decision. Save says what is missing while it cannot be pressed; 保存并评下一份 saves and opens
 * the demand's next application the reviewer has not scored yet (保存评分 goes back to the ranking).
 *
 * Classes for tests: `score-form`, `score-form__org`, `score-input[data-criterion]`, `score-form__comment`, `score-form__total`,
 * `score-form__save`, `score-form__missing`, `score-form__save-next`.
 */
import { useCallback, useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { CRITERIA, CRITERION_KEYS, scoreInputSchema, weightedTotal } from '@jiebang/shared';
import type { Application, Criterion, ReleasedApplication } from '@jiebang/shared';
import * as applications from '../../../../services/applications';
import * as evaluation from '../../../../services/evaluation';
import { errorMessage } from '../../../../services/http';
import { ActionButton, Field, TextField, TextInput, type OwnTextFieldSpec } from '../../../../components/form';
import { ApplicationView } from '../../../../components/application-view';
import { ErrorState, LoadingState } from '../../../../components/state-view';
import { applicationPageUrl, useApplicationParams } from '../../lib/route';
import '../../reviewer.scss';
import { showModal } from '../../../../lib/modal';

/** What each criterion asks the reviewer to judge (shown next to the input). */
const EXPLAIN: Record<Criterion, string> = {
  team: '负责人及骨干成员的专业背景、职称与分工，研发人员占比',
  capability: '研发投入占比、发明专利及其他知识产权、研发平台、相关项目经历',
  plan: '技术路线是否可行、创新点、里程碑与预期成果是否清晰，风险应对',
  match: '方案与需求的关键技术难点和主要技术指标的对应程度',
};

type Scores = Record<Criterion, string>;

const COMMENT: OwnTextFieldSpec = {
  label: '评审意见',
  hint: '发榜企业内部可见；仅当发榜企业选择公开时，以不署名方式提供给未入选企业',
  area: true,
  className: 'score-form__comment',
  maxlength: 1000,
  placeholder: '优点、不足与建议',
};

export default function ScorePage() {
  const { id, org } = useApplicationParams();
  const [app, setApp] = useState<Application | null>(null);
  const [weights, setWeights] = useState<Record<Criterion, number> | null>(null);
  const [editable, setEditable] = useState(true);
  const [scores, setScores] = useState<Scores>({ team: '', capability: '', plan: '', match: '' });
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // 下一份: the demand's next application this reviewer has not scored yet (null: none).
  const [next, setNext] = useState<ReleasedApplication | null>(null);

  // State is set when the answer arrives (never synchronously in the effect); the retry clears the error first.
  const load = useCallback(
    () =>
      Promise.all([evaluation.scores(id), applications.get(id)]).then(
        ([s, a]) => {
          setWeights(s.weights);
          setEditable(s.editable);
          setApp(a);
          void evaluation
            .released(a.demandId)
            .then((page) => setNext(page.items.find((r) => !r.scoredByMe && r.applicationId !== id) ?? null))
            .catch(() => setNext(null));
          if (s.mine) {
            setScores({
              team: String(s.mine.team),
              capability: String(s.mine.capability),
              plan: String(s.mine.plan),
              match: String(s.mine.match),
            });
            setComment(s.mine.comment ?? '');
          }
        },
        (err: unknown) => setError(errorMessage(err)),
      ),
    [id],
  );
  useEffect(() => {
    void load();
  }, [load]);
  const retry = () => {
    setError(null);
    void load();
  };

  if (error) return <ErrorState message={error} onRetry={retry} />;
  if (!weights) return <LoadingState />;

  const numbers = Object.fromEntries(
    CRITERION_KEYS.map((c) => [c, scores[c] === '' ? NaN : Number(scores[c])]),
  ) as Record<Criterion, number>;
  const complete = CRITERION_KEYS.every((c) => Number.isInteger(numbers[c]) && numbers[c] >= 0 && numbers[c] <= 100);

  /** Save, then back to the ranking — or on to `then`, the next application to score (下一份). */
  const save = async (then?: ReleasedApplication | null) => {
    const parsed = scoreInputSchema.safeParse({ ...numbers, ...(comment.trim() ? { comment: comment.trim() } : {}) });
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0] ?? ''), i.message])));
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      await evaluation.putScore(id, parsed.data);
      if (then) {
        void Taro.redirectTo({ url: applicationPageUrl('score', then) });
        return;
      }
      void Taro.showToast({ title: '评分已保存', icon: 'success' });
      setTimeout(() => void Taro.navigateBack(), 600);
    } catch (err) {
      void showModal({ title: '评分未保存', content: errorMessage(err), showCancel: false });
    } finally {
      setBusy(false);
    }
  };

  const missing = CRITERION_KEYS.filter(
    (c) => !(Number.isInteger(numbers[c]) && numbers[c] >= 0 && numbers[c] <= 100),
  ).map((c) => CRITERIA[c]);

  return (
    <View className="score-form rv-page">
      <View className="rv-head">
        <Text className="score-form__org rv-head__big">{org || app?.orgName}</Text>
        {!editable && <Text className="rv-warning">遴选结果已确定，评分不能再修改</Text>}
      </View>
      {/* The application first: the reviewer reads it, then scores it. */}
      {app && <ApplicationView app={app} />}
      <Text className="rv-section-title">评分</Text>
      {CRITERION_KEYS.map((c) => (
        <Field key={c} label={`${CRITERIA[c]}（权重 ${weights[c]}%）`} required hint={EXPLAIN[c]} error={errors[c]}>
          <View className="score-input" data-criterion={c}>
            <TextInput
              type="number"
              value={scores[c]}
              maxlength={3}
              suffix="分"
              placeholder="0–100"
              onChange={(v) => setScores((s) => ({ ...s, [c]: v.replace(/[^0-9]/g, '') }))}
            />
          </View>
        </Field>
      ))}
      <TextField spec={COMMENT} value={comment} onChange={setComment} error={errors.comment} />
      <View className="rv-row rv-card">
        <Text className="rv-grow">加权总分</Text>
        <Text className="score-form__total rv-total">{complete ? weightedTotal(numbers, weights) : '—'}</Text>
      </View>
      {editable && !complete && (
        <Text className="score-form__missing rv-hint">还需填写：{missing.join('、')}（0–100 的整数）后才能保存</Text>
      )}
      {editable && (
        <ActionButton
          className="score-form__save"
          text="保存评分"
          busy={busy}
          disabled={!complete}
          onClick={() => void save()}
        />
      )}
      {editable && next && (
        <ActionButton
          className="score-form__save-next"
          kind="secondary"
          text={`保存并评下一份：${next.orgName}`}
          busy={busy}
          disabled={!complete}
          onClick={() => void save(next)}
        />
      )}
    </View>
  );
}
