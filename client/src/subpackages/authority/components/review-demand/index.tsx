/**
 * The review of one demand, the body of 需求审核 and of the queue's right pane on wide screens (issue 18): everything
 * the issuer filled in, including the issuer and contact (authorities may see them even when the demand will be
 * published anonymously), the timeline, and the decisions the server allows this authority now — province:
 * 转报工信部 / 退回; ministry: 发布 / 退回 / 不予发布. Return and reject need a reason; publish and reject are
 * confirmed first (they cannot be undone). A 409 means another reviewer decided first. The caller loads the demand
 * (`state`, `load`); `pane` keeps the decision bar inside the pane and drops the way back to the queue.
 *
 * Test hooks: `review-demand` (`review-demand--pane` in the queue), `review-demand__title`, `review-demand__issuer`,
 * `review-demand__done`, `review-decision__forward`, `review-decision__return`, `review-decision__publish`,
 * `review-decision__reject`, dialogs `review-dialog review-dialog--<decision>` (a `dialog`: `dialog__input`,
 * `dialog__confirm`).
 */
import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { DEMAND_STATUSES, formatShanghai } from '@jiebang/shared';
import * as review from '../../../../services/review';
import type { ReviewDecision } from '../../../../services/review';
import { ApiError, errorMessage } from '../../../../services/http';
import { EmptyState, ErrorState, LoadingState } from '../../../../components/state-view';
import { StatusBadge } from '../../../../components/status-badge';
import { DemandTimeline } from '../../../../components/demand-timeline';
import { CHANNEL_TEXT, DemandView, FullSection } from '../../../../components/demand-view';
import { Button } from '../../../../components/button';
import { Dialog, type DialogInput } from '../../../../components/dialog';
import { ORG_SIZES, fieldText } from '../../../../lib/format';
import { showModal } from '../../../../lib/modal';
import { useDemandDetail, type DemandDetailState } from '../../../../hooks/use-demand-detail';
import './index.scss';

interface DecisionSpec {
  label: string;
  title: string;
  message: string;
  warning?: string;
  input: DialogInput;
  confirmText: string;
  /** Toast (short: the success toast fits about seven characters) and the banner after the decision. */
  toast: string;
  done: string;
  danger?: boolean;
}

const DECISIONS: Record<ReviewDecision, DecisionSpec> = {
  forward: {
    label: '转报工信部',
    title: '初核通过，转报工业和信息化部',
    message: '确认该需求通过初核，转报工业和信息化部审核发布。',
    input: { label: '初核意见', placeholder: '可填写初核意见（发榜企业可见）', required: false, maxLength: 1000 },
    confirmText: '确认转报',
    toast: '已转报',
    done: '已转报工业和信息化部',
  },
  return: {
    label: '退回',
    title: '退回需求',
    message: '需求将退回发榜企业，企业按意见修改后可重新报送。',
    input: {
      label: '退回理由',
      placeholder: '请写明需要修改的内容（发榜企业可见）',
      required: true,
      minLength: 2,
      maxLength: 1000,
    },
    confirmText: '确认退回',
    toast: '已退回',
    done: '已退回发榜企业',
    danger: true,
  },
  publish: {
    label: '发布',
    title: '发布到需求目录',
    message: '发布后需求将在需求目录中公开，中小企业可以揭榜。',
    warning: '发布后不可撤销，请确认需求内容已审核无误。',
    input: { label: '审核意见', placeholder: '可填写审核意见（发榜企业可见）', required: false, maxLength: 1000 },
    confirmText: '确认发布',
    toast: '已发布',
    done: '已发布到需求目录',
  },
  reject: {
    label: '不予发布',
    title: '不予发布',
    message: '需求将不予发布，发榜企业将收到通知及理由。',
    warning: '不予发布后不可撤销，需求不能再修改报送。',
    input: {
      label: '不予发布理由',
      placeholder: '请写明不予发布的理由（发榜企业可见）',
      required: true,
      minLength: 2,
      maxLength: 1000,
    },
    confirmText: '确认不予发布',
    toast: '已不予发布',
    done: '已作出不予发布决定',
    danger: true,
  },
};

/** Order of the buttons, left to right: the negative ones first, the main one last (under the thumb). */
const ORDER: ReviewDecision[] = ['reject', 'return', 'forward', 'publish'];

export function ReviewDemand({
  id,
  state,
  load,
  pane = false,
  onDecided,
}: {
  id: string;
  state: DemandDetailState;
  load: (quiet?: boolean) => Promise<void>;
  /** Shown in the queue's right pane (wide screens), not as a page of its own. */
  pane?: boolean;
  /** After a decision went through (the queue reloads: the demand has left it). */
  onDecided?: () => void;
}) {
  const [dialog, setDialog] = useState<ReviewDecision | null>(null);
  const [busy, setBusy] = useState(false);
  const [decided, setDecided] = useState<string | null>(null);

  const decide = async (decision: ReviewDecision, comment: string, confirmSize = false): Promise<void> => {
    setBusy(true);
    try {
      await review.decide(id, decision, comment, confirmSize);
      setDialog(null);
      setDecided(DECISIONS[decision].done);
      void Taro.showToast({ title: DECISIONS[decision].toast, icon: 'success' });
      onDecided?.();
      await load(true);
    } catch (err) {
      setDialog(null);
      // 221号 to the letter (issue 16): an issuer the 300号 table does not class as large passes only when the
      // authority confirms its reason, explicitly.
      if (err instanceof ApiError && err.code === 'ISSUER_SIZE_UNCONFIRMED') {
        const { confirm } = await showModal({
          title: '确认发榜企业规模',
          content: err.message,
          confirmText: '确认并提交',
        });
        if (confirm) return decide(decision, comment, true);
      } else if (err instanceof ApiError && err.status === 409) {
        await showModal({
          title: '无法提交审核结论',
          content: '该需求已被其他审核人处理，请刷新',
          showCancel: false,
          confirmText: '刷新',
        });
        await load(true);
      } else {
        void Taro.showToast({ title: errorMessage(err), icon: 'none', duration: 3000 });
      }
    } finally {
      setBusy(false);
    }
  };

  if (state.kind === 'loading') return <LoadingState />;
  if (state.kind === 'not-found') {
    return (
      <View className={`review-demand review-demand--state${pane ? ' review-demand--pane' : ''}`}>
        <EmptyState text="该需求不存在或不在您的审核范围内" hint={state.message} />
      </View>
    );
  }
  if (state.kind === 'error') {
    return (
      <View className={`review-demand review-demand--state${pane ? ' review-demand--pane' : ''}`}>
        <ErrorState message={state.message} onRetry={() => void load()} />
      </View>
    );
  }

  const d = state.demand;
  const actions = ORDER.filter((a) => d.allowedActions.includes(a));
  const spec = dialog ? DECISIONS[dialog] : null;

  return (
    <View className={`review-demand${pane ? ' review-demand--pane' : ''}`}>
      <View className="review-demand__header">
        <View className="review-demand__tags">
          <StatusBadge status={d.status} />
          <Text className="review-demand__tag">{fieldText(d.field)}</Text>
          {d.channel && <Text className="review-demand__tag">{CHANNEL_TEXT[d.channel]}</Text>}
        </View>
        <Text className="review-demand__title">{d.title}</Text>
        <Text className="review-demand__issuer">{d.issuerName}</Text>
        {d.issuerSize && (
          <Text className="review-demand__meta review-demand__size" data-size={d.issuerSize}>
            按划型标准：{ORG_SIZES[d.issuerSize]}
            {d.issuerSizeReason ? `；以大企业身份发榜的理由：${d.issuerSizeReason}` : ''}
            {d.issuerSizeReason && d.issuerSizeConfirmedAt ? '（已确认）' : ''}
          </Text>
        )}
        <Text className="review-demand__meta">
          {[
            d.submittedAt ? `报送于 ${formatShanghai(d.submittedAt)}` : '',
            d.forwardedAt ? `转报于 ${formatShanghai(d.forwardedAt)}` : '',
          ]
            .filter(Boolean)
            .join(' · ')}
        </Text>
        {d.anonymous && (
          <Text className="review-demand__anon">
            发榜企业选择不公开名称：发布后需求目录显示为“匿名发榜企业”，企业名称、信用代码和联系人仅主管部门可见。
          </Text>
        )}
      </View>

      {actions.length === 0 && (
        <View className="review-demand__done">
          <Text className="review-demand__done-title">{decided ?? `当前状态：${DEMAND_STATUSES[d.status]}`}</Text>
          <Text className="review-demand__done-text">该需求目前无需您审核。</Text>
          {!pane && (
            <Text
              className="review-demand__back"
              onClick={() =>
                void Taro.navigateBack().catch(() =>
                  Taro.redirectTo({ url: '/subpackages/authority/pages/review-queue/index' }),
                )
              }
            >
              返回审核队列 ›
            </Text>
          )}
        </View>
      )}

      <FullSection title="审核记录">
        <DemandTimeline events={d.timeline} />
      </FullSection>

      <DemandView variant="full" demand={d} />

      {actions.length > 0 && <View className="review-demand__space" />}
      {actions.length > 0 && (
        <View className="review-decision">
          {actions.map((a) => (
            <Button
              key={a}
              kind={a === 'forward' || a === 'publish' ? 'primary' : a === 'reject' ? 'danger' : 'secondary'}
              size="large"
              disabled={busy}
              className={`review-decision__btn review-decision__${a}${a === 'forward' || a === 'publish' ? ' is-primary' : ''}`}
              onClick={() => setDialog(a)}
            >
              {DECISIONS[a].label}
            </Button>
          ))}
        </View>
      )}

      <Dialog
        open={spec !== null}
        className={`review-dialog review-dialog--${dialog ?? ''}`}
        title={spec?.title ?? ''}
        message={spec?.message}
        warning={spec?.warning}
        input={spec?.input}
        confirmText={spec?.confirmText ?? '确定'}
        danger={spec?.danger}
        busy={busy}
        onCancel={() => setDialog(null)}
        onConfirm={(comment) => dialog && void decide(dialog, comment)}
      />
    </View>
  );
}

/** The queue's right pane (wide screens): the demand `id` loaded here, reviewed in place. Key it by `id`. */
export function ReviewDemandPane({ id, onDecided }: { id: string; onDecided: () => void }) {
  const { state, load } = useDemandDetail(id);
  // The page has shown already: load when the pane opens (the hook reloads on later shows).
  useEffect(() => void load(), [load]);
  return <ReviewDemand id={id} state={state} load={load} pane onDecided={onDecided} />;
}
