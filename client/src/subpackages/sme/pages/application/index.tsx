/**
 * One 揭榜申请 of the enterprise: status, return reason, timeline, the form as submitted; continue editing
 * (draft / returned) and withdraw (before selection, with a confirmation and an optional reason).
 *
 * Class names for end-to-end tests: `application-detail`, `application-submitted` (banner after submit),
 * `application-status` (`app-status-badge[data-status]` inside), `application-next`, `application-return-reason`,
 * `app-status-timeline`, `application-edit`, `application-withdraw`, `withdraw-dialog` (`dialog__input`,
 * `dialog__confirm`, `dialog__cancel`), `application-demand-link`, `application-detail-error`.
 *
 * Once the issuer has decided (selected, not selected, accepted, acceptance failed) the page also loads the
 * enterprise's own feedback (GET /v1/applications/{id}/feedback) into the result card: `application-result`
 * (`data-state`), `application-result__headline[data-status]`, `application-result__total`,
 * `application-result__criterion[data-key]`, `application-result__threshold`, `application-result__acceptance`
 * (see components/application-result).
 */
import { useCallback, useState } from 'react';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { APPLICATION_ACTIONS, isEditable } from '@jiebang/shared';
import type { Application, ApplicationStatus } from '@jiebang/shared';
import * as applications from '../../../../services/applications';
import * as evaluation from '../../../../services/evaluation';
import { ApiError, errorMessage } from '../../../../services/http';
import { UnreadyState, type EmptyStateProps } from '../../../../components/state-view';
import { StatusBadge, StatusTimeline } from '../../../../components/app-status';
import { ApplicationView } from '../../../../components/application-view';
import { ApplicationResult, type ResultState } from '../../../../components/application-result';
import { ActionButton } from '../../../../components/form';
import { Dialog } from '../../../../components/dialog';
import { nextStepText, timeline } from '../../../../lib/application';
import { AuditLink } from '../../../../components/audit-link';
import './index.scss';
import { showModal } from '../../../../lib/modal';
import { PaperActions } from '../../../../components/paper-button/scan';

/** Statuses in which the issuer has chosen the SME: the 对接表 (附件2) can be printed. */
const MATCHED: ApplicationStatus[] = ['selected', 'accepted', 'acceptance_failed'];

type State =
  { kind: 'loading' } | { kind: 'missing' } | { kind: 'error'; message: string } | { kind: 'ready'; app: Application };

/** An application that is not there, or not this user's. */
const MISSING: EmptyStateProps = {
  text: '揭榜申请不存在',
  hint: '可能已被删除，或您无权查看',
  go: { text: '返回我的揭榜', url: '/subpackages/sme/pages/applications/index' },
};

const WITHDRAWABLE = APPLICATION_ACTIONS.withdraw.from as readonly ApplicationStatus[];
/** Statuses after the issuer's decision: the feedback (scores, threshold, acceptance) exists. */
const DECIDED: readonly ApplicationStatus[] = ['selected', 'not_selected', 'accepted', 'acceptance_failed'];

export default function ApplicationDetailPage() {
  const { params } = useRouter();
  const id = params.id ? decodeURIComponent(params.id) : '';
  const justSubmitted = params.submitted === '1';
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [result, setResult] = useState<ResultState>({ kind: 'loading' });
  const [withdrawing, setWithdrawing] = useState(false);
  const [busy, setBusy] = useState(false);

  const loadResult = useCallback(async () => {
    // Coming back to the page refreshes the card in place; only a first load (or a retry) shows the spinner.
    setResult((r) => (r.kind === 'ready' ? r : { kind: 'loading' }));
    try {
      setResult({ kind: 'ready', feedback: await evaluation.feedback(id) });
    } catch (err) {
      if (err instanceof ApiError && err.code === 'NOT_DECIDED') setResult({ kind: 'pending' });
      else setResult({ kind: 'error', message: errorMessage(err) });
    }
  }, [id]);

  const load = useCallback(async () => {
    if (!id) return setState({ kind: 'missing' });
    try {
      const app = await applications.get(id);
      setState({ kind: 'ready', app });
      if (DECIDED.includes(app.status)) void loadResult();
    } catch (err) {
      if (err instanceof ApiError && err.status === 404) setState({ kind: 'missing' });
      else setState({ kind: 'error', message: errorMessage(err) });
    }
  }, [id, loadResult]);

  useDidShow(() => void load());

  const withdraw = async (reason: string) => {
    setBusy(true);
    try {
      const app = await applications.withdraw(id, reason || undefined);
      setState({ kind: 'ready', app });
      setWithdrawing(false);
      void Taro.showToast({ title: '已撤回', icon: 'success' });
    } catch (err) {
      setWithdrawing(false);
      void showModal({ title: '撤回失败', content: errorMessage(err), showCancel: false });
      void load();
    } finally {
      setBusy(false);
    }
  };

  if (state.kind !== 'ready') {
    return <UnreadyState name="application-detail" state={state} missing={MISSING} onRetry={() => void load()} />;
  }

  const { app } = state;
  const editable = isEditable(app.status);
  const canWithdraw = WITHDRAWABLE.includes(app.status);

  return (
    <View className="application-detail">
      {justSubmitted && app.status === 'submitted' && (
        <View className="form-banner form-banner--info application-submitted">
          申请已提交。主管部门初审结果将通过“我的揭榜”和消息通知您。
        </View>
      )}
      <View className="application-detail__head">
        <Text className="application-detail__label">揭榜需求</Text>
        <Text className="application-detail__title">{app.demandTitle}</Text>
        <View className="application-detail__status application-status">
          <StatusBadge status={app.status} />
          <Text className="application-detail__org">{app.orgName}</Text>
        </View>
        <Text className="application-detail__next application-next">{nextStepText(app)}</Text>
        {app.status === 'returned' && app.returnReason && (
          <Text className="application-detail__reason application-return-reason">退回原因：{app.returnReason}</Text>
        )}
        {/* 221号: the 申请书 is printed and stamped; once selected, the 对接表 too */}
        <PaperActions
          on="application"
          id={app.id}
          orgId={app.orgId}
          scan={app.stampedScan}
          matchmaking={MATCHED.includes(app.status)}
          onRecorded={() => void load()}
        />
      </View>

      {DECIDED.includes(app.status) && <ApplicationResult state={result} onRetry={() => void loadResult()} />}

      <View className="application-detail__card">
        <Text className="application-detail__card-title">办理进度</Text>
        <StatusTimeline entries={timeline(app)} />
        {/* trust: the application's tamper-evident trail */}
        <AuditLink type="application" id={app.id} className="application-detail__audit-link application-audit-link" />
      </View>

      <ApplicationView app={app} />

      <View
        className="application-detail__link application-demand-link"
        onClick={() =>
          void Taro.navigateTo({ url: `/pages/demand-detail/index?id=${encodeURIComponent(app.demandId)}` })
        }
      >
        查看需求详情 ›
      </View>

      {(editable || canWithdraw) && (
        <>
          <View className="application-detail__action-space" />
          <View className="application-detail__actions">
            {canWithdraw && (
              <ActionButton
                className="application-withdraw"
                kind="danger"
                text="撤回申请"
                onClick={() => setWithdrawing(true)}
              />
            )}
            {editable && (
              <ActionButton
                className="application-edit"
                text={app.status === 'returned' ? '修改并重新提交' : '继续填写'}
                onClick={() =>
                  void Taro.navigateTo({
                    url: `/subpackages/sme/pages/apply/index?demandId=${encodeURIComponent(app.demandId)}&id=${encodeURIComponent(app.id)}`,
                  })
                }
              />
            )}
          </View>
        </>
      )}

      <Dialog
        className="withdraw-dialog"
        open={withdrawing}
        title="撤回揭榜申请"
        message={`确定撤回对“${app.demandTitle}”的揭榜申请吗？`}
        warning="撤回后不可恢复；如需再次揭榜，须在截止前重新填写并提交。"
        input={{ label: '撤回原因', placeholder: '可简要说明原因', required: false, maxLength: 500 }}
        confirmText="确认撤回"
        danger
        busy={busy}
        onConfirm={(reason) => void withdraw(reason)}
        onCancel={() => setWithdrawing(false)}
      />
    </View>
  );
}
