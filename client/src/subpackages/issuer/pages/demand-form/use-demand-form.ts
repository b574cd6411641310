import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import Taro, { useDidHide, useUnload } from '@tarojs/taro';
import { EDITABLE_DEMAND_STATUSES } from '@jiebang/shared';
import type { Campaign, Demand, DemandDetail } from '@jiebang/shared';
import * as campaigns from '../../../../services/campaigns';
import * as demands from '../../../../services/demands';
import { ApiError, errorMessage } from '../../../../services/http';
import { beijingParts, beijingToday } from '../../../../lib/beijing-time';
import {
  emptyForm,
  firstErrorAnchor,
  formFromDemand,
  validate,
  weightSum,
  type DemandFormValues,
  type FieldErrors,
} from '../../lib/demand-form';
import { clearLocalDraft, loadLocalDraft, saveLocalDraft } from '../../lib/draft-store';
import { showModal } from '../../../../lib/modal';

export const AUTOSAVE_MS = 500;
export const DEMAND_PAGE = '/subpackages/issuer/pages/demand/index';

export type Load =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'locked'; demand: DemandDetail }
  | { kind: 'ready' };

/**
 * The 需求表's state: the campaign and the demand being edited (or a new one), the values autosaved on this
 * device, validation by the shared schema with the server's messages merged, saving a draft and opening the
 * submission.
 */
export function useDemandForm(initialId: string | null) {
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [campaign, setCampaign] = useState<Campaign | null>(null);
  const [values, setValues] = useState<DemandFormValues>(() => emptyForm(null));
  /** The server's copy once saved: its id and version drive PUT; null for a form never saved. */
  const [saved, setSaved] = useState<Demand | null>(null);
  const [returnComment, setReturnComment] = useState<string | null>(null);
  const [dirty, setDirty] = useState(false);
  const [autosavedAt, setAutosavedAt] = useState<string | null>(null);
  const [restoredAt, setRestoredAt] = useState<string | null>(null);
  const [attempted, setAttempted] = useState(false);
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState<null | 'save' | 'submit'>(null);
  const [submitOpen, setSubmitOpen] = useState(false);

  const storageKey = saved?.id ?? initialId ?? 'new';

  // What loading decides is applied when the answer arrives (never synchronously in the effect).
  const init = useCallback(() => {
    const apply = ([c, d]: [Campaign | null, DemandDetail | null]) => {
      setCampaign(c);
      if (d) {
        if (!EDITABLE_DEMAND_STATUSES.includes(d.status)) {
          setLoad({ kind: 'locked', demand: d });
          return;
        }
        Taro.setNavigationBarTitle({ title: '修改需求表' }).catch(() => {});
        setSaved(d);
        const lastReturn = [...d.timeline].reverse().find((e) => e.action === 'return');
        setReturnComment(d.status === 'returned' ? (lastReturn?.comment ?? '') : null);
        const local = loadLocalDraft(d.id);
        if (local && local.baseVersion === d.version) {
          setValues(local.values);
          setRestoredAt(local.savedAt);
        } else {
          // The server moved on since this device's unsaved edits (or there are none): its copy wins.
          if (local) clearLocalDraft(d.id);
          setValues(formFromDemand(d));
        }
      } else {
        const local = loadLocalDraft('new');
        const blank = emptyForm(c);
        if (local) {
          const v = local.values;
          setValues({
            ...blank,
            ...v,
            deadlineDate: v.deadlineDate || blank.deadlineDate,
            deadlineTime: v.deadlineTime || blank.deadlineTime,
          });
          setRestoredAt(local.savedAt);
        } else {
          setValues(blank);
        }
      }
      setLoad({ kind: 'ready' });
    };
    return Promise.all([
      campaigns.current().catch((err: unknown) => {
        if (err instanceof ApiError && err.status === 404) return null;
        throw err;
      }),
      initialId ? demands.get(initialId) : Promise.resolve(null),
    ]).then(apply, (err: unknown) => setLoad({ kind: 'error', message: errorMessage(err) }));
  }, [initialId]);

  useEffect(() => {
    void init();
  }, [init]);
  const retry = () => {
    setLoad({ kind: 'loading' });
    void init();
  };

  // Autosave to this device: debounced, and flushed when the page is hidden or closed.
  const pending = useRef<(() => void) | null>(null);
  useEffect(() => {
    if (!dirty) return;
    const write = () => {
      const at = new Date().toISOString();
      saveLocalDraft(storageKey, { values, savedAt: at, ...(saved ? { baseVersion: saved.version } : {}) });
      setAutosavedAt(at);
      pending.current = null;
    };
    pending.current = write;
    const timer = setTimeout(write, AUTOSAVE_MS);
    return () => clearTimeout(timer);
  }, [values, dirty, storageKey, saved]);
  const flush = () => pending.current?.();
  useDidHide(flush);
  useUnload(flush);

  const clientErrors = useMemo<FieldErrors>(() => {
    if (!attempted) return {};
    const r = validate(values, campaign, new Date());
    return r.ok ? {} : r.errors;
  }, [attempted, values, campaign]);
  const errors = useMemo(() => ({ ...clientErrors, ...serverErrors }), [clientErrors, serverErrors]);

  /** Change the form; server messages about the touched part are dropped (the client's re-validate live). */
  const update = (paths: string[], fn: (v: DemandFormValues) => DemandFormValues) => {
    setValues(fn);
    setDirty(true);
    if (Object.keys(serverErrors).some((k) => paths.some((p) => k === p || k.startsWith(`${p}.`)))) {
      setServerErrors((prev) =>
        Object.fromEntries(Object.entries(prev).filter(([k]) => !paths.some((p) => k === p || k.startsWith(`${p}.`)))),
      );
    }
  };
  const set = <K extends keyof DemandFormValues>(key: K, value: DemandFormValues[K], path: string = key) =>
    update([path], (v) => ({ ...v, [key]: value }));

  const scrollToError = (errs: FieldErrors) => {
    const anchor = firstErrorAnchor(errs);
    if (anchor)
      void Taro.pageScrollTo({
        selector: `#${anchor}`,
        duration: 200,
        offsetTop: -16,
      } as Taro.pageScrollTo.Option).catch(() => {});
  };

  /** Validate and save to the server (POST the first time, then PUT). The saved demand, or null. */
  const persist = async (): Promise<Demand | null> => {
    setAttempted(true);
    const result = validate(values, campaign, new Date());
    if (!result.ok) {
      scrollToError(result.errors);
      void Taro.showToast({ title: '请完善标红的内容', icon: 'none', duration: 2500 });
      return null;
    }
    if (saved && !dirty) return saved;
    try {
      const d = saved
        ? await demands.update(saved.id, result.input, saved.version)
        : await demands.create(result.input);
      clearLocalDraft('new');
      clearLocalDraft(d.id);
      setSaved(d);
      setDirty(false);
      setServerErrors({});
      setRestoredAt(null);
      setAutosavedAt(null);
      return d;
    } catch (err) {
      if (err instanceof ApiError && err.status === 400 && err.fields) {
        setServerErrors(err.fields);
        scrollToError(err.fields);
        void Taro.showToast({ title: err.message, icon: 'none', duration: 2500 });
      } else if (err instanceof ApiError && err.status === 409) {
        void showModal({
          title: '无法保存',
          content: `${err.message}。您在本页的填写已保存在本机，可刷新查看最新内容后再修改。`,
          showCancel: false,
          confirmText: '知道了',
        });
      } else {
        void Taro.showToast({ title: `${errorMessage(err)}（已保存在本机）`, icon: 'none', duration: 2500 });
      }
      return null;
    }
  };

  const saveDraft = async () => {
    if (busy) return;
    setBusy('save');
    try {
      const d = await persist();
      if (d) void Taro.showToast({ title: '草稿已保存', icon: 'success' });
    } finally {
      setBusy(null);
    }
  };

  const startSubmit = async () => {
    if (busy) return;
    setBusy('submit');
    try {
      const d = await persist();
      if (d) setSubmitOpen(true);
    } finally {
      setBusy(null);
    }
  };

  const discardRestored = async () => {
    const { confirm } = await showModal({
      title: '放弃本机内容',
      content: saved ? '将放弃本机未保存的修改，恢复为已保存的版本。' : '将清空本机自动保存的填写内容。',
      confirmText: '放弃',
      confirmColor: '#c92a2a',
    });
    if (!confirm) return;
    clearLocalDraft(storageKey);
    setValues(saved ? formFromDemand(saved) : emptyForm(campaign));
    setDirty(false);
    setRestoredAt(null);
    setAutosavedAt(null);
    setAttempted(false);
  };

  const today = beijingToday();
  const campaignDeadline = campaign ? beijingParts(campaign.applicationDeadline) : null;
  const completionStart = values.deadlineDate || today;
  const sum = weightSum(values);

  return {
    load,
    campaign,
    values,
    saved,
    returnComment,
    dirty,
    autosavedAt,
    restoredAt,
    attempted,
    serverErrors,
    busy,
    submitOpen,
    setSubmitOpen,
    storageKey,
    retry,
    errors,
    update,
    set,
    saveDraft,
    startSubmit,
    discardRestored,
    today,
    campaignDeadline,
    completionStart,
    sum,
  };
}

export type DemandFormApi = ReturnType<typeof useDemandForm>;
