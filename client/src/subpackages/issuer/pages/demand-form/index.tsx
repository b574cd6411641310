/**
 * 填写需求表 (create, or edit a draft / returned demand with `?id=`). Every field of the 需求表, validated with the
 * shared `demandInputSchema` (messages under each input; a 400's `fields` land in the same places), autosaved to
 * this device on every change (debounced) and restored when the page is reopened, saved to the server as a draft
 * (POST, then PUT with the version) and submitted through the chosen channel.
 *
 * Test hooks (stable class names): `demand-form`, `form-item` (`data-field`, `has-error`), `field-error`;
 * inputs `demand-form__title`, `demand-form__category`, `demand-form__background`, `demand-form__difficulties`
 * (textareas inside), `demand-form__indicator` rows with `demand-form__indicator-name` /
 * `demand-form__indicator-target` / `demand-form__indicator-remove`, `demand-form__indicator-add`;
 * option chips `demand-form__field-option`, `demand-form__type`, `demand-form__outcome`, `demand-form__mode`
 * (each with `data-value`, `is-selected`); `demand-form__budget`, `demand-form__negotiable`;
 * pickers `demand-form__deadline-date`, `demand-form__deadline-time`, `demand-form__completion`;
 * `demand-form__anonymous` (toggle, `is-on`); `demand-form__contact-name|title|phone|email`;
 * `demand-form__weights-toggle`, `demand-form__weight` (`data-key`), `demand-form__weight-sum`;
 * `demand-form__restored`, `demand-form__autosave`, `demand-form__save`, `demand-form__submit`; then the
 * channel sheet of `SubmitFlow`. On H5 an input's class sits on Taro's wrapper element: type into its inner
 * `input` / `textarea`. Pickers open Taro's picker (`.weui-picker__action` 确定 accepts the preselected value).
 */
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import Taro, { useDidHide, useRouter, useUnload } from '@tarojs/taro';
import { Input, Picker, Text, Textarea, View } from '@tarojs/components';
import {
  COOPERATION_MODES,
  DEMAND_STATUSES,
  DEMAND_TYPES,
  EDITABLE_DEMAND_STATUSES,
  FIELDS,
  OUTCOME_FORMS,
  formatShanghai,
} from '@jiebang/shared';
import type { Campaign, Demand, DemandDetail, FieldKey } from '@jiebang/shared';
import * as campaigns from '../../../../services/campaigns';
import * as demands from '../../../../services/demands';
import { ApiError, errorMessage } from '../../../../services/http';
import { ErrorState, LoadingState } from '../../../../components/state-view';
import { Toggle } from '../../../../components/toggle';
import { addDays, beijingParts, beijingToday } from '../../../../lib/beijing-time';
import {
  WEIGHT_KEYS,
  emptyForm,
  firstErrorAnchor,
  formFromDemand,
  validate,
  weightSum,
  type DemandFormValues,
  type FieldErrors,
} from '../../lib/demand-form';
import { clearLocalDraft, loadLocalDraft, saveLocalDraft } from '../../lib/draft-store';
import { SubmitFlow } from '../../components/submit-flow';
import './index.scss';

const AUTOSAVE_MS = 500;
const FIELD_KEYS = Object.keys(FIELDS) as FieldKey[];
const OUTCOME_KEYS = Object.keys(OUTCOME_FORMS) as (keyof typeof OUTCOME_FORMS)[];
const MODE_KEYS = Object.keys(COOPERATION_MODES) as (keyof typeof COOPERATION_MODES)[];
const DEMAND_PAGE = '/subpackages/issuer/pages/demand/index';

type Load =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'locked'; demand: DemandDetail }
  | { kind: 'ready' };

/** Label, input and its message. `path` is the error path shown here (exact match). */
function Item(props: {
  label: string;
  path: string;
  errors: FieldErrors;
  required?: boolean;
  hint?: string;
  extra?: ReactNode;
  children: ReactNode;
}) {
  const error = props.errors[props.path];
  return (
    <View
      className={`form-item${error ? ' has-error' : ''}`}
      id={`f-${props.path.replace(/\./g, '-')}`}
      data-field={props.path}
    >
      <View className="form-item__label-row">
        <Text className="form-item__label">
          {props.required && <Text className="form-item__star">*</Text>}
          {props.label}
        </Text>
        {props.extra}
      </View>
      {props.children}
      {error && <Text className="field-error">{error}</Text>}
      {!error && props.hint && <Text className="form-item__hint">{props.hint}</Text>}
    </View>
  );
}

function FieldError({ errors, path }: { errors: FieldErrors; path: string }) {
  return errors[path] ? <Text className="field-error">{errors[path]}</Text> : null;
}

function Card({ title, sub, children }: { title: string; sub?: string; children: ReactNode }) {
  return (
    <View className="form-card">
      <View className="form-card__head">
        <Text className="form-card__title">{title}</Text>
        {sub && <Text className="form-card__sub">{sub}</Text>}
      </View>
      {children}
    </View>
  );
}

const timeOf = (iso: string) => formatShanghai(iso).slice(5);

export default function DemandFormPage() {
  const { params } = useRouter();
  const initialId = params.id ? decodeURIComponent(params.id) : null;

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

  const init = useCallback(async () => {
    setLoad({ kind: 'loading' });
    try {
      const [c, d] = await Promise.all([
        campaigns.current().catch((err: unknown) => {
          if (err instanceof ApiError && err.status === 404) return null;
          throw err;
        }),
        initialId ? demands.get(initialId) : Promise.resolve(null),
      ]);
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
    } catch (err) {
      setLoad({ kind: 'error', message: errorMessage(err) });
    }
  }, [initialId]);

  useEffect(() => {
    void init();
  }, [init]);

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
        void Taro.showModal({
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
    const { confirm } = await Taro.showModal({
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

  if (load.kind === 'loading') return <LoadingState text="正在准备需求表…" />;
  if (load.kind === 'error') {
    return (
      <View className="demand-form-page demand-form-page--state">
        <ErrorState message={load.message} onRetry={() => void init()} />
      </View>
    );
  }
  if (load.kind === 'locked') {
    return (
      <View className="demand-form-page demand-form-page--state">
        <ErrorState
          message={`该需求当前状态为“${DEMAND_STATUSES[load.demand.status]}”，不能修改`}
          onRetry={() => void Taro.redirectTo({ url: `${DEMAND_PAGE}?id=${encodeURIComponent(load.demand.id)}` })}
        />
      </View>
    );
  }

  const today = beijingToday();
  const campaignDeadline = campaign ? beijingParts(campaign.applicationDeadline) : null;
  const completionStart = values.deadlineDate || today;
  const sum = weightSum(values);

  return (
    <View className="demand-form-page">
      <View className="demand-form">
        {returnComment !== null && (
          <View className="demand-form__notice demand-form__notice--returned">
            <Text className="demand-form__notice-title">需求已被退回，请按审核意见修改后重新报送</Text>
            {returnComment && <Text className="demand-form__notice-text">审核意见：{returnComment}</Text>}
          </View>
        )}
        {!campaign && (
          <View className="demand-form__notice demand-form__notice--warn">
            <Text className="demand-form__notice-text">
              当前没有进行中的年度发榜工作，暂不能保存到服务器；填写内容会自动保存在本机。
            </Text>
          </View>
        )}
        {restoredAt && (
          <View className="demand-form__restored">
            <Text className="demand-form__restored-text">已恢复本机自动保存的内容（{timeOf(restoredAt)}）</Text>
            <Text className="demand-form__restored-discard" onClick={() => void discardRestored()}>
              放弃
            </Text>
          </View>
        )}

        <Card title="基本信息">
          <Item
            label="需求名称"
            path="title"
            errors={errors}
            required
            extra={<Text className="form-item__count">{values.title.trim().length}/100</Text>}
          >
            <Input
              className="form-input demand-form__title"
              value={values.title}
              maxlength={100}
              placeholder="5–100 字，概括需要攻关的技术问题"
              onInput={(e) => set('title', e.detail.value)}
            />
          </Item>

          <Item label="所属领域" path="field" errors={errors} required>
            <View className="option-grid">
              {FIELD_KEYS.map((k) => (
                <View
                  key={k}
                  className={`option demand-form__field-option${values.field === k ? ' is-selected' : ''}`}
                  data-value={k}
                  onClick={() => set('field', k)}
                >
                  {FIELDS[k]}
                </View>
              ))}
            </View>
          </Item>

          <Item label="需求类型" path="demandType" errors={errors} required>
            <View className="segmented">
              {(Object.keys(DEMAND_TYPES) as (keyof typeof DEMAND_TYPES)[]).map((k) => (
                <View
                  key={k}
                  className={`segmented__item demand-form__type${values.demandType === k ? ' is-selected' : ''}`}
                  data-value={k}
                  onClick={() => set('demandType', k)}
                >
                  {DEMAND_TYPES[k]}
                </View>
              ))}
            </View>
          </Item>

          <Item
            label="《产业基础创新发展目录》类别"
            path="catalogueCategory"
            errors={errors}
            hint="选填，如“核心基础零部件（元器件）”"
          >
            <Input
              className="form-input demand-form__category"
              value={values.catalogueCategory}
              maxlength={100}
              placeholder="选填"
              onInput={(e) => set('catalogueCategory', e.detail.value)}
            />
          </Item>
        </Card>

        <Card title="需求内容">
          <Item
            label="需求背景及现状"
            path="background"
            errors={errors}
            required
            extra={<Text className="form-item__count">{values.background.length}/2000</Text>}
          >
            <Textarea
              className="form-textarea demand-form__background"
              value={values.background}
              maxlength={2000}
              placeholder="行业背景、企业现状、现有技术路线与差距"
              onInput={(e) => set('background', e.detail.value)}
            />
          </Item>
          <Item
            label="关键技术难点"
            path="difficulties"
            errors={errors}
            required
            extra={<Text className="form-item__count">{values.difficulties.length}/2000</Text>}
          >
            <Textarea
              className="form-textarea demand-form__difficulties"
              value={values.difficulties}
              maxlength={2000}
              placeholder="需要揭榜方攻克的关键技术难点"
              onInput={(e) => set('difficulties', e.detail.value)}
            />
          </Item>
        </Card>

        <Card title="主要技术指标" sub="1–20 项，每项填写指标名称与要求">
          <View id="f-indicators" data-field="indicators">
            {values.indicators.map((ind, i) => (
              <View key={i} className="indicator demand-form__indicator">
                <View className="indicator__head">
                  <Text className="indicator__no">指标 {i + 1}</Text>
                  {values.indicators.length > 1 && (
                    <Text
                      className="indicator__remove demand-form__indicator-remove"
                      onClick={() =>
                        update(['indicators'], (v) => ({ ...v, indicators: v.indicators.filter((_, j) => j !== i) }))
                      }
                    >
                      删除
                    </Text>
                  )}
                </View>
                <Input
                  className={`form-input demand-form__indicator-name${errors[`indicators.${i}.name`] ? ' has-error' : ''}`}
                  value={ind.name}
                  maxlength={50}
                  placeholder="指标名称，如“定位精度”"
                  onInput={(e) => {
                    const text = e.detail.value;
                    update([`indicators.${i}.name`], (v) => ({
                      ...v,
                      indicators: v.indicators.map((x, j) => (j === i ? { ...x, name: text } : x)),
                    }));
                  }}
                />
                <FieldError errors={errors} path={`indicators.${i}.name`} />
                <Input
                  className={`form-input indicator__target demand-form__indicator-target${errors[`indicators.${i}.target`] ? ' has-error' : ''}`}
                  value={ind.target}
                  maxlength={200}
                  placeholder="指标要求，如“≤ 0.005 mm”"
                  onInput={(e) => {
                    const text = e.detail.value;
                    update([`indicators.${i}.target`], (v) => ({
                      ...v,
                      indicators: v.indicators.map((x, j) => (j === i ? { ...x, target: text } : x)),
                    }));
                  }}
                />
                <FieldError errors={errors} path={`indicators.${i}.target`} />
              </View>
            ))}
            <FieldError errors={errors} path="indicators" />
            {values.indicators.length < 20 && (
              <View
                className="indicator__add demand-form__indicator-add"
                hoverClass="indicator__add--pressed"
                onClick={() =>
                  update(['indicators'], (v) => ({ ...v, indicators: [...v.indicators, { name: '', target: '' }] }))
                }
              >
                ＋ 添加指标
              </View>
            )}
          </View>
        </Card>

        <Card title="成果与合作">
          <Item label="预期成果形式（可多选）" path="outcomeForms" errors={errors} required>
            <View className="option-grid">
              {OUTCOME_KEYS.map((k) => {
                const on = values.outcomeForms.includes(k);
                return (
                  <View
                    key={k}
                    className={`option demand-form__outcome${on ? ' is-selected' : ''}`}
                    data-value={k}
                    onClick={() =>
                      set('outcomeForms', on ? values.outcomeForms.filter((x) => x !== k) : [...values.outcomeForms, k])
                    }
                  >
                    {OUTCOME_FORMS[k]}
                  </View>
                );
              })}
            </View>
          </Item>
          <Item label="合作方式（可多选）" path="cooperationModes" errors={errors} required>
            <View className="option-grid">
              {MODE_KEYS.map((k) => {
                const on = values.cooperationModes.includes(k);
                return (
                  <View
                    key={k}
                    className={`option demand-form__mode${on ? ' is-selected' : ''}`}
                    data-value={k}
                    onClick={() =>
                      set(
                        'cooperationModes',
                        on ? values.cooperationModes.filter((x) => x !== k) : [...values.cooperationModes, k],
                      )
                    }
                  >
                    {COOPERATION_MODES[k]}
                  </View>
                );
              })}
            </View>
          </Item>
        </Card>

        <Card title="预算与时间">
          <View
            className={`form-item${errors['budget.amount'] || errors.budget ? ' has-error' : ''}`}
            id="f-budget"
            data-field="budget"
          >
            <View className="form-item__label-row">
              <Text className="form-item__label">
                <Text className="form-item__star">*</Text>需求预算
              </Text>
              <View className="inline-toggle">
                <Text className="inline-toggle__text">面议</Text>
                <Toggle
                  className="demand-form__negotiable"
                  on={values.budgetNegotiable}
                  onChange={(on) => set('budgetNegotiable', on, 'budget')}
                />
              </View>
            </View>
            <View className="input-suffix">
              <Input
                className="form-input input-suffix__input demand-form__budget"
                type="digit"
                value={values.budgetAmount}
                maxlength={12}
                placeholder={values.budgetNegotiable ? '参考金额，可不填' : '预算金额'}
                onInput={(e) => set('budgetAmount', e.detail.value, 'budget')}
              />
              <Text className="input-suffix__unit">万元</Text>
            </View>
            <FieldError errors={errors} path="budget.amount" />
            <FieldError errors={errors} path="budget" />
            {!errors['budget.amount'] && !errors.budget && (
              <Text className="form-item__hint">
                {values.budgetNegotiable ? '目录中显示为“面议”或“预算 X 万元（可议）”' : '不便公开金额时可选择“面议”'}
              </Text>
            )}
          </View>

          <Item
            label="揭榜截止时间（北京时间）"
            path="applicationDeadline"
            errors={errors}
            required
            hint={
              campaignDeadline
                ? `默认且最晚为年度揭榜截止时间 ${campaignDeadline.date} ${campaignDeadline.time}，可提前`
                : undefined
            }
            extra={
              campaignDeadline &&
              (values.deadlineDate !== campaignDeadline.date || values.deadlineTime !== campaignDeadline.time) ? (
                <Text
                  className="form-item__link demand-form__deadline-reset"
                  onClick={() =>
                    update(['applicationDeadline'], (v) => ({
                      ...v,
                      deadlineDate: campaignDeadline.date,
                      deadlineTime: campaignDeadline.time,
                    }))
                  }
                >
                  恢复默认
                </Text>
              ) : undefined
            }
          >
            <View className="picker-row">
              <Picker
                mode="date"
                value={values.deadlineDate || campaignDeadline?.date || today}
                start={today}
                end={campaignDeadline?.date ?? addDays(today, 3650)}
                onChange={(e) => set('deadlineDate', e.detail.value, 'applicationDeadline')}
              >
                <View className="picker-field demand-form__deadline-date">
                  <Text className={values.deadlineDate ? '' : 'picker-field__placeholder'}>
                    {values.deadlineDate || '选择日期'}
                  </Text>
                  <Text className="picker-field__arrow">›</Text>
                </View>
              </Picker>
              <Picker
                mode="time"
                value={values.deadlineTime || campaignDeadline?.time || '17:00'}
                onChange={(e) => set('deadlineTime', e.detail.value, 'applicationDeadline')}
              >
                <View className="picker-field picker-field--time demand-form__deadline-time">
                  <Text className={values.deadlineTime ? '' : 'picker-field__placeholder'}>
                    {values.deadlineTime || '时间'}
                  </Text>
                  <Text className="picker-field__arrow">›</Text>
                </View>
              </Picker>
            </View>
          </Item>

          <Item label="预期完成时间" path="expectedCompletion" errors={errors} required hint="应晚于揭榜截止时间">
            <Picker
              mode="date"
              value={values.expectedCompletion || addDays(completionStart, 365)}
              start={completionStart}
              end={addDays(completionStart, 3650)}
              onChange={(e) => set('expectedCompletion', e.detail.value)}
            >
              <View className="picker-field demand-form__completion">
                <Text className={values.expectedCompletion ? '' : 'picker-field__placeholder'}>
                  {values.expectedCompletion || '选择日期'}
                </Text>
                <Text className="picker-field__arrow">›</Text>
              </View>
            </Picker>
          </Item>
        </Card>

        <Card title="公开方式">
          <View className="form-item" id="f-anonymous" data-field="anonymous">
            <View className="switch-row">
              <View className="switch-row__text">
                <Text className="switch-row__title">不公开企业名称（匿名发榜）</Text>
                <Text className="switch-row__state">
                  {values.anonymous ? '需求目录中显示为“匿名发榜企业”' : '需求目录中显示企业名称'}
                </Text>
              </View>
              <Toggle
                className="demand-form__anonymous"
                on={values.anonymous}
                onChange={(on) => set('anonymous', on)}
              />
            </View>
            <Text className="form-explain">
              选择不公开后，企业名称、信用代码和联系人仅对主管部门可见，需求目录中显示为“匿名发榜企业”。
            </Text>
            <FieldError errors={errors} path="anonymous" />
          </View>
        </Card>

        <Card title="联系人" sub="仅发榜企业和主管部门可见">
          <View id="f-contact">
            <Item label="姓名" path="contact.name" errors={errors} required>
              <Input
                className="form-input demand-form__contact-name"
                value={values.contact.name}
                maxlength={20}
                placeholder="联系人姓名"
                onInput={(e) => {
                  const text = e.detail.value;
                  update(['contact.name'], (v) => ({ ...v, contact: { ...v.contact, name: text } }));
                }}
              />
            </Item>
            <Item label="职务" path="contact.title" errors={errors}>
              <Input
                className="form-input demand-form__contact-title"
                value={values.contact.title}
                maxlength={30}
                placeholder="选填"
                onInput={(e) => {
                  const text = e.detail.value;
                  update(['contact.title'], (v) => ({ ...v, contact: { ...v.contact, title: text } }));
                }}
              />
            </Item>
            <Item label="联系电话" path="contact.phone" errors={errors} required>
              <Input
                className="form-input demand-form__contact-phone"
                type="text"
                value={values.contact.phone}
                maxlength={20}
                placeholder="手机号或固定电话，如 010-12345678"
                onInput={(e) => {
                  const text = e.detail.value;
                  update(['contact.phone'], (v) => ({ ...v, contact: { ...v.contact, phone: text } }));
                }}
              />
            </Item>
            <Item label="电子邮箱" path="contact.email" errors={errors}>
              <Input
                className="form-input demand-form__contact-email"
                value={values.contact.email}
                maxlength={100}
                placeholder="选填"
                onInput={(e) => {
                  const text = e.detail.value;
                  update(['contact.email'], (v) => ({ ...v, contact: { ...v.contact, email: text } }));
                }}
              />
            </Item>
          </View>
        </Card>

        <Card title="评审权重" sub="选填：揭榜方案评分时四项标准的权重">
          <View className="form-item" id="f-weights" data-field="weights">
            <View className="switch-row">
              <View className="switch-row__text">
                <Text className="switch-row__title">自定义评审权重</Text>
                <Text className="switch-row__state">{values.customWeights ? '四项之和应为 100' : '默认各 25%'}</Text>
              </View>
              <Toggle
                className="demand-form__weights-toggle"
                on={values.customWeights}
                onChange={(on) => set('customWeights', on, 'weights')}
              />
            </View>
            {values.customWeights && (
              <View className="weights-edit">
                {WEIGHT_KEYS.map(([k, label]) => (
                  <View key={k} className="weights-edit__item">
                    <Text className="weights-edit__label">{label}</Text>
                    <View className="input-suffix">
                      <Input
                        className={`form-input input-suffix__input demand-form__weight${errors[`weights.${k}`] ? ' has-error' : ''}`}
                        data-key={k}
                        type="number"
                        maxlength={3}
                        value={values.weights[k]}
                        onInput={(e) => {
                          const text = e.detail.value;
                          update(['weights'], (v) => ({ ...v, weights: { ...v.weights, [k]: text } }));
                        }}
                      />
                      <Text className="input-suffix__unit">%</Text>
                    </View>
                    <FieldError errors={errors} path={`weights.${k}`} />
                  </View>
                ))}
                <Text className={`weights-edit__sum demand-form__weight-sum${sum === 100 ? ' is-ok' : ' is-off'}`}>
                  合计 {sum} / 100
                </Text>
              </View>
            )}
            <FieldError errors={errors} path="weights" />
          </View>
        </Card>

        <View className="demand-form__space" />
      </View>

      <View className="demand-form__bar">
        <Text className="demand-form__autosave">
          {autosavedAt
            ? `已自动保存到本机 ${timeOf(autosavedAt)}`
            : saved
              ? `草稿已保存 · ${DEMAND_STATUSES[saved.status]}`
              : '填写内容会自动保存在本机'}
        </Text>
        <View className="demand-form__buttons">
          <View
            className={`demand-form__save${busy ? ' is-busy' : ''}`}
            hoverClass="is-pressed"
            onClick={() => void saveDraft()}
          >
            {busy === 'save' ? '保存中…' : '保存草稿'}
          </View>
          <View
            className={`demand-form__submit${busy ? ' is-busy' : ''}`}
            hoverClass="is-pressed"
            onClick={() => void startSubmit()}
          >
            {busy === 'submit' ? '正在保存…' : '提交审核'}
          </View>
        </View>
      </View>

      {saved && (
        <SubmitFlow
          open={submitOpen}
          demand={saved}
          onClose={() => setSubmitOpen(false)}
          onSubmitted={(d) => {
            setSubmitOpen(false);
            clearLocalDraft(d.id);
            void Taro.redirectTo({ url: `${DEMAND_PAGE}?id=${encodeURIComponent(d.id)}` });
          }}
        />
      )}
    </View>
  );
}
