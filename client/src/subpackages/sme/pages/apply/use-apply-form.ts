import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import Taro, { useDidHide } from '@tarojs/taro';
import { MAX_ATTACHMENTS, isEditable, regionName } from '@jiebang/shared';
import type { Application, ApplicationSummary, CatalogueDetail, MeResponse } from '@jiebang/shared';
import * as auth from '../../../../services/auth';
import * as applications from '../../../../services/applications';
import * as catalogue from '../../../../services/catalogue';
import * as notifications from '../../../../services/notifications';
import { fileProblem, pickPdf, uploadPdf } from '../../../../services/attachments';
import { ApiError, NETWORK_ERROR, errorMessage } from '../../../../services/http';
import { refusalText } from '../../../../lib/application';
import type { FieldErrors } from '../../../../lib/form-errors';
import { useNow } from '../../../../hooks/use-now';
import {
  EMPTY_FORM,
  STEPS,
  clearLocalDraft,
  fromApplication,
  loadLocalDraft,
  resumeForm,
  saveLocalDraft,
  saveable,
  stepErrors,
  validate,
  type ApplyForm,
} from '../../lib/apply-form';
import { showModal } from '../../../../lib/modal';
import { applyEligibility } from '../../../../lib/resume';

export type Load =
  | { kind: 'loading' }
  | { kind: 'signed-out' }
  | { kind: 'no-org' }
  | { kind: 'not-sme'; me: MeResponse; reason: string }
  | { kind: 'already'; summary: ApplicationSummary }
  | { kind: 'error'; message: string }
  | { kind: 'ready'; me: MeResponse; demand: CatalogueDetail | null };

export type Save =
  | { kind: 'idle' }
  | { kind: 'local'; at: Date }
  | { kind: 'saving' }
  | { kind: 'server'; at: Date }
  | { kind: 'error'; message: string };

type SyncResult = 'saved' | 'unchanged' | 'incomplete' | 'failed' | 'not-editable';

interface Started {
  load: Load;
  server?: Application | null;
  local?: ReturnType<typeof loadLocalDraft>;
  resumed?: ReturnType<typeof resumeForm>;
}

export interface Upload {
  name: string;
  progress: number;
  error?: string;
}

export const hhmm = (d: Date) => `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
const retryable = (err: unknown) =>
  err instanceof ApiError && (err.code === NETWORK_ERROR || err.status >= 500 || err.status === 429);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The application form's state and its saving: loads the enterprise, the demand and any draft (the server's or
 * this device's), keeps every change on the device (debounced) and the complete form on the server when leaving
 * a step or the page, uploads attachments and submits with an Idempotency-Key.
 */
export function useApplyForm(demandId: string, givenId: string) {
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

  // The latest form and step for saves started from callbacks (kept after each render, not while rendering).
  const formRef = useRef(form);
  const stepRef = useRef(step);
  useEffect(() => {
    formRef.current = form;
    stepRef.current = step;
  });
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

  const adopt = useCallback((a: Application) => {
    appRef.current = a;
    setApp(a);
    const input = saveable(fromApplication(a));
    lastSynced.current = input ? JSON.stringify(input) : null;
  }, []);

  // Loading decides what the page shows; the resumed form is applied when the answer arrives (never
  // synchronously in the effect).
  const start = useCallback(async (): Promise<Started> => {
    if (!demandId && !givenId) return { load: { kind: 'error', message: '缺少需求编号，请从需求详情进入' } };
    if (!auth.isSignedIn()) return { load: { kind: 'signed-out' } };
    try {
      const me = await auth.me();
      if (!me.org) return { load: { kind: 'no-org' } };
      let server: Application | null = null;
      if (givenId) server = await applications.get(givenId);
      else {
        const summary = await applications.findMine(demandId);
        if (summary && !isEditable(summary.status)) return { load: { kind: 'already', summary } };
        if (summary) server = await applications.get(summary.id);
      }
      if (server && !isEditable(server.status)) {
        return { load: { kind: 'already', summary: server } };
      }
      // WeChat shows its consent dialog only when asked straight from a tap: have the template ids ready.
      if (process.env.TARO_ENV === 'weapp') void notifications.prefetchTemplates();
      const did = server?.demandId ?? demandId;
      const demand = await catalogue.get(did).catch(() => null);
      // The track decides who applies (SME 发榜: universities and institutes); the server checks the same.
      const can = applyEligibility(me, demand?.track);
      if (!can.ok) return { load: { kind: 'not-sme', me, reason: can.reason } };
      const local = loadLocalDraft(did);
      return { load: { kind: 'ready', me, demand }, server, local, resumed: resumeForm(server, local) };
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) return { load: { kind: 'signed-out' } };
      if (err instanceof ApiError && err.status === 404) {
        return { load: { kind: 'error', message: '揭榜申请不存在或无权查看' } };
      }
      return { load: { kind: 'error', message: errorMessage(err) } };
    }
  }, [demandId, givenId]);

  const applyStart = useCallback(
    (started: Started) => {
      if (started.load.kind === 'ready' && started.resumed) {
        const { server, local, resumed } = started;
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
      }
      setLoad(started.load);
    },
    [adopt],
  );

  useEffect(() => {
    ready.current = false;
    void start().then(applyStart);
  }, [start, applyStart]);

  const retry = () => {
    ready.current = false;
    setLoad({ kind: 'loading' });
    void start().then(applyStart);
  };

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
            const { confirm } = await showModal({
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
        if (refusal && !current) void showModal({ title: refusal.title, content: refusal.content, showCancel: false });
        setSave({ kind: 'error', message: errorMessage(err) });
        return 'failed';
      }
    };
    const chained = (syncing.current ?? Promise.resolve<SyncResult>('unchanged')).then(run, run);
    syncing.current = chained;
    return chained;
  }, [adopt, demandId, persistLocal]);

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
    const { confirm } = await showModal({
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
        void showModal({
          title: '网络异常',
          content: '未能确认申请是否已提交。请检查网络后再次点击“提交申请”，不会重复提交。',
          showCancel: false,
        });
      } else {
        submitKey.current = undefined;
        persistLocal();
        const refusal = refusalText(e);
        void showModal({
          title: refusal?.title ?? '提交失败',
          content: refusal?.content ?? errorMessage(e),
          showCancel: false,
        });
      }
    } finally {
      setSubmitting(false);
    }
  };

  return {
    load,
    form,
    step,
    reached,
    app,
    tried,
    serverErrors,
    save,
    upload,
    submitting,
    now,
    start,
    retry,
    err,
    stepHasErrors,
    update,
    goTo,
    pickAndUpload,
    submit,
    errors,
    validation,
  };
}
