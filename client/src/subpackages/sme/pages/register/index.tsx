/**
 * 企业注册: an enterprise registers as 中小企业 (揭榜) or 大型企业 (发榜), classified live with the 300号 table.
 *
 * Class names for end-to-end tests:
 * `register-form`, `kind-options .chip[data-value=sme|large]`, `org-name-input`, `credit-code-input`,
 * `credit-code-status` (`is-ok` / `is-error`), `region-select`, `region-code-input`, `region-use-code`,
 * `region-warning`, `industry-select`, `option-sheet__item[data-value]`, `metric-input--employees|revenue|assets`,
 * `classification-preview` (`is-sme` / `is-large` / `is-pending`), `classification-refusal`,
 * `qualification-options`, `shareholder-code-input`, `contact-name-input`, `contact-title-input`,
 * `contact-phone-input`, `contact-email-input`, `field-error`, `register-error`, `register-submit`.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import {
  AUTHORITY_REGIONS,
  CREDIT_CODE_MESSAGES,
  INDUSTRIES,
  QUALIFICATIONS,
  SIZE_LABELS,
  authorityRegionOf,
  classify,
  creditCodeProblem,
  divisionMatchesRegion,
  divisionOfCreditCode,
  orgInputSchema,
  regionName,
  requiredMetrics,
} from '@jiebang/shared';
import type { IndustryKey, Metric, MeResponse } from '@jiebang/shared';
import * as auth from '../../../../services/auth';
import * as orgs from '../../../../services/orgs';
import { ApiError, errorMessage } from '../../../../services/http';
import { EmptyState, ErrorState, LoadingState } from '../../../../components/state-view';
import { ActionButton, Chips, Field, OptionSheet, SelectLine, TextInput } from '../../../../components/form';
import { fieldErrorsOf, numberOrUndefined, textOrUndefined, type FieldErrors } from '../../../../lib/form-errors';
import './index.scss';

type QualificationKey = keyof typeof QUALIFICATIONS;

interface RegisterForm {
  kind: 'sme' | 'large';
  name: string;
  creditCode: string;
  region: string;
  industry: IndustryKey | '';
  employees: string;
  revenue: string;
  assets: string;
  qualifications: QualificationKey[];
  shareholder: string;
  contactName: string;
  contactTitle: string;
  contactPhone: string;
  contactEmail: string;
}

const EMPTY: RegisterForm = {
  kind: 'sme',
  name: '',
  creditCode: '',
  region: '',
  industry: '',
  employees: '',
  revenue: '',
  assets: '',
  qualifications: [],
  shareholder: '',
  contactName: '',
  contactTitle: '',
  contactPhone: '',
  contactEmail: '',
};

/** The form survives leaving the page: kept on the device until the registration succeeds. */
const DRAFT_KEY = 'jiebang.registerDraft';

const KIND_OPTIONS = [
  ['sme', '中小企业 · 揭榜'],
  ['large', '大型企业 · 发榜'],
] as const;

const METRICS: Record<Metric, { label: string; unit: string; type: 'number' | 'digit'; hint: string }> = {
  employees: { label: '从业人员', unit: '人', type: 'number', hint: '上年末从业人员数' },
  revenue: { label: '营业收入', unit: '万元', type: 'digit', hint: '上一会计年度营业收入' },
  assets: { label: '资产总额', unit: '万元', type: 'digit', hint: '上年末资产总额' },
};

const REGION_OPTIONS = Object.entries(AUTHORITY_REGIONS).map(([code, name]) => [code, `${name}（${code}）`] as const);
const INDUSTRY_OPTIONS = Object.entries(INDUSTRIES) as [IndustryKey, string][];
const QUALIFICATION_OPTIONS = Object.entries(QUALIFICATIONS) as [QualificationKey, string][];

const normaliseCode = (v: string) => v.toUpperCase().replace(/[\s-]/g, '').slice(0, 18);
const PARTIAL_CODE = /^[0-9A-HJ-NP-RTUW-Y]*$/;

/** The live state of a credit code as the user types it. */
function codeStatus(code: string): { kind: 'empty' | 'typing' | 'ok' | 'error'; text: string } {
  if (code === '') return { kind: 'empty', text: '' };
  if (!PARTIAL_CODE.test(code)) return { kind: 'error', text: CREDIT_CODE_MESSAGES.charset };
  if (code.length < 18) return { kind: 'typing', text: `已输入 ${code.length}/18 位` };
  const problem = creditCodeProblem(code);
  if (problem) return { kind: 'error', text: CREDIT_CODE_MESSAGES[problem] };
  return { kind: 'ok', text: `校验通过 · 登记管理机关行政区划 ${divisionOfCreditCode(code)}` };
}

/** The message under a credit-code field: problems at once, an unfinished code once the user tried to submit. */
function codeError(status: ReturnType<typeof codeStatus>, tried: boolean, whenEmpty?: string): string | undefined {
  if (status.kind === 'error') return status.text;
  if (!tried) return undefined;
  if (status.kind === 'typing') return CREDIT_CODE_MESSAGES.length;
  if (status.kind === 'empty') return whenEmpty;
  return undefined;
}

function toInput(f: RegisterForm): Record<string, unknown> {
  const metrics = f.industry ? requiredMetrics(f.industry) : [];
  return {
    kind: f.kind,
    name: f.name,
    creditCode: f.creditCode,
    region: f.region,
    industry: f.industry || undefined,
    employees: metrics.includes('employees') ? numberOrUndefined(f.employees) : undefined,
    revenue: metrics.includes('revenue') ? numberOrUndefined(f.revenue) : undefined,
    assets: metrics.includes('assets') ? numberOrUndefined(f.assets) : undefined,
    qualifications: f.qualifications.length ? f.qualifications : undefined,
    controllingShareholderCreditCode: textOrUndefined(f.shareholder),
    contact: {
      name: f.contactName,
      title: textOrUndefined(f.contactTitle),
      phone: f.contactPhone.trim(),
      email: textOrUndefined(f.contactEmail),
    },
  };
}

function loadDraft(): RegisterForm {
  const raw: unknown = Taro.getStorageSync(DRAFT_KEY);
  if (!raw || typeof raw !== 'object') return EMPTY;
  return { ...EMPTY, ...(raw as Partial<RegisterForm>) };
}

type Gate =
  | { kind: 'loading' }
  | { kind: 'signed-out' }
  | { kind: 'error'; message: string }
  | { kind: 'has-org'; me: MeResponse }
  | { kind: 'ready' };

export default function RegisterPage() {
  const [gate, setGate] = useState<Gate>({ kind: 'loading' });
  const [form, setForm] = useState<RegisterForm>(loadDraft);
  const [tried, setTried] = useState(false);
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [banner, setBanner] = useState('');
  const [refusal, setRefusal] = useState('');
  const [busy, setBusy] = useState(false);
  const [sheet, setSheet] = useState<'region' | 'industry' | null>(null);
  const saveTimer = useRef<ReturnType<typeof setTimeout>>();

  const check = async () => {
    setGate({ kind: 'loading' });
    if (!auth.isSignedIn()) return setGate({ kind: 'signed-out' });
    try {
      const me = await auth.me();
      setGate(me.org ? { kind: 'has-org', me } : { kind: 'ready' });
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) setGate({ kind: 'signed-out' });
      else setGate({ kind: 'error', message: errorMessage(err) });
    }
  };

  useEffect(() => {
    void check();
  }, []);

  // Debounced save of every change; flushed when the page goes away.
  useEffect(() => {
    clearTimeout(saveTimer.current);
    saveTimer.current = setTimeout(() => Taro.setStorageSync(DRAFT_KEY, form), 400);
    return () => clearTimeout(saveTimer.current);
  }, [form]);
  const formRef = useRef(form);
  formRef.current = form;
  useEffect(() => () => Taro.setStorageSync(DRAFT_KEY, formRef.current), []);

  const set = <K extends keyof RegisterForm>(key: K, value: RegisterForm[K], clears: string[] = [key]) => {
    setForm((f) => ({ ...f, [key]: value }));
    if (clears.some((c) => serverErrors[c])) {
      setServerErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !clears.includes(k))));
    }
    if (refusal && ['kind', 'industry', 'employees', 'revenue', 'assets'].includes(key)) setRefusal('');
  };

  const parsed = useMemo(() => orgInputSchema.safeParse(toInput(form)), [form]);
  const classification = useMemo(() => {
    if (!form.industry) return null;
    return classify(form.industry, {
      employees: numberOrUndefined(form.employees),
      revenue: numberOrUndefined(form.revenue),
      assets: numberOrUndefined(form.assets),
    });
  }, [form.industry, form.employees, form.revenue, form.assets]);

  const errors: FieldErrors = useMemo(() => {
    const own = parsed.success ? {} : fieldErrorsOf(parsed.error);
    if (classification && !classification.ok) {
      for (const m of classification.missing) own[m] ??= classification.messages[m] ?? '请填写';
    }
    return { ...own, ...serverErrors };
  }, [parsed, classification, serverErrors]);
  const shown = (path: string) => (tried || serverErrors[path] ? errors[path] : undefined);

  const code = codeStatus(form.creditCode);
  const shareholder = codeStatus(form.shareholder);
  const regionValid = /^\d{6}$/.test(form.region);
  const authority = regionValid ? authorityRegionOf(form.region) : null;
  const regionProblem = !form.region
    ? '请选择或填写注册地'
    : !regionValid
      ? '请填写 6 位行政区划代码'
      : !authority
        ? '该行政区划不在任何省级中小企业主管部门辖区内'
        : undefined;
  const codeDivision = code.kind === 'ok' ? divisionOfCreditCode(form.creditCode) : null;
  const regionWarning =
    code.kind === 'ok' && authority && !divisionMatchesRegion(form.creditCode, form.region)
      ? `统一社会信用代码中的登记管理机关区划（${codeDivision}）与注册地（${form.region}）不一致，请核对。如企业已迁址，可继续提交。`
      : undefined;
  const largeAsSme = form.kind === 'sme' && classification?.ok && !classification.isSme;
  const metrics = form.industry ? requiredMetrics(form.industry) : [];

  const chooseAuthority = (code: string) => {
    setSheet(null);
    // Keep a more precise code that already belongs to this authority; else start from the authority's own.
    if (authorityRegionOf(form.region) !== code) set('region', code);
  };

  const submit = async () => {
    setTried(true);
    setBanner('');
    if (!parsed.success || regionProblem || (classification && !classification.ok) || largeAsSme) {
      void Taro.showToast({ title: largeAsSme ? '大型企业不能登记为中小企业' : '请按提示完善信息', icon: 'none' });
      setTimeout(
        () =>
          void Taro.pageScrollTo({ selector: '.is-invalid, .classification-refusal', duration: 200 }).catch(() => {}),
        50,
      );
      return;
    }
    setBusy(true);
    try {
      const created = await orgs.register(parsed.data);
      Taro.removeStorageSync(DRAFT_KEY);
      formRef.current = EMPTY;
      const warnings = created.warnings.map((w) => `· ${w.message}`).join('\n');
      await Taro.showModal({
        title: '登记成功',
        content: `${created.name}已登记为${SIZE_LABELS[created.size]}${warnings ? `。请留意：\n${warnings}` : '，您已成为企业管理员。'}`,
        showCancel: false,
        confirmText: '前往我的',
      });
      void Taro.switchTab({ url: '/pages/mine/index' });
    } catch (err) {
      if (err instanceof ApiError) {
        if (err.code === 'NOT_SME') setRefusal(err.message);
        else if (err.code === 'DUPLICATE_CREDIT_CODE' || (err.status === 409 && /信用代码/.test(err.message))) {
          setServerErrors({ creditCode: `该统一社会信用代码已注册。${err.message}` });
        } else if (err.fields && Object.keys(err.fields).length) {
          setServerErrors(err.fields);
          setBanner(err.message);
        } else setBanner(err.message);
      } else setBanner(errorMessage(err));
      setTimeout(
        () =>
          void Taro.pageScrollTo({
            selector: '.is-invalid, .classification-refusal, .register-error',
            duration: 200,
          }).catch(() => {}),
        50,
      );
    } finally {
      setBusy(false);
    }
  };

  if (gate.kind === 'loading') return <LoadingState />;
  if (gate.kind === 'error') return <ErrorState message={gate.message} onRetry={() => void check()} />;
  if (gate.kind === 'signed-out') {
    return (
      <EmptyState
        className="register-signed-out"
        text="请先登录"
        hint="登录后即可登记企业"
        actionText="去登录"
        onAction={() => void Taro.switchTab({ url: '/pages/mine/index' })}
      />
    );
  }
  if (gate.kind === 'has-org') {
    return (
      <EmptyState
        className="register-has-org"
        text={`您已加入${gate.me.org?.name ?? '一家企业'}`}
        hint="一个账号只能属于一家企业"
        actionText="返回我的"
        onAction={() => void Taro.switchTab({ url: '/pages/mine/index' })}
      />
    );
  }

  return (
    <View className="register register-form">
      <View className="register__intro">
        <Text className="register__intro-title">登记企业信息</Text>
        <Text className="register__intro-sub">
          中小企业按《中小企业划型标准规定》（工信部联企业〔2011〕300号）自动划型；只有中型、小型、微型企业可以揭榜。
        </Text>
      </View>

      {banner && <View className="form-banner form-banner--error register-error">{banner}</View>}

      <View className="form-card">
        <Text className="form-card__title">基本信息</Text>
        <Field label="企业类型" required>
          <Chips className="kind-options" options={KIND_OPTIONS} value={[form.kind]} onChange={(v) => set('kind', v)} />
        </Field>
        <Field label="企业名称" required error={shown('name')}>
          <TextInput
            className="org-name-input"
            value={form.name}
            maxlength={100}
            placeholder="与营业执照一致"
            onChange={(v) => set('name', v)}
          />
        </Field>
        <Field
          label="统一社会信用代码"
          required
          error={serverErrors.creditCode ?? codeError(code, tried, '请填写统一社会信用代码')}
          hint={code.kind === 'empty' ? '18 位，见营业执照；字母自动转为大写' : undefined}
        >
          <TextInput
            className="credit-code-input"
            value={form.creditCode}
            maxlength={24}
            placeholder="如 91440300MA5XXXXXXX"
            onChange={(v) => set('creditCode', normaliseCode(v))}
          />
          {(code.kind === 'typing' || code.kind === 'ok') && !serverErrors.creditCode && (
            <Text className={`credit-code-status ${code.kind === 'ok' ? 'is-ok' : 'is-typing'}`}>
              {code.kind === 'ok' ? '✓ ' : ''}
              {code.text}
            </Text>
          )}
        </Field>
      </View>

      <View className="form-card">
        <Text className="form-card__title">注册地</Text>
        <Field label="所属省级中小企业主管部门辖区" required>
          <SelectLine
            className="region-select"
            text={authority ? `${regionName(authority)}（${authority}）` : undefined}
            placeholder="选择省、自治区、直辖市或计划单列市"
            onOpen={() => setSheet('region')}
          />
        </Field>
        <Field
          label="注册地行政区划代码"
          required
          error={tried || (regionValid && !authority) ? (serverErrors.region ?? regionProblem) : serverErrors.region}
          warning={regionWarning}
          warningClassName="region-warning"
          hint="6 位，精确到区县，如深圳市南山区 440305"
        >
          <TextInput
            className="region-code-input"
            value={form.region}
            type="number"
            maxlength={6}
            placeholder="6 位数字"
            onChange={(v) => set('region', v.replace(/\D/g, '').slice(0, 6))}
          />
          {codeDivision && authorityRegionOf(codeDivision) && form.region !== codeDivision && (
            <View className="register__use-code region-use-code" onClick={() => set('region', codeDivision)}>
              使用信用代码中的区划 {codeDivision}（{regionName(authorityRegionOf(codeDivision) ?? '')}）
            </View>
          )}
          {authority && <Text className="register__authority">由{regionName(authority)}中小企业主管部门初审</Text>}
        </Field>
      </View>

      <View className="form-card">
        <Text className="form-card__title">企业规模</Text>
        <Text className="form-card__desc">按行业填写划型所需的数据，其余不必填写。</Text>
        <Field label="所属行业" required error={shown('industry')}>
          <SelectLine
            className="industry-select"
            text={form.industry ? INDUSTRIES[form.industry] : undefined}
            placeholder="选择行业（16 类）"
            onOpen={() => setSheet('industry')}
          />
        </Field>
        {metrics.map((m) => (
          <Field key={m} label={METRICS[m].label} required error={shown(m)} hint={METRICS[m].hint}>
            <TextInput
              className={`metric-input metric-input--${m}`}
              value={form[m]}
              type={METRICS[m].type}
              maxlength={12}
              suffix={METRICS[m].unit}
              placeholder="0"
              onChange={(v) => set(m, v.replace(/[^\d.]/g, ''))}
            />
          </Field>
        ))}
        <ClassificationPreview kind={form.kind} result={classification} refusal={refusal} metricsNeeded={metrics} />
      </View>

      <View className="form-card">
        <Text className="form-card__title">资质与股东</Text>
        <Field label="企业资质（可多选）" error={shown('qualifications')}>
          <Chips
            className="qualification-options"
            block
            options={QUALIFICATION_OPTIONS}
            value={form.qualifications}
            onChange={(v) =>
              set(
                'qualifications',
                form.qualifications.includes(v)
                  ? form.qualifications.filter((q) => q !== v)
                  : [...form.qualifications, v],
              )
            }
          />
        </Field>
        <Field
          label="控股股东统一社会信用代码（选填）"
          error={serverErrors.controllingShareholderCreditCode ?? codeError(shareholder, tried)}
          hint="控股股东为发榜企业时不能揭榜其需求"
        >
          <TextInput
            className="shareholder-code-input"
            value={form.shareholder}
            maxlength={24}
            placeholder="如有控股股东，请填写其 18 位代码"
            onChange={(v) => set('shareholder', normaliseCode(v), ['controllingShareholderCreditCode'])}
          />
          {shareholder.kind === 'ok' && <Text className="credit-code-status is-ok">✓ 校验通过</Text>}
        </Field>
      </View>

      <View className="form-card">
        <Text className="form-card__title">联系人</Text>
        <Field label="姓名" required error={shown('contact.name')}>
          <TextInput
            className="contact-name-input"
            value={form.contactName}
            maxlength={20}
            onChange={(v) => set('contactName', v, ['contact.name'])}
          />
        </Field>
        <Field label="职务（选填）" error={shown('contact.title')}>
          <TextInput
            className="contact-title-input"
            value={form.contactTitle}
            maxlength={30}
            onChange={(v) => set('contactTitle', v, ['contact.title'])}
          />
        </Field>
        <Field label="联系电话" required error={shown('contact.phone')}>
          <TextInput
            className="contact-phone-input"
            value={form.contactPhone}
            maxlength={20}
            type="text"
            placeholder="手机号或 010-12345678"
            onChange={(v) => set('contactPhone', v.trim(), ['contact.phone'])}
          />
        </Field>
        <Field label="电子邮箱（选填）" error={shown('contact.email')}>
          <TextInput
            className="contact-email-input"
            value={form.contactEmail}
            maxlength={100}
            onChange={(v) => set('contactEmail', v.trim(), ['contact.email'])}
          />
        </Field>
        <Text className="register__privacy">联系人信息仅用于揭榜工作联络，仅向主管部门和相关发榜企业展示。</Text>
      </View>

      <View className="register__action-space" />
      <View className="register__action">
        <ActionButton className="register-submit" text="提交登记" busy={busy} onClick={() => void submit()} />
      </View>

      <OptionSheet
        className="region-sheet"
        visible={sheet === 'region'}
        title="选择主管部门辖区"
        searchable
        options={REGION_OPTIONS}
        value={authority ?? undefined}
        onSelect={chooseAuthority}
        onClose={() => setSheet(null)}
      />
      <OptionSheet
        className="industry-sheet"
        visible={sheet === 'industry'}
        title="选择所属行业"
        options={INDUSTRY_OPTIONS}
        value={form.industry || undefined}
        onSelect={(v) => {
          set('industry', v as IndustryKey);
          setSheet(null);
        }}
        onClose={() => setSheet(null)}
      />
    </View>
  );
}

function ClassificationPreview({
  kind,
  result,
  refusal,
  metricsNeeded,
}: {
  kind: 'sme' | 'large';
  result: ReturnType<typeof classify> | null;
  refusal: string;
  metricsNeeded: Metric[];
}) {
  if (!result) {
    return (
      <View className="classification-preview is-pending">
        <Text className="classification-preview__title">自动划型</Text>
        <Text className="classification-preview__rule">
          选择行业并填写数据后，将按《中小企业划型标准规定》自动划型。
        </Text>
      </View>
    );
  }
  if (!result.ok) {
    const missing = result.missing.map((m) => METRICS[m].label).join('、');
    return (
      <View className="classification-preview is-pending">
        <Text className="classification-preview__title">自动划型</Text>
        <Text className="classification-preview__rule">
          还需填写：{missing}（本行业按{metricsNeeded.map((m) => METRICS[m].label).join('、')}划型）
        </Text>
      </View>
    );
  }
  const refused = kind === 'sme' && !result.isSme;
  return (
    <View className={`classification-preview ${result.isSme ? 'is-sme' : 'is-large'}`}>
      <Text className="classification-preview__title">
        按《中小企业划型标准规定》，贵企业为{SIZE_LABELS[result.size]}
      </Text>
      <Text className="classification-preview__rule">{result.rule}</Text>
      {(refused || refusal) && (
        <Text className="classification-refusal">
          {refusal || '大型企业不能以中小企业身份登记和揭榜。如贵企业要发布技术需求，请在上方选择“大型企业 · 发榜”。'}
        </Text>
      )}
      {kind === 'large' && result.isSme && (
        <Text className="classification-preview__note">
          按标准贵企业属于中小企业，如需揭榜，请选择“中小企业 · 揭榜”。
        </Text>
      )}
    </View>
  );
}
