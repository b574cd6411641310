import { useCallback, useEffect, useState } from 'react';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { countdownText, formatShanghai, links } from '@jiebang/shared';
import type { ApplicationSummary } from '@jiebang/shared';
import * as catalogue from '../../services/catalogue';
import * as applications from '../../services/applications';
import { isSignedIn, me } from '../../services/auth';
import * as notifications from '../../services/notifications';
import { errorMessage } from '../../services/http';
import { UnreadyState, type EmptyStateProps } from '../../components/state-view';
import { DemandView } from '../../components/demand-view';
import { DemandQuestions } from '../../components/demand-questions';
import { budgetText, demandTypeText, fieldText, issuerText, regionText } from '../../lib/format';
import { useNow } from '../../hooks/use-now';
import { objectState, useAsync } from '../../hooks/use-async';
import { CATALOGUE } from '../../lib/nav';
import { applyEligibility, applyUrl, keepResume, signInThen } from '../../lib/resume';
import './index.scss';
import { showModal } from '../../lib/modal';

/**
 * The signed-in enterprise's application for this demand (null: none, or the user may not apply), checked each
 * time the page shows — so that coming back from the form says 继续填写, not 我要揭榜 again.
 */
function useMyApplication(demandId: string): ApplicationSummary | null {
  const [mine, setMine] = useState<ApplicationSummary | null>(null);
  const check = useCallback(async () => {
    if (!demandId || !isSignedIn()) return setMine(null);
    try {
      const who = await me();
      // Either track's applicant (SME 发榜: universities and institutes) may hold an application here.
      const may = applyEligibility(who).ok || applyEligibility(who, 'sme').ok;
      setMine(may ? await applications.findMine(demandId) : null);
    } catch {
      setMine(null); // the button then says 我要揭榜, and the form finds the draft itself
    }
  }, [demandId]);
  useDidShow(() => void check());
  return mine;
}

/** The main button for the user's application: 继续填写 a draft or returned one, 查看申请 otherwise. */
function applicationAction(a: ApplicationSummary): { text: string; url: string } {
  const editable = a.status === 'draft' || a.status === 'returned';
  return editable
    ? {
        text: a.status === 'returned' ? '修改后重新提交' : '继续填写',
        url: `${applyUrl(a.demandId)}&id=${encodeURIComponent(a.id)}`,
      }
    : { text: '查看申请', url: `/subpackages/sme/pages/application/index?id=${encodeURIComponent(a.id)}` };
}

/** A demand that is not there, or not published yet. */
const MISSING: EmptyStateProps = {
  text: '该需求不存在或尚未发布',
  hint: '请返回需求目录查看其他需求',
  go: { text: '返回需求目录', url: CATALOGUE },
};

/** Statuses whose selection is in the public 揭榜名单 (issue 16): the detail links to it. */
const RESULT_PUBLIC = new Set<string>(['selected', 'in_cooperation', 'completed']);
export default function DemandDetailPage() {
  const { params } = useRouter();
  const id = params.id ? decodeURIComponent(params.id) : '';
  const [applying, setApplying] = useState(false);
  const [reminder, setReminder] = useState<'idle' | 'busy' | 'on'>('idle');
  const now = useNow(30_000);
  const mine = useMyApplication(id);

  const load = useCallback(() => catalogue.get(id), [id]);
  const demand = useAsync(id ? load : null);
  const state = objectState(demand.state, !!id);

  useEffect(() => {
    void notifications.prefetchTemplates();
  }, []);

  if (state.kind !== 'ready') {
    return (
      <UnreadyState
        name="demand-detail"
        state={state}
        missing={MISSING}
        onRetry={demand.reload}
        frame="detail detail--state"
      />
    );
  }

  const d = state.value;
  const closed = !d.open;

  const apply = async () => {
    if (mine) {
      void Taro.navigateTo({ url: applicationAction(mine).url });
      return;
    }
    if (closed || applying) return;
    if (!isSignedIn()) {
      // Sign-in (and registration when needed) come back to step 1 of this demand's application.
      signInThen({ kind: 'apply', demandId: d.id, title: d.title });
      return;
    }
    setApplying(true);
    try {
      const can = applyEligibility(await me(), d.track);
      if (!can.ok) {
        if (!can.register) {
          void showModal({ title: '不能揭榜', content: can.reason, showCancel: false });
          return;
        }
        const { confirm } = await showModal({
          title: '请先登记企业',
          content: '揭榜须以中小企业身份进行。登记企业信息后即回到本需求的申请书第 1 步。',
          confirmText: '去登记',
        });
        if (confirm) {
          keepResume({ kind: 'apply', demandId: d.id, title: d.title });
          void Taro.navigateTo({ url: '/subpackages/sme/pages/register/index' });
        }
        return;
      }
      // The form finds the enterprise's draft for this demand, or starts one.
      void Taro.navigateTo({ url: applyUrl(d.id) });
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
      signInThen({ kind: 'open', url: `/pages/demand-detail/index?id=${encodeURIComponent(d.id)}`, title: d.title });
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
          {d.track === 'sme' && <Text className="detail__tag detail__tag--track">中小企业发榜</Text>}
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

      {RESULT_PUBLIC.has(d.status) && (
        <View
          className="detail__results demand-detail__results"
          hoverClass="detail__results--pressed"
          onClick={() => void Taro.navigateTo({ url: links.results(d.campaignYear) })}
        >
          <Text>遴选结果已公布</Text>
          <Text className="detail__results-link">查看揭榜名单 ›</Text>
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
        {mine ? (
          <View
            className={`detail__apply detail-my-application is-${mine.status}`}
            hoverClass="detail__apply--pressed"
            onClick={() => void apply()}
          >
            {applicationAction(mine).text}
          </View>
        ) : (
          <View
            className={`detail__apply${closed ? ' is-disabled' : ''}`}
            hoverClass={closed ? 'none' : 'detail__apply--pressed'}
            aria-disabled={closed}
            onClick={() => void apply()}
          >
            {closed ? '揭榜已截止' : applying ? '请稍候…' : '我要揭榜'}
          </View>
        )}
      </View>
    </View>
  );
}
