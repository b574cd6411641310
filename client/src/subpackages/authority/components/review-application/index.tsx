/**
 * One 揭榜申请 for its authority, the body of 申请审核 and of 揭榜申请审核's right pane on wide screens (issue 18):
 * the enterprise (credit code, size, qualifications), the form, the timeline, and the decision — a province
 * forwards or returns (reason required), the ministry releases to the issuer — each behind a confirmation.
 * `pane` keeps the decision bar inside the pane and drops the way back to the queue; `onDecided` follows a
 * decision (the queue reloads).
 *
 * Class names for end-to-end tests: `review-app-detail`, `review-app-detail__demand-meta` (field · channel), `review-app-detail__org`, `review-app__forward`,
 * `review-app__return`, `review-app__release`, `review-app-detail--pane` (in the queue), `review-dialog` (`review-dialog--forward|return|release`, with
 * `dialog__input`, `dialog__confirm`, `dialog__cancel`), `review-app__done`, `review-app-detail-error`.
 */
import { useCallback, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { FIELDS, INDUSTRIES, QUALIFICATIONS, APPLICANT_CLASS_LABELS, regionName } from '@jiebang/shared';
import * as auth from '../../../../services/auth';
import * as applications from '../../../../services/applications';
import * as orgs from '../../../../services/orgs';
import { ApiError, errorMessage } from '../../../../services/http';
import { UnreadyState } from '../../../../components/state-view';
import { StatusBadge, StatusTimeline } from '../../../../components/app-status';
import { ApplicationView } from '../../../../components/application-view';
import { ActionButton } from '../../../../components/form';
import { Dialog } from '../../../../components/dialog';
import { timeline } from '../../../../lib/application';
import { authorityOf } from '../../../../lib/roles';
import { objectState, useAsync } from '../../../../hooks/use-async';
import './index.scss';
import { showModal } from '../../../../lib/modal';
import { CHANNEL_NAMES } from '../queue-filters';

type Decision = 'forward' | 'return' | 'release';

const DIALOGS: Record<
  Decision,
  {
    title: string;
    message: string;
    confirm: string;
    input: { label: string; placeholder: string; required: boolean; minLength?: number; maxLength: number };
  }
> = {
  forward: {
    title: '转报工业和信息化部',
    message: '确认该申请通过初审，转报工业和信息化部？',
    confirm: '确认转报',
    input: { label: '初审意见', placeholder: '可填写初审意见', required: false, maxLength: 500 },
  },
  return: {
    title: '退回申请',
    message: '退回后，企业可在揭榜截止前修改并重新提交。',
    confirm: '确认退回',
    input: {
      label: '退回原因',
      placeholder: '请写明需要企业修改或补充的内容',
      required: true,
      minLength: 2,
      maxLength: 500,
    },
  },
  release: {
    title: '提交发榜企业评审',
    message: '确认将该申请提交发榜企业评审？提交后发榜企业可以查看并评分。',
    confirm: '确认提交',
    input: { label: '审核意见', placeholder: '可填写审核意见', required: false, maxLength: 500 },
  },
};

const DONE: Record<Decision, string> = { forward: '已转报', return: '已退回', release: '已提交发榜企业评审' };

export function ReviewApplication({
  id,
  pane = false,
  onDecided,
}: {
  id: string;
  /** Shown in the queue's right pane (wide screens), not as a page of its own. */
  pane?: boolean;
  onDecided?: () => void;
}) {
  const [dialog, setDialog] = useState<Decision | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<Decision | null>(null);

  const fetch = useCallback(async () => {
    const [me, app] = await Promise.all([auth.me(), applications.get(id)]);
    const org = await orgs.get(app.orgId).catch(() => null);
    return { app, org, ministry: authorityOf(me.user.roles)?.kind === 'ministry' };
  }, [id]);
  const loaded = useAsync(id ? fetch : null);
  const state = objectState(loaded.state, !!id);
  const load = loaded.reload;

  const decide = async (decision: Decision, comment: string) => {
    if (state.kind !== 'ready') return;
    setBusy(true);
    try {
      const app = await applications.decide(id, comment ? { decision, comment } : { decision });
      loaded.set({ ...state.value, app });
      setDialog(null);
      setDone(decision);
      void Taro.showToast({ title: DONE[decision], icon: 'success' });
      onDecided?.();
    } catch (err) {
      setDialog(null);
      await showModal({
        title: err instanceof ApiError && err.status === 409 ? '申请状态已变化' : '操作失败',
        content: errorMessage(err),
        showCancel: false,
      });
      load();
    } finally {
      setBusy(false);
    }
  };

  if (state.kind !== 'ready') {
    return (
      <UnreadyState
        name="review-app-detail"
        state={state}
        missing={{
          text: '申请不存在或不在您的审核范围',
          actionText: pane ? undefined : '返回审核列表',
          onAction: () =>
            void Taro.navigateBack().catch(() =>
              Taro.redirectTo({ url: '/subpackages/authority/pages/application-queue/index' }),
            ),
        }}
        onRetry={() => void load()}
      />
    );
  }

  const { app, org, ministry } = state.value;
  const decisions: Decision[] = ministry
    ? app.status === 'forwarded'
      ? ['release']
      : []
    : app.status === 'submitted'
      ? ['return', 'forward']
      : [];
  const d = dialog ? DIALOGS[dialog] : null;

  return (
    <View className={`review-app-detail${pane ? ' review-app-detail--pane' : ''}`}>
      <View className="review-app-detail__head">
        <Text className="review-app-detail__label">揭榜需求</Text>
        <Text className="review-app-detail__title">{app.demandTitle}</Text>
        {(app.demandField || app.demandChannel) && (
          <Text className="review-app-detail__demand-meta">
            {[
              app.demandField && FIELDS[app.demandField],
              app.demandChannel && `需求${CHANNEL_NAMES[app.demandChannel]}`,
            ]
              .filter(Boolean)
              .join(' · ')}
          </Text>
        )}
        <View className="review-app-detail__status">
          <StatusBadge status={app.status} />
          {done && <Text className="review-app__done">{DONE[done]}</Text>}
        </View>
      </View>

      <View className="review-app-detail__card review-app-detail__org">
        <Text className="review-app-detail__card-title">揭榜企业</Text>
        <Text className="review-app-detail__org-name">{app.orgName}</Text>
        <View className="review-app-detail__facts">
          <Fact label="企业规模或单位类型" value={APPLICANT_CLASS_LABELS[app.orgSize]} />
          <Fact label="所属辖区" value={regionName(app.authorityRegion)} />
          {org && <Fact label="信用代码" value={org.creditCode} />}
          {org && <Fact label="所属行业" value={INDUSTRIES[org.industry]} />}
          {org && (org.qualifications?.length ?? 0) > 0 && (
            <Fact label="资质" value={(org.qualifications ?? []).map((q) => QUALIFICATIONS[q]).join('、')} />
          )}
          {org?.controllingShareholderCreditCode && (
            <Fact label="控股股东" value={org.controllingShareholderCreditCode} />
          )}
          {org && <Fact label="联系人" value={`${org.contact.name} ${org.contact.phone}`} />}
        </View>
      </View>

      <View className="review-app-detail__card">
        <Text className="review-app-detail__card-title">办理进度</Text>
        <StatusTimeline entries={timeline(app)} />
      </View>

      <ApplicationView app={app} />

      {decisions.length > 0 && (
        <>
          <View className="review-app-detail__action-space" />
          <View className="review-app-detail__actions">
            {decisions.includes('return') && (
              <ActionButton
                className="review-app__return"
                kind="danger"
                text="退回"
                onClick={() => setDialog('return')}
              />
            )}
            {decisions.includes('forward') && (
              <ActionButton
                className="review-app__forward"
                text="初审通过，转报"
                onClick={() => setDialog('forward')}
              />
            )}
            {decisions.includes('release') && (
              <ActionButton
                className="review-app__release"
                text="提交发榜企业评审"
                onClick={() => setDialog('release')}
              />
            )}
          </View>
        </>
      )}

      <Dialog
        className={`review-dialog${dialog ? ` review-dialog--${dialog}` : ''}`}
        open={dialog !== null}
        title={d?.title ?? ''}
        message={d?.message}
        input={d?.input}
        confirmText={d?.confirm ?? '确认'}
        danger={dialog === 'return'}
        busy={busy}
        onConfirm={(text) => dialog && void decide(dialog, text)}
        onCancel={() => setDialog(null)}
      />
    </View>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <View className="review-app-detail__fact">
      <Text className="review-app-detail__fact-label">{label}</Text>
      <Text className="review-app-detail__fact-value">{value}</Text>
    </View>
  );
}
