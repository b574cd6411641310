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
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import Taro, { useDidHide, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { MAX_ATTACHMENTS, countdownText, formatShanghai, isEditable, regionName } from '@jiebang/shared';
import type { Application, ApplicationSummary, CatalogueDetail, MeResponse } from '@jiebang/shared';
import * as auth from '../../../../services/auth';
import * as applications from '../../../../services/applications';
import * as catalogue from '../../../../services/catalogue';
import * as notifications from '../../../../services/notifications';
import { fileProblem, formatBytes, pickPdf, uploadPdf } from '../../../../services/attachments';
import { ApiError, NETWORK_ERROR, errorMessage } from '../../../../services/http';
import { EmptyState, ErrorState, LoadingState } from '../../../../components/state-view';
import { ActionButton, Field, TextArea, TextInput } from '../../../../components/form';
import { StatusBadge } from '../../../../components/app-status';
import { refusalText, statusLabel } from '../../../../lib/application';
import { budgetText } from '../../../../lib/format';
import type { FieldErrors } from '../../../../lib/form-errors';
import { useNow } from '../../../../hooks/use-now';
import {
  EMPTY_FORM,
  STEPS,
  clearLocalDraft,
  fromApplication,
  loadLocalDraft,
  normaliseMonth,
  resumeForm,
  saveLocalDraft,
  saveable,
  stepErrors,
  validate,
  type ApplyForm,
  type KeyMember,
  type Milestone,
} from '../../lib/apply-form';
import { DemandView } from '../../../../components/demand-view';
import './index.scss';

type Load =
  | { kind: 'loading' }
  | { kind: 'signed-out' }
  | { kind: 'no-org' }
  | { kind: 'not-sme'; me: MeResponse }
  | { kind: 'already'; summary: ApplicationSummary }
  | { kind: 'error'; message: string }
  | { kind: 'ready'; me: MeResponse; demand: CatalogueDetail | null };

type Save =
  | { kind: 'idle' }
  | { kind: 'local'; at: Date }
  | { kind: 'saving' }
  | { kind: 'server'; at: Date }
  | { kind: 'error'; message: string };

type SyncResult = 'saved' | 'unchanged' | 'incomplete' | 'failed' | 'not-editable';

interface Upload {
  name: string;
  progress: number;
  error?: string;
}

const hhmm = (d: Date) => `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
const retryable = (err: unknown) =>
  err instanceof ApiError && (err.code === NETWORK_ERROR || err.status >= 500 || err.status === 429);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export default function ApplyPage() {
  const { params } = useRouter();
  const demandId = params.demandId ? decodeURIComponent(params.demandId) : '';
  const givenId = params.id ? decodeURIComponent(params.id) : '';

  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [form, setForm] = useState<ApplyForm>(EMPTY_FORM);
  const [step, setStep] = useState(0);
  /** The furthest step reached: steps up to it count as done when they have no errors. */
  const [reached, setReached] = useState(0);
  const [app, setApp] = useState<Application | null>(null);
  const [tried, setTried] = useState<Record<number, boolean>>({});
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [save, setSave] = useState<Save>({ kind: 'idle' });
  const [upload, setUpload] = useState<Upload | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const now = useNow(60_000);

  const formRef = useRef(form);
  formRef.current = form;
  const stepRef = useRef(step);
  stepRef.current = step;
  const appRef = useRef<Application | null>(null);
  const lastSynced = useRef<string | null>(null);
  const syncing = useRef<Promise<SyncResult> | null>(null);
  const submitKey = useRef<string | undefined>(undefined);
  const ready = useRef(false);
  const dirty = useRef(false);

  const persistLocal = useCallback(() => {
    if (!ready.current || !demandId) return;
    saveLocalDraft(demandId, {
      form: formRef.current,
      step: stepRef.current,
      applicationId: appRef.current?.id,
      savedAt: new Date().toISOString(),
      submitKey: submitKey.current,
    });
  }, [demandId]);

  const adopt = (a: Application) => {
    appRef.current = a;
    setApp(a);
    const input = saveable(fromApplication(a));
    lastSynced.current = input ? JSON.stringify(input) : null;
  };

  const start = useCallback(async () => {
    ready.current = false;
    setLoad({ kind: 'loading' });
    if (!demandId && !givenId) return setLoad({ kind: 'error', message: '缺少需求编号，请从需求详情进入' });
    if (!auth.isSignedIn()) return setLoad({ kind: 'signed-out' });
    try {
      const me = await auth.me();
      if (!me.org) return setLoad({ kind: 'no-org' });
      if (me.org.kind !== 'sme' || me.org.size === 'large') return setLoad({ kind: 'not-sme', me });
      let server: Application | null = null;
      if (givenId) server = await applications.get(givenId);
      else {
        const summary = await applications.findMine(demandId);
        if (summary && !isEditable(summary.status)) return setLoad({ kind: 'already', summary });
        if (summary) server = await applications.get(summary.id);
      }
      if (server && !isEditable(server.status)) {
        return setLoad({ kind: 'already', summary: server });
      }
      // WeChat shows its consent dialog only when asked straight from a tap: have the template ids ready.
      if (process.env.TARO_ENV === 'weapp') void notifications.prefetchTemplates();
      const did = server?.demandId ?? demandId;
      const demand = await catalogue.get(did).catch(() => null);
      const local = loadLocalDraft(did);
      const resumed = resumeForm(server, local);
      if (server) adopt(server);
      submitKey.current = resumed.fromLocal ? local?.submitKey : undefined;
      setForm(resumed.form);
      const resumedStep = Math.min(Math.max(resumed.step, 0), STEPS.length - 1);
      setStep(resumedStep);
      // A server copy is a complete form: every step of it has been filled.
      setReached(server ? STEPS.length - 1 : resumedStep);
      if (resumed.fromLocal && local) setSave({ kind: 'local', at: new Date(local.savedAt) });
      else if (server) setSave({ kind: 'server', at: new Date(server.updatedAt) });
      ready.current = true;
      setLoad({ kind: 'ready', me, demand });
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) setLoad({ kind: 'signed-out' });
      else if (err instanceof ApiError && err.status === 404)
        setLoad({ kind: 'error', message: '揭榜申请不存在或无权查看' });
      else setLoad({ kind: 'error', message: errorMessage(err) });
    }
  }, [demandId, givenId]);

  useEffect(() => {
    void start();
  }, [start]);

  // Every change is on the device within half a second.
  useEffect(() => {
    if (!ready.current) return;
    dirty.current = true;
    const timer = setTimeout(() => {
      persistLocal();
      dirty.current = false;
      setSave((s) => (s.kind === 'saving' ? s : { kind: 'local', at: new Date() }));
    }, 500);
    return () => clearTimeout(timer);
  }, [form, step, persistLocal]);

  /** Save the whole form on the server when it is complete and changed; serialised so a draft is created once. */
  const syncServer = useCallback((): Promise<SyncResult> => {
    const run = async (): Promise<SyncResult> => {
      const input = saveable(formRef.current);
      if (!input) return 'incomplete';
      const json = JSON.stringify(input);
      const current = appRef.current;
      if (current && json === lastSynced.current) return 'unchanged';
      setSave({ kind: 'saving' });
      try {
        const next = current
          ? await applications.update(current.id, input, current.version)
          : await applications.create(demandId, input);
        appRef.current = next;
        setApp(next);
        lastSynced.current = json;
        setServerErrors({});
        persistLocal();
        setSave({ kind: 'server', at: new Date() });
        return 'saved';
      } catch (err) {
        if (err instanceof ApiError && err.code === 'VERSION_CONFLICT' && current) {
          const latest = await applications.get(current.id).catch(() => null);
          if (latest && isEditable(latest.status)) {
            const { confirm } = await Taro.showModal({
              title: '申请书已在其他设备修改',
              content: '保留本机填写的内容（覆盖服务器上的版本），还是改用服务器上的版本？',
              confirmText: '保留本机',
              cancelText: '用服务器',
            });
            appRef.current = latest;
            setApp(latest);
            if (!confirm) {
              adopt(latest);
              setForm(fromApplication(latest));
              setSave({ kind: 'server', at: new Date(latest.updatedAt) });
              return 'saved';
            }
            try {
              const next = await applications.update(latest.id, input, latest.version);
              adopt(next);
              setSave({ kind: 'server', at: new Date() });
              return 'saved';
            } catch (again) {
              setSave({ kind: 'error', message: errorMessage(again) });
              return 'failed';
            }
          }
        }
        if (err instanceof ApiError && err.status === 409 && err.code === 'NOT_EDITABLE') {
          setSave({ kind: 'error', message: err.message });
          return 'not-editable';
        }
        if (err instanceof ApiError && err.fields) setServerErrors(err.fields);
        const refusal = refusalText(err);
        if (refusal && !current)
          void Taro.showModal({ title: refusal.title, content: refusal.content, showCancel: false });
        setSave({ kind: 'error', message: errorMessage(err) });
        return 'failed';
      }
    };
    const chained = (syncing.current ?? Promise.resolve<SyncResult>('unchanged')).then(run, run);
    syncing.current = chained;
    return chained;
  }, [demandId, persistLocal]);

  // Leaving the page (back, home, app to background): keep everything.
  useDidHide(() => {
    persistLocal();
    void syncServer();
  });
  useEffect(
    () => () => {
      if (ready.current && dirty.current) persistLocal();
      if (ready.current) void syncServer();
    },
    [persistLocal, syncServer],
  );

  const validation = useMemo(() => validate(form), [form]);
  const errors: FieldErrors = useMemo(() => ({ ...validation.errors, ...serverErrors }), [validation, serverErrors]);
  const err = (path: string) => (tried[step] || serverErrors[path] ? errors[path] : undefined);
  const stepHasErrors = (i: number) => Object.keys(stepErrors(errors, i)).length > 0;

  const update = <K extends keyof ApplyForm>(key: K, value: ApplyForm[K]) => setForm((f) => ({ ...f, [key]: value }));

  const scrollToError = () =>
    setTimeout(() => void Taro.pageScrollTo({ selector: '.is-invalid', duration: 200 }).catch(() => {}), 60);

  const goTo = (target: number, check: boolean) => {
    if (target === step || target < 0 || target >= STEPS.length) return;
    if (check && stepHasErrors(step)) {
      setTried((t) => ({ ...t, [step]: true }));
      void Taro.showToast({ title: '请先完善本步骤中标红的内容', icon: 'none' });
      scrollToError();
      return;
    }
    setStep(target);
    setReached((r) => Math.max(r, target));
    void syncServer();
    void Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => {});
  };

  const pickAndUpload = async (orgId: string) => {
    if (upload && !upload.error) return;
    if (form.attachments.length >= MAX_ATTACHMENTS) {
      void Taro.showToast({ title: `附件最多 ${MAX_ATTACHMENTS} 个`, icon: 'none' });
      return;
    }
    const file = await pickPdf();
    if (!file) return;
    const problem = fileProblem(file);
    if (problem) return setUpload({ name: file.name, progress: 0, error: problem });
    setUpload({ name: file.name, progress: 0 });
    try {
      const done = await uploadPdf(orgId, file, (p) => setUpload((u) => (u ? { ...u, progress: p } : u)));
      const next = {
        ...formRef.current,
        attachments: [...formRef.current.attachments, { key: done.key, name: done.name, size: done.size }],
      };
      formRef.current = next;
      setForm(next);
      setUpload(null);
      void syncServer(); // the attachment belongs on the server copy at once
      void Taro.showToast({ title: '上传成功', icon: 'success' });
    } catch (e) {
      setUpload({ name: file.name, progress: 0, error: errorMessage(e) });
    }
  };

  const submit = async (authorityRegion: string) => {
    if (submitting) return;
    const v = validate(formRef.current);
    if (!v.ok) {
      setTried(Object.fromEntries(STEPS.map((_, i) => [i, true])));
      const first = STEPS.findIndex((_, i) => Object.keys(stepErrors(v.errors, i)).length > 0);
      if (first >= 0 && first !== step) setStep(first);
      void Taro.showToast({ title: `请完善“${STEPS[first]?.long ?? '申请书'}”中标红的内容`, icon: 'none' });
      scrollToError();
      return;
    }
    const { confirm } = await Taro.showModal({
      title: '确认提交揭榜申请',
      content: `提交后由${regionName(authorityRegion)}中小企业主管部门初审，初审期间不能修改。请确认所填信息真实、准确。`,
      confirmText: '确认提交',
    });
    if (!confirm) return;
    if (process.env.TARO_ENV === 'weapp') {
      // Optional: one consent = one WeChat message with the 初审 result. Declining never blocks the submit.
      await notifications.subscribe('status_update', appRef.current?.demandId ?? demandId).catch(() => null);
    }
    setSubmitting(true);
    try {
      const synced = await syncServer();
      const current = appRef.current;
      // A submit whose answer was lost may have gone through: the server refuses the save, the replay tells.
      const replaying = synced === 'not-editable' && submitKey.current;
      if (!current || (synced !== 'saved' && synced !== 'unchanged' && !replaying)) {
        void Taro.showToast({ title: '申请书保存失败，请检查网络后重试', icon: 'none' });
        return;
      }
      submitKey.current ??= applications.newIdempotencyKey();
      persistLocal();
      const key = submitKey.current;
      let result: Application;
      try {
        result = await applications.submit(current.id, key);
      } catch (first) {
        if (!retryable(first)) throw first;
        await sleep(1000);
        result = await applications.submit(current.id, key);
      }
      submitKey.current = undefined;
      ready.current = false;
      clearLocalDraft(result.demandId);
      void Taro.redirectTo({
        url: `/subpackages/sme/pages/application/index?id=${encodeURIComponent(result.id)}&submitted=1`,
      });
    } catch (e) {
      if (retryable(e)) {
        // Keep the key: the next tap asks the server again with it and never submits twice.
        void Taro.showModal({
          title: '网络异常',
          content: '未能确认申请是否已提交。请检查网络后再次点击“提交申请”，不会重复提交。',
          showCancel: false,
        });
      } else {
        submitKey.current = undefined;
        persistLocal();
        const refusal = refusalText(e);
        void Taro.showModal({
          title: refusal?.title ?? '提交失败',
          content: refusal?.content ?? errorMessage(e),
          showCancel: false,
        });
      }
    } finally {
      setSubmitting(false);
    }
  };

  if (load.kind === 'loading') return <LoadingState />;
  if (load.kind === 'error') {
    return <ErrorState className="apply-error" message={load.message} onRetry={() => void start()} />;
  }
  if (load.kind === 'signed-out') {
    return (
      <EmptyState
        className="apply-signed-out"
        text="请先登录"
        hint="登录并登记企业后即可揭榜"
        actionText="去登录"
        onAction={() => void Taro.switchTab({ url: '/pages/mine/index' })}
      />
    );
  }
  if (load.kind === 'no-org') {
    return (
      <EmptyState
        className="apply-no-org"
        text="请先登记企业"
        hint="揭榜需以中小企业身份进行，登记后即可填写申请书"
        actionText="去登记企业"
        onAction={() => void Taro.redirectTo({ url: '/subpackages/sme/pages/register/index' })}
      />
    );
  }
  if (load.kind === 'not-sme') {
    return (
      <EmptyState
        className="apply-not-sme"
        text="仅中小企业可以揭榜"
        hint={`${load.me.org?.name ?? '贵企业'}不是按《中小企业划型标准规定》登记的中小企业，不能揭榜。`}
        actionText="返回"
        onAction={() => void Taro.navigateBack().catch(() => Taro.switchTab({ url: '/pages/catalogue/index' }))}
      />
    );
  }
  if (load.kind === 'already') {
    return (
      <EmptyState
        className="apply-already"
        text="贵企业已揭榜该需求"
        hint={`“${load.summary.demandTitle}”的申请当前状态：${statusLabel(load.summary.status)}`}
        actionText="查看申请进度"
        onAction={() =>
          void Taro.redirectTo({
            url: `/subpackages/sme/pages/application/index?id=${encodeURIComponent(load.summary.id)}`,
          })
        }
      />
    );
  }

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
                ? `截止 ${formatShanghai(demand.applicationDeadline)} · ${countdownText(demand.applicationDeadline, now)}`
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
          <SaveStatus save={save} />
        </View>
        <View className="apply-progress__steps">
          {STEPS.map((s, i) => {
            const bad = tried[i] && stepHasErrors(i);
            const cls =
              i === step ? 'is-current' : bad ? 'is-error' : i <= reached && !stepHasErrors(i) ? 'is-done' : '';
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
            upload={upload}
            onPick={() => void pickAndUpload(orgId)}
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
            busy={submitting}
            disabled={closed}
            onClick={() => void submit(authorityRegion || me.org?.region || '')}
          />
        )}
      </View>
    </View>
  );
}

function SaveStatus({ save }: { save: Save }) {
  switch (save.kind) {
    case 'idle':
      return <Text className="apply-save-status">草稿自动保存</Text>;
    case 'local':
      return <Text className="apply-save-status is-local">已保存在本机 {hhmm(save.at)}</Text>;
    case 'saving':
      return <Text className="apply-save-status is-saving">正在保存…</Text>;
    case 'server':
      return <Text className="apply-save-status is-server">已保存草稿 {hhmm(save.at)}</Text>;
    case 'error':
      return <Text className="apply-save-status is-error">{`未能保存到服务器（已保存在本机）`}</Text>;
  }
}

interface StepProps {
  form: ApplyForm;
  update: <K extends keyof ApplyForm>(key: K, value: ApplyForm[K]) => void;
  err: (path: string) => string | undefined;
}

const digitsOnly = (v: string) => v.replace(/\D/g, '');
const decimal = (v: string) => v.replace(/[^\d.]/g, '');

function TeamStep({ form, update, err }: StepProps) {
  const setMember = (i: number, patch: Partial<KeyMember>) =>
    update(
      'keyMembers',
      form.keyMembers.map((m, j) => (j === i ? { ...m, ...patch } : m)),
    );
  return (
    <>
      <View className="form-card">
        <Text className="form-card__title">项目负责人</Text>
        <Field label="姓名" required error={err('team.leader.name')}>
          <TextInput
            className="apply-leader-name"
            value={form.leaderName}
            maxlength={20}
            onChange={(v) => update('leaderName', v)}
          />
        </Field>
        <Field label="职务/职称" required error={err('team.leader.title')}>
          <TextInput
            className="apply-leader-title"
            value={form.leaderTitle}
            maxlength={30}
            placeholder="如 研发总监 / 高级工程师"
            onChange={(v) => update('leaderTitle', v)}
          />
        </Field>
      </View>
      <View className="form-card">
        <Text className="form-card__title">团队规模</Text>
        <Field label="团队人数" required error={err('team.memberCount')}>
          <TextInput
            className="apply-member-count"
            type="number"
            value={form.memberCount}
            maxlength={6}
            suffix="人"
            onChange={(v) => update('memberCount', digitsOnly(v))}
          />
        </Field>
        <Field label="其中研发人员" required error={err('team.rndStaffCount')}>
          <TextInput
            className="apply-rnd-count"
            type="number"
            value={form.rndStaffCount}
            maxlength={6}
            suffix="人"
            onChange={(v) => update('rndStaffCount', digitsOnly(v))}
          />
        </Field>
      </View>
      <View className="form-card">
        <Text className="form-card__title">骨干成员（{form.keyMembers.length}/20）</Text>
        <Text className="form-card__desc">列出参与攻关的核心技术人员，选填。</Text>
        {form.keyMembers.map((m, i) => (
          <View key={i} className="apply-key-member sub-card">
            <View className="sub-card__head">
              <Text className="sub-card__title">骨干成员 {i + 1}</Text>
              <Text
                className="sub-card__remove apply-key-member__remove"
                onClick={() =>
                  update(
                    'keyMembers',
                    form.keyMembers.filter((_, j) => j !== i),
                  )
                }
              >
                删除
              </Text>
            </View>
            <Field label="姓名" required error={err(`team.keyMembers.${i}.name`)}>
              <TextInput
                className="apply-key-member__name"
                value={m.name}
                maxlength={20}
                onChange={(v) => setMember(i, { name: v })}
              />
            </Field>
            <Field label="职称" required error={err(`team.keyMembers.${i}.title`)}>
              <TextInput
                className="apply-key-member__title"
                value={m.title}
                maxlength={30}
                onChange={(v) => setMember(i, { title: v })}
              />
            </Field>
            <Field label="分工" required error={err(`team.keyMembers.${i}.role`)}>
              <TextInput
                className="apply-key-member__role"
                value={m.role}
                maxlength={50}
                placeholder="如 算法设计"
                onChange={(v) => setMember(i, { role: v })}
              />
            </Field>
          </View>
        ))}
        {form.keyMembers.length < 20 && (
          <View
            className="add-line apply-add-member"
            hoverClass="add-line--pressed"
            onClick={() => update('keyMembers', [...form.keyMembers, { name: '', title: '', role: '' }])}
          >
            ＋ 添加骨干成员
          </View>
        )}
        {err('team.keyMembers') && <Text className="field-error">{err('team.keyMembers')}</Text>}
      </View>
    </>
  );
}

function CapabilityStep({ form, update, err }: StepProps) {
  return (
    <View className="form-card">
      <Text className="form-card__title">研发能力</Text>
      <Field label="研发投入占营业收入比例" required error={err('capability.rndSpendingRatio')} hint="上一年度，0–100">
        <TextInput
          className="apply-rnd-ratio"
          type="digit"
          value={form.rndSpendingRatio}
          maxlength={6}
          suffix="%"
          onChange={(v) => update('rndSpendingRatio', decimal(v))}
        />
      </Field>
      <Field label="有效发明专利" required error={err('capability.inventionPatents')}>
        <TextInput
          className="apply-patents"
          type="number"
          value={form.inventionPatents}
          maxlength={7}
          suffix="件"
          onChange={(v) => update('inventionPatents', digitsOnly(v))}
        />
      </Field>
      <Field label="其他知识产权（选填）" error={err('capability.otherIp')}>
        <TextArea
          className="apply-other-ip"
          value={form.otherIp}
          maxlength={2000}
          placeholder="实用新型、软件著作权、标准等"
          onChange={(v) => update('otherIp', v)}
        />
      </Field>
      <Field label="研发平台/实验室（选填）" error={err('capability.platforms')}>
        <TextArea
          className="apply-platforms"
          value={form.platforms}
          maxlength={2000}
          placeholder="如 省级企业技术中心、重点实验室"
          onChange={(v) => update('platforms', v)}
        />
      </Field>
      <Field label="相关项目经历（选填）" error={err('capability.pastProjects')}>
        <TextArea
          className="apply-past-projects"
          value={form.pastProjects}
          maxlength={2000}
          placeholder="与本需求相关的已完成项目"
          onChange={(v) => update('pastProjects', v)}
        />
      </Field>
    </View>
  );
}

function PlanStep({ form, update, err }: StepProps) {
  const setMilestone = (i: number, patch: Partial<Milestone>) =>
    update(
      'milestones',
      form.milestones.map((m, j) => (j === i ? { ...m, ...patch } : m)),
    );
  return (
    <>
      <View className="form-card">
        <Text className="form-card__title">技术方案</Text>
        <Field label="技术路线" required error={err('plan.route')}>
          <TextArea
            className="apply-route"
            value={form.route}
            maxlength={5000}
            placeholder="拟采用的技术路线和实施方法"
            onChange={(v) => update('route', v)}
          />
        </Field>
        <Field label="创新点" required error={err('plan.innovations')}>
          <TextArea
            className="apply-innovations"
            value={form.innovations}
            maxlength={2000}
            onChange={(v) => update('innovations', v)}
          />
        </Field>
      </View>
      <View className="form-card">
        <Text className="form-card__title">里程碑（{form.milestones.length}/24）</Text>
        <Text className="form-card__desc">按月份列出阶段成果，至少一项。</Text>
        {form.milestones.map((m, i) => (
          <View key={i} className="apply-milestone sub-card">
            <View className="sub-card__head">
              <Text className="sub-card__title">里程碑 {i + 1}</Text>
              {form.milestones.length > 1 && (
                <Text
                  className="sub-card__remove apply-milestone__remove"
                  onClick={() =>
                    update(
                      'milestones',
                      form.milestones.filter((_, j) => j !== i),
                    )
                  }
                >
                  删除
                </Text>
              )}
            </View>
            <Field label="完成月份" required error={err(`plan.milestones.${i}.month`)}>
              <TextInput
                className="apply-milestone__month"
                value={m.month}
                maxlength={7}
                placeholder="YYYY-MM，如 2025-06"
                onChange={(v) => setMilestone(i, { month: normaliseMonth(v) })}
              />
            </Field>
            <Field label="阶段成果" required error={err(`plan.milestones.${i}.deliverable`)}>
              <TextInput
                className="apply-milestone__deliverable"
                value={m.deliverable}
                maxlength={200}
                placeholder="如 完成样机试制"
                onChange={(v) => setMilestone(i, { deliverable: v })}
              />
            </Field>
          </View>
        ))}
        {form.milestones.length < 24 && (
          <View
            className="add-line apply-add-milestone"
            hoverClass="add-line--pressed"
            onClick={() => update('milestones', [...form.milestones, { month: '', deliverable: '' }])}
          >
            ＋ 添加里程碑
          </View>
        )}
        {err('plan.milestones') && <Text className="field-error">{err('plan.milestones')}</Text>}
      </View>
      <View className="form-card">
        <Text className="form-card__title">成果与风险</Text>
        <Field label="预期成果" required error={err('plan.expectedResults')}>
          <TextArea
            className="apply-expected"
            value={form.expectedResults}
            maxlength={2000}
            placeholder="样机、工艺、软件、专利、标准等及其指标"
            onChange={(v) => update('expectedResults', v)}
          />
        </Field>
        <Field label="风险及应对（选填）" error={err('plan.risks')}>
          <TextArea className="apply-risks" value={form.risks} maxlength={2000} onChange={(v) => update('risks', v)} />
        </Field>
      </View>
    </>
  );
}

function MatchStep({ form, update, err, demand }: StepProps & { demand: CatalogueDetail | null }) {
  return (
    <>
      {demand && <DemandView variant="indicators" demand={demand} />}
      <View className="form-card">
        <Text className="form-card__title">与需求匹配度</Text>
        <Field
          label="匹配度说明"
          required
          error={err('match')}
          hint="逐项说明方案如何满足需求的技术指标、成果形式和进度要求"
        >
          <TextArea className="apply-match" value={form.match} maxlength={2000} onChange={(v) => update('match', v)} />
        </Field>
      </View>
    </>
  );
}

function BudgetStep({ form, update, err, demand }: StepProps & { demand: CatalogueDetail | null }) {
  return (
    <View className="form-card">
      <Text className="form-card__title">项目预算（选填）</Text>
      {demand && <Text className="form-card__desc">需求方预算：{budgetText(demand.budget)}</Text>}
      <Field label="预算金额" error={err('budget.amount')}>
        <TextInput
          className="apply-budget-amount"
          type="digit"
          value={form.budgetAmount}
          maxlength={10}
          suffix="万元"
          onChange={(v) => update('budgetAmount', decimal(v))}
        />
      </Field>
      <Field label="预算说明" error={err('budget.note')}>
        <TextArea
          className="apply-budget-note"
          value={form.budgetNote}
          maxlength={500}
          placeholder="主要支出构成、自筹比例等"
          onChange={(v) => update('budgetNote', v)}
        />
      </Field>
    </View>
  );
}

function DeclarationStep({ form, update, err }: StepProps) {
  const on = form.notAffiliated;
  return (
    <View className="form-card">
      <Text className="form-card__title">非关联声明</Text>
      <Text className="form-card__desc">
        发榜企业的子公司、控股公司、供应商或其他关联方不能揭榜其需求。平台将按发榜企业申报的关联企业名单和贵企业的控股股东自动核验。
      </Text>
      <View className={`form-field ${err('declaration.notAffiliated') ? 'is-invalid' : ''}`}>
        <View
          className={`declaration apply-declaration${on ? ' is-on' : ''}`}
          role="checkbox"
          aria-checked={on}
          onClick={() => update('notAffiliated', !on)}
        >
          <Text className="declaration__box">{on ? '✓' : ''}</Text>
          <Text className="declaration__text">本企业不是发榜企业的子公司、控股公司、供应商或其他关联方</Text>
        </View>
        {err('declaration.notAffiliated') && <Text className="field-error">{err('declaration.notAffiliated')}</Text>}
      </View>
    </View>
  );
}

function AttachmentStep({
  form,
  update,
  err,
  upload,
  onPick,
  checklist,
  onJump,
}: StepProps & {
  upload: Upload | null;
  onPick: () => void;
  checklist: { title: string; ok: boolean; index: number }[];
  onJump: (i: number) => void;
}) {
  const uploading = upload !== null && !upload.error;
  return (
    <>
      <View className="form-card">
        <Text className="form-card__title">盖章申请书扫描件</Text>
        <Text className="form-card__desc">请上传加盖企业公章的揭榜申请书扫描件，PDF 格式，不超过 10 MB。</Text>
        <View className={`form-field ${err('attachments') ? 'is-invalid' : ''}`}>
          {form.attachments.map((a, i) => (
            <View key={a.key} className="apply-attachment">
              <Text className="apply-attachment__icon">PDF</Text>
              <View className="apply-attachment__body">
                <Text className="apply-attachment__name">{a.name}</Text>
                <Text className="apply-attachment__meta">已上传{a.size ? ` · ${formatBytes(a.size)}` : ''}</Text>
              </View>
              <Text
                className="apply-attachment__remove"
                onClick={() =>
                  update(
                    'attachments',
                    form.attachments.filter((_, j) => j !== i),
                  )
                }
              >
                移除
              </Text>
            </View>
          ))}
          {upload && (
            <View className={`apply-upload__status${upload.error ? ' is-error' : ''}`}>
              <Text className="apply-upload__name">{upload.name}</Text>
              {upload.error ? (
                <Text className="apply-upload__error field-error">{upload.error}</Text>
              ) : (
                <View className="apply-upload__progress" data-progress={Math.round(upload.progress * 100)}>
                  <View
                    className="apply-upload__bar"
                    style={{ width: `${Math.max(4, Math.round(upload.progress * 100))}%` }}
                  />
                  <Text className="apply-upload__pct">{Math.round(upload.progress * 100)}%</Text>
                </View>
              )}
            </View>
          )}
          <View
            className={`apply-upload${uploading ? ' is-busy' : ''}`}
            hoverClass={uploading ? 'none' : 'apply-upload--pressed'}
            onClick={onPick}
          >
            {uploading ? '正在上传…' : form.attachments.length ? '＋ 再上传一个 PDF' : '选择 PDF 文件上传'}
          </View>
          {process.env.TARO_ENV !== 'h5' && (
            <Text className="form-field__hint">从微信聊天中选择文件（可先发送到“文件传输助手”）</Text>
          )}
          {err('attachments') && <Text className="field-error">{err('attachments')}</Text>}
        </View>
      </View>
      <View className="form-card apply-checklist">
        <Text className="form-card__title">提交前检查</Text>
        {checklist.map((c) => (
          <View
            key={c.index}
            className={`apply-checklist__row${c.ok ? ' is-ok' : ' is-todo'}`}
            onClick={() => onJump(c.index)}
          >
            <Text className="apply-checklist__mark">{c.ok ? '✓' : '!'}</Text>
            <Text className="apply-checklist__title">{c.title}</Text>
            <Text className="apply-checklist__state">{c.ok ? '已完成' : '待完善 ›'}</Text>
          </View>
        ))}
      </View>
    </>
  );
}
