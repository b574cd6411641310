import { useCallback, useEffect, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { countdownText, formatShanghai } from '@jiebang/shared';
import type { CatalogueDetail } from '@jiebang/shared';
import * as catalogue from '../../services/catalogue';
import { isSignedIn, me } from '../../services/auth';
import * as notifications from '../../services/notifications';
import { ApiError, errorMessage } from '../../services/http';
import { EmptyState, ErrorState, LoadingState } from '../../components/state-view';
import { DemandView } from '../../components/demand-view';
import { DemandQuestions } from '../../components/demand-questions';
import { budgetText, demandTypeText, fieldText, issuerText, regionText } from '../../lib/format';
import { useNow } from '../../hooks/use-now';
import { useAsync } from '../../hooks/use-async';
import './index.scss';

type State =
  | { kind: 'loading' }
  | { kind: 'not-found' }
  | { kind: 'error'; message: string }
  | { kind: 'ready'; demand: CatalogueDetail };

export default function DemandDetailPage() {
  const { params } = useRouter();
  const id = params.id ? decodeURIComponent(params.id) : '';
  const [applying, setApplying] = useState(false);
  const [reminder, setReminder] = useState<'idle' | 'busy' | 'on'>('idle');
  const now = useNow(30_000);

  const load = useCallback(() => catalogue.get(id), [id]);
  const demand = useAsync(id ? load : null);
  const state: State = !id
    ? { kind: 'not-found' }
    : demand.status === 'ready'
      ? { kind: 'ready', demand: demand.value }
      : demand.status === 'error'
        ? demand.error instanceof ApiError && demand.error.status === 404
          ? { kind: 'not-found' }
          : { kind: 'error', message: errorMessage(demand.error) }
        : { kind: 'loading' };

  useEffect(() => {
    void notifications.prefetchTemplates();
  }, []);

  if (state.kind === 'loading') return <LoadingState />;
  if (state.kind === 'not-found') {
    return (
      <View className="detail detail--state">
        <EmptyState
          className="demand-detail-missing"
          text="该需求不存在或尚未发布"
          hint="请返回需求目录查看其他需求"
          actionText="返回需求目录"
          onAction={() => void Taro.switchTab({ url: '/pages/catalogue/index' })}
        />
      </View>
    );
  }
  if (state.kind === 'error') {
    return (
      <View className="detail detail--state">
        <ErrorState className="demand-detail-error" message={state.message} onRetry={demand.reload} />
      </View>
    );
  }

  const d = state.demand;
  const closed = !d.open;

  const apply = async () => {
    if (closed || applying) return;
    if (!isSignedIn()) {
      void Taro.showToast({ title: '请先登录', icon: 'none' });
      void Taro.switchTab({ url: '/pages/mine/index' });
      return;
    }
    setApplying(true);
    try {
      const { org, user } = await me();
      if (!org) {
        const authority = user.roles.some((r) => r === 'ministry' || r === 'admin' || r.startsWith('province:'));
        if (authority) {
          void Taro.showToast({ title: '主管部门账号不能揭榜', icon: 'none' });
          return;
        }
        const { confirm } = await Taro.showModal({
          title: '请先登记企业',
          content: '揭榜须以中小企业身份进行。登记企业信息后即可填写揭榜申请书。',
          confirmText: '去登记',
        });
        if (confirm) void Taro.navigateTo({ url: '/subpackages/sme/pages/register/index' });
        return;
      }
      if (org.kind !== 'sme' || org.size === 'large') {
        void Taro.showModal({
          title: '仅中小企业可以揭榜',
          content: '按《中小企业划型标准规定》，只有中型、小型、微型企业可以揭榜。',
          showCancel: false,
        });
        return;
      }
      // The form finds the enterprise's draft for this demand, or starts one.
      void Taro.navigateTo({ url: `/subpackages/sme/pages/apply/index?demandId=${encodeURIComponent(d.id)}` });
    } catch (err) {
      void Taro.showToast({ title: errorMessage(err), icon: 'none' });
    } finally {
      setApplying(false);
    }
  };

  /** 提醒我: one WeChat consent (asked on this tap) and a watch on the demand for its deadline reminders. */
  const remindMe = async () => {
    if (closed || reminder === 'busy') return;
    if (!isSignedIn()) {
      void Taro.showToast({ title: '请先登录', icon: 'none' });
      void Taro.switchTab({ url: '/pages/mine/index' });
      return;
    }
    setReminder('busy');
    try {
      const done = await notifications.subscribe('deadline_reminder', d.id);
      setReminder(done ? 'on' : 'idle');
      void Taro.showToast({
        title: done ? '将在截止前 3 天和 1 天提醒您' : '未开启微信提醒',
        icon: 'none',
        duration: 2500,
      });
    } catch (err) {
      setReminder('idle');
      void Taro.showToast({ title: errorMessage(err), icon: 'none' });
    }
  };

  return (
    <View className="detail">
      <View className="detail__header">
        <View className="detail__tags">
          <Text className="detail__tag detail__tag--field">{fieldText(d.field)}</Text>
          <Text className="detail__tag">{demandTypeText(d.demandType)}</Text>
          {closed && <Text className="detail__tag detail__tag--closed">已截止</Text>}
        </View>
        <Text className="demand-detail__title">{d.title}</Text>
        <View className="detail__facts">
          <View className="detail__fact">
            <Text className="detail__fact-label">发榜企业</Text>
            <Text className={`demand-detail__issuer${d.issuer ? '' : ' is-anonymous'}`}>{issuerText(d)}</Text>
          </View>
          <View className="detail__fact">
            <Text className="detail__fact-label">所在地区</Text>
            <Text className="detail__fact-value">{regionText(d.region)}</Text>
          </View>
          <View className="detail__fact">
            <Text className="detail__fact-label">需求预算</Text>
            <Text className="detail__fact-value detail__fact-value--accent">{budgetText(d.budget)}</Text>
          </View>
          {d.catalogueCategory && (
            <View className="detail__fact">
              <Text className="detail__fact-label">目录类别</Text>
              <Text className="detail__fact-value">{d.catalogueCategory}</Text>
            </View>
          )}
        </View>
      </View>

      <View className={`detail__deadline${closed ? ' is-closed' : ''}`}>
        <View className="detail__deadline-main">
          <Text className="detail__deadline-label">揭榜截止</Text>
          <Text className="detail__countdown">{closed ? '已截止' : countdownText(d.applicationDeadline, now)}</Text>
        </View>
        <Text className="detail__deadline-abs">截止时间（北京时间）{formatShanghai(d.applicationDeadline)}</Text>
      </View>

      {d.withdrawReason && (
        <View className="detail__notice">
          <Text>发榜方已撤回该需求：{d.withdrawReason}</Text>
        </View>
      )}

      <DemandView variant="public" demand={d} />
      <DemandQuestions demandId={d.id} />

      <View className="detail__action-space" />
      <View className="detail__action">
        {!closed && (
          <View
            className={`detail__remind remind-me${reminder === 'on' ? ' is-on' : ''}`}
            hoverClass="detail__remind--pressed"
            onClick={() => void remindMe()}
          >
            {reminder === 'busy' ? '请稍候…' : reminder === 'on' ? '已设提醒' : '提醒我'}
          </View>
        )}
        <View
          className={`detail__apply${closed ? ' is-disabled' : ''}`}
          hoverClass={closed ? 'none' : 'detail__apply--pressed'}
          aria-disabled={closed}
          onClick={() => void apply()}
        >
          {closed ? '揭榜已截止' : applying ? '请稍候…' : '我要揭榜'}
        </View>
      </View>
    </View>
  );
}
