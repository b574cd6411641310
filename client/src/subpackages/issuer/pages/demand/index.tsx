/**
 * The issuer's view of one of its demands: status and what happens next, the review timeline (who, when, what,
 * why), every field including the private ones, and the actions the server allows now (edit, submit through a
 * channel, withdraw with a reason).
 *
 * Test hooks: `issuer-demand`, `issuer-demand__title`, `issuer-demand__status` (a `status-badge` with
 * `data-status`), `issuer-demand__next`, `issuer-demand__public-link`, `issuer-demand__edit`,
 * `issuer-demand__submit`, `issuer-demand__withdraw`, `withdraw-dialog` (a `dialog`), `demand-timeline`.
 */
import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { demandFormTitle, regionName } from '@jiebang/shared';
import type { DemandDetail } from '@jiebang/shared';
import * as demands from '../../../../services/demands';
import { ApiError, errorMessage } from '../../../../services/http';
import { EmptyState, ErrorState, LoadingState } from '../../../../components/state-view';
import { StatusBadge } from '../../../../components/status-badge';
import { DemandTimeline } from '../../../../components/demand-timeline';
import { DemandView, FullSection } from '../../../../components/demand-view';
import { Button } from '../../../../components/button';
import { Dialog } from '../../../../components/dialog';
import { fieldText } from '../../../../lib/format';
import { SubmitFlow } from '../../components/submit-flow';
import { DemandMatches } from '../../../../components/demand-matches';
import { AuditLink } from '../../../../components/audit-link';
import { useDemandDetail } from '../../../../hooks/use-demand-detail';
import { PaperActions } from '../../../../components/paper-button/scan';
import './index.scss';

/** What the status means for the issuer, and what comes next. */
function nextStep(d: DemandDetail): string {
  const authority = `${regionName(d.region)}中小企业主管部门`;
  switch (d.status) {
    case 'draft':
      return '草稿尚未报送。确认内容无误后提交审核。';
    case 'submitted':
      return d.channel === 'ministry' ? '已直接报送工业和信息化部，等待审核。' : `已报送${authority}，等待初核。`;
    case 'forwarded':
      return '已通过省级初核并转报工业和信息化部，等待审核发布。';
    case 'returned':
      return '需求被退回。请按审核意见修改后重新报送。';
    case 'published':
      return '已发布到需求目录，中小企业可以揭榜。';
    case 'rejected':
      return '未通过工业和信息化部审核，不予发布。';
    case 'withdrawn':
      return `需求已撤回${d.withdrawReason ? `：${d.withdrawReason}` : '。'}`;
    default:
      return '';
  }
}

export default function IssuerDemandPage() {
  const { params } = useRouter();
  const id = params.id ? decodeURIComponent(params.id) : '';
  // Loaded again on coming back from the edit form.
  const { state, load } = useDemandDetail(id);
  const [submitOpen, setSubmitOpen] = useState(false);
  const [withdrawOpen, setWithdrawOpen] = useState(false);
  const [busy, setBusy] = useState(false);

  if (state.kind === 'loading') return <LoadingState />;
  if (state.kind === 'not-found') {
    return (
      <View className="issuer-demand issuer-demand--state">
        <EmptyState text="该需求不存在或您无权查看" hint={state.message} />
      </View>
    );
  }
  if (state.kind === 'error') {
    return (
      <View className="issuer-demand issuer-demand--state">
        <ErrorState message={state.message} onRetry={() => void load()} />
      </View>
    );
  }

  const d = state.demand;
  const can = (action: string) => d.allowedActions.includes(action);
  const decisive = d.status === 'returned' ? 'return' : d.status === 'rejected' ? 'reject' : null;
  const lastComment = decisive ? [...d.timeline].reverse().find((e) => e.action === decisive)?.comment : undefined;
  const hasActions = can('edit') || can('submit') || can('withdraw');

  const withdraw = async (reason: string) => {
    setBusy(true);
    try {
      await demands.withdraw(d.id, reason);
      setWithdrawOpen(false);
      void Taro.showToast({ title: '已撤回', icon: 'success' });
      await load(true);
    } catch (err) {
      void Taro.showToast({ title: errorMessage(err), icon: 'none', duration: 3000 });
      if (err instanceof ApiError && err.status === 409) {
        setWithdrawOpen(false);
        await load(true);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="issuer-demand">
      <View className="issuer-demand__header">
        <View className="issuer-demand__tags">
          <StatusBadge status={d.status} className="issuer-demand__status" />
          <Text className="issuer-demand__field">{fieldText(d.field)}</Text>
        </View>
        <Text className="issuer-demand__title">{d.title}</Text>
        <View className={`issuer-demand__next issuer-demand__next--${d.status}`}>
          <Text className="issuer-demand__next-text">{nextStep(d)}</Text>
          {lastComment && <Text className="issuer-demand__comment">审核意见：{lastComment}</Text>}
          {d.status === 'published' && (
            <Text
              className="issuer-demand__public-link issuer-demand__questions-link"
              onClick={() =>
                void Taro.navigateTo({ url: `/subpackages/trust/pages/questions/index?id=${encodeURIComponent(d.id)}` })
              }
            >
              答疑：查看并答复企业的提问 ›
            </Text>
          )}
          {d.status === 'published' && (
            <Text
              className="issuer-demand__public-link"
              onClick={() => void Taro.navigateTo({ url: `/pages/demand-detail/index?id=${encodeURIComponent(d.id)}` })}
            >
              在需求目录中查看 ›
            </Text>
          )}
        </View>
        {/* 221号: the 需求表 is printed, stamped and sent on paper too */}
        <PaperActions
          on="demand"
          formName={demandFormTitle(d.track)}
          id={d.id}
          orgId={d.issuerOrgId}
          scan={d.stampedScan}
          onRecorded={() => void load(true)}
        />
      </View>

      <FullSection title="审核进度" className="issuer-demand__timeline">
        <DemandTimeline events={d.timeline} />
        <AuditLink type="demand" id={d.id} className="issuer-demand__audit-link" />
      </FullSection>

      {/* 科技成果赋智 (library area): who could take this demand on. */}
      {d.status === 'published' && <DemandMatches demandId={d.id} />}

      <DemandView variant="full" demand={d} />

      {hasActions && <View className="issuer-demand__space" />}
      {hasActions && (
        <View className="issuer-demand__bar">
          {can('withdraw') && (
            <Button
              kind="danger"
              size="large"
              className={`issuer-demand__withdraw${can('edit') || can('submit') ? '' : ' is-only'}`}
              onClick={() => setWithdrawOpen(true)}
            >
              {can('edit') || can('submit') ? '撤回' : '撤回需求'}
            </Button>
          )}
          {can('edit') && (
            <Button
              kind={can('submit') ? 'secondary' : 'primary'}
              size="large"
              className="issuer-demand__edit"
              onClick={() =>
                void Taro.navigateTo({
                  url: `/subpackages/issuer/pages/demand-form/index?id=${encodeURIComponent(d.id)}`,
                })
              }
            >
              修改
            </Button>
          )}
          {can('submit') && (
            <Button size="large" className="issuer-demand__submit" onClick={() => setSubmitOpen(true)}>
              {d.status === 'returned' ? '重新报送' : '提交审核'}
            </Button>
          )}
        </View>
      )}

      <SubmitFlow
        open={submitOpen}
        demand={d}
        onClose={() => setSubmitOpen(false)}
        onSubmitted={() => {
          setSubmitOpen(false);
          void load(true);
        }}
      />

      <Dialog
        open={withdrawOpen}
        className="withdraw-dialog"
        title="撤回需求"
        message={d.status === 'draft' ? '撤回后该草稿不再报送。' : '撤回后需求将停止审核或揭榜，且不可恢复。'}
        input={{
          label: '撤回理由',
          placeholder: '请说明撤回原因（将向揭榜方公开）',
          required: true,
          minLength: 2,
          maxLength: 500,
        }}
        warning={d.status === 'published' ? '该需求已发布，撤回理由将在需求目录中公开。' : undefined}
        confirmText="确认撤回"
        danger
        busy={busy}
        onCancel={() => setWithdrawOpen(false)}
        onConfirm={(reason) => void withdraw(reason)}
      />
    </View>
  );
}
