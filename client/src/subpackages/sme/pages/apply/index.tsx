/**
 * 揭榜申请书, in seven steps (团队 → 研发能力 → 攻关方案 → 匹配度 → 预算 → 声明 → 附件), for one demand
 * (`?demandId=`; `?id=` to edit a given application). Every change is kept on the device at once (debounced);
 * when the whole form is valid it is also saved on the server each time the user leaves a step (the API takes
 * only complete forms: the first such save creates the draft). Submit asks for confirmation and carries an
 * Idempotency-Key that a retry reuses; in the mini-program the same tap asks for one WeChat status message.
 *
 * Class names for end-to-end tests:
 * `apply-page`, `apply-progress` (text "步骤 n/7"), `apply-progress__step[data-step]` (`is-current`, `is-done`,
 * `is-error`), `apply-step[data-step=<key>]`, `apply-save-status` (`is-local` / `is-server` / `is-error`),
 * `apply-prev`, `apply-next`, `apply-submit`, `field-error`, `apply-returned`, `apply-closed`;
 * team: `apply-leader-name`, `apply-leader-title`, `apply-member-count`, `apply-rnd-count`, `apply-key-member`
 * (`__name`, `__title`, `__role`, `__remove`), `apply-add-member`; capability: `apply-rnd-ratio`,
 * `apply-patents`, `apply-other-ip`, `apply-platforms`, `apply-past-projects`; plan: `apply-route`,
 * `apply-innovations`, `apply-milestone` (`__month`, `__deliverable`, `__remove`), `apply-add-milestone`,
 * `apply-expected`, `apply-risks`; `apply-match`; `apply-budget-amount`, `apply-budget-note`;
 * `apply-declaration` (`is-on`); `apply-upload`, `apply-upload__progress`, `apply-upload__error`,
 * `apply-attachment` (`__remove`); states: `apply-signed-out`, `apply-no-org`, `apply-not-sme`,
 * `apply-already`, `apply-error`.
 */
import type { ComponentProps } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { countdownText, formatShanghai } from '@jiebang/shared';
import { EmptyState, ErrorState, LoadingState, SignInState } from '../../../../components/state-view';
import { ActionButton } from '../../../../components/form';
import { StatusBadge } from '../../../../components/app-status';
import { statusLabel } from '../../../../lib/application';
import { STEPS } from '../../lib/apply-form';
import { keepResume } from '../../../../lib/resume';
import { useApplyForm, type Load } from './use-apply-form';
import { SaveStatus } from './save-status';
import { TeamStep } from './team-step';
import { CapabilityStep } from './capability-step';
import { PlanStep } from './plan-step';
import { MatchStep } from './match-step';
import { BudgetStep } from './budget-step';
import { DeclarationStep } from './declaration-step';
import { AttachmentStep } from './attachment-step';
import './index.scss';

/** Why this enterprise cannot fill in the application (no enterprise, not an SME, applied already), and the way on. */
function blockedState(load: Load, demandId: string): ComponentProps<typeof EmptyState> | null {
  switch (load.kind) {
    case 'no-org':
      return {
        className: 'apply-no-org',
        text: '请先登记企业',
        hint: '揭榜需以中小企业身份进行，登记后即可填写申请书',
        actionText: '去登记企业',
        onAction: () => {
          // Registration comes back here (step 1 of this demand's application).
          keepResume({ kind: 'apply', demandId, title: '揭榜申请书' });
          void Taro.redirectTo({ url: '/subpackages/sme/pages/register/index' });
        },
      };
    case 'not-sme':
      return {
        className: 'apply-not-sme',
        text: '贵单位不能揭榜该需求',
        hint: `${load.me.org?.name ?? '贵单位'}：${load.reason}`,
        actionText: '返回',
        onAction: () => void Taro.navigateBack().catch(() => Taro.switchTab({ url: '/pages/catalogue/index' })),
      };
    case 'already':
      return {
        className: 'apply-already',
        text: '贵企业已揭榜该需求',
        hint: `“${load.summary.demandTitle}”的申请当前状态：${statusLabel(load.summary.status)}`,
        actionText: '查看申请进度',
        onAction: () =>
          void Taro.redirectTo({
            url: `/subpackages/sme/pages/application/index?id=${encodeURIComponent(load.summary.id)}`,
          }),
      };
    default:
      return null;
  }
}

export default function ApplyPage() {
  const { params } = useRouter();
  const demandId = params.demandId ? decodeURIComponent(params.demandId) : '';
  const givenId = params.id ? decodeURIComponent(params.id) : '';
  const f = useApplyForm(demandId, givenId);
  const { load, form, step, app, update, err, stepHasErrors, goTo } = f;

  if (load.kind === 'loading') return <LoadingState />;
  if (load.kind === 'error') {
    return <ErrorState className="apply-error" message={load.message} onRetry={f.retry} />;
  }
  if (load.kind === 'signed-out') {
    return (
      <SignInState
        className="apply-signed-out"
        text="登录后揭榜"
        hint="登录（并登记企业）后回到本需求的申请书"
        resume={{ kind: 'apply', demandId, title: '揭榜申请书' }}
      />
    );
  }
  const blocked = blockedState(load, demandId);
  if (blocked) return <EmptyState {...blocked} />;
  if (load.kind !== 'ready') return null;

  const { me, demand } = load;
  const orgId = me.org?.id ?? '';
  const authorityRegion = app?.authorityRegion ?? '';
  const title = app?.demandTitle ?? demand?.title ?? '';
  const closed = demand ? !demand.open : false;
  const current = STEPS[step]!;
  const last = step === STEPS.length - 1;

  return (
    <View className="apply-page">
      <View className="apply-head">
        <Text className="apply-head__label">揭榜需求</Text>
        <Text className="apply-head__title">{title}</Text>
        <View className="apply-head__meta">
          {app && <StatusBadge status={app.status} />}
          {demand && (
            <Text className="apply-head__deadline">
              {demand.open
                ? `截止 ${formatShanghai(demand.applicationDeadline)} · ${countdownText(demand.applicationDeadline, f.now)}`
                : '揭榜已截止'}
            </Text>
          )}
        </View>
      </View>

      {app?.status === 'returned' && app.returnReason && (
        <View className="form-banner form-banner--warn apply-returned">
          主管部门退回意见：{app.returnReason}。请修改后重新提交。
        </View>
      )}
      {closed && (
        <View className="form-banner form-banner--error apply-closed">该需求揭榜已截止，不能再提交申请。</View>
      )}

      <View className="apply-progress">
        <View className="apply-progress__head">
          <Text className="apply-progress__text">
            步骤 {step + 1}/{STEPS.length} · {current.long}
          </Text>
          <SaveStatus save={f.save} />
        </View>
        <View className="apply-progress__steps">
          {STEPS.map((s, i) => {
            const bad = f.tried[i] && stepHasErrors(i);
            const cls =
              i === step ? 'is-current' : bad ? 'is-error' : i <= f.reached && !stepHasErrors(i) ? 'is-done' : '';
            return (
              <View
                key={s.key}
                className={`apply-progress__step ${cls}`}
                data-step={i + 1}
                onClick={() => goTo(i, false)}
              >
                <View className="apply-progress__bar" />
                <Text className="apply-progress__name">{s.title}</Text>
              </View>
            );
          })}
        </View>
      </View>

      <View className={`apply-step apply-step--${current.key}`} data-step={current.key}>
        {current.key === 'team' && <TeamStep form={form} update={update} err={err} />}
        {current.key === 'capability' && <CapabilityStep form={form} update={update} err={err} />}
        {current.key === 'plan' && <PlanStep form={form} update={update} err={err} />}
        {current.key === 'match' && <MatchStep form={form} update={update} err={err} demand={demand} />}
        {current.key === 'budget' && <BudgetStep form={form} update={update} err={err} demand={demand} />}
        {current.key === 'declaration' && <DeclarationStep form={form} update={update} err={err} />}
        {current.key === 'attachments' && (
          <AttachmentStep
            form={form}
            update={update}
            err={err}
            upload={f.upload}
            onPick={() => void f.pickAndUpload(orgId)}
            checklist={STEPS.slice(0, -1).map((s, i) => ({ title: s.long, ok: !stepHasErrors(i), index: i }))}
            onJump={(i) => goTo(i, false)}
          />
        )}
      </View>

      <View className="apply-action-space" />
      <View className="apply-actions">
        {step > 0 && (
          <ActionButton className="apply-prev" kind="secondary" text="上一步" onClick={() => goTo(step - 1, false)} />
        )}
        {!last && <ActionButton className="apply-next" text="下一步" onClick={() => goTo(step + 1, true)} />}
        {last && (
          <ActionButton
            className="apply-submit"
            text={app?.status === 'returned' ? '重新提交' : '提交申请'}
            busy={f.submitting}
            disabled={closed}
            onClick={() => void f.submit(authorityRegion || me.org?.region || '')}
          />
        )}
      </View>
    </View>
  );
}
