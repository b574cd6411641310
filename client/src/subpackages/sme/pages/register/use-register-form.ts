import { useEffect, useMemo, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import {
  ORG_KIND_LABELS,
  SIZE_LABELS,
  authorityRegionOf,
  classify,
  divisionMatchesRegion,
  divisionOfCreditCode,
  orgInputSchema,
  requiredMetrics,
} from '@jiebang/shared';
import * as orgs from '../../../../services/orgs';
import { me as fetchMe } from '../../../../services/auth';
import { pendingResume, resumeAfter } from '../../../../lib/resume';
import { ApiError, errorMessage } from '../../../../services/http';
import { fieldErrorsOf, numberOrUndefined, type FieldErrors } from '../../../../lib/form-errors';
import {
  DRAFT_KEY,
  EMPTY,
  codeStatus,
  isInstitutionForm,
  loadDraft,
  toInput,
  type RegisterForm,
} from '../../lib/register-form';
import { showModal } from '../../../../lib/modal';

/**
 * The registration form's state: values (a draft on the device until registered), what the shared schema and the
 * 300号 classification say about them, the server's refusals, and the submission.
 */
export function useRegisterForm() {
  const [form, setForm] = useState<RegisterForm>(loadDraft);
  const [tried, setTried] = useState(false);
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [banner, setBanner] = useState('');
  const [refusal, setRefusal] = useState('');
  const [busy, setBusy] = useState(false);
  const saveTimer = useRef<ReturnType<typeof setTimeout>>();

  // Debounced save of every change; flushed when the page goes away.
  useEffect(() => {
    clearTimeout(saveTimer.current);
    saveTimer.current = setTimeout(() => Taro.setStorageSync(DRAFT_KEY, form), 400);
    return () => clearTimeout(saveTimer.current);
  }, [form]);
  // The latest form for the flush on leaving (kept in an effect, not while rendering).
  const formRef = useRef(form);
  useEffect(() => {
    formRef.current = form;
  }, [form]);
  useEffect(() => () => Taro.setStorageSync(DRAFT_KEY, formRef.current), []);

  const set = <K extends keyof RegisterForm>(key: K, value: RegisterForm[K], clears: string[] = [key]) => {
    setForm((f) => ({ ...f, [key]: value }));
    if (clears.some((c) => serverErrors[c])) {
      setServerErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !clears.includes(k))));
    }
    if (refusal && ['kind', 'industry', 'employees', 'revenue', 'assets'].includes(key)) setRefusal('');
  };

  const parsed = useMemo(() => orgInputSchema.safeParse(toInput(form)), [form]);
  const institution = isInstitutionForm(form.kind);
  const classification = useMemo(() => {
    // Institutions (library area) are not classified by the 300号 table.
    if (!form.industry || institution) return null;
    return classify(form.industry, {
      employees: numberOrUndefined(form.employees),
      revenue: numberOrUndefined(form.revenue),
      assets: numberOrUndefined(form.assets),
    });
  }, [form.industry, form.employees, form.revenue, form.assets, institution]);

  const errors: FieldErrors = useMemo(() => {
    const own = parsed.success ? {} : fieldErrorsOf(parsed.error);
    if (classification && !classification.ok) {
      for (const m of classification.missing) own[m] ??= classification.messages[m] ?? '请填写';
    }
    return { ...own, ...serverErrors };
  }, [parsed, classification, serverErrors]);
  const shown = (path: string) => (tried || serverErrors[path] ? errors[path] : undefined);

  const code = codeStatus(form.creditCode, form.kind);
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
  const metrics = form.industry && !institution ? requiredMetrics(form.industry) : [];

  const chooseAuthority = (code: string) => {
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
      // Registration on the way to 我要揭榜: carry on to the application for that demand.
      const applying = pendingResume()?.kind === 'apply' && created.kind === 'sme';
      await showModal({
        title: '登记成功',
        content: `${created.name}已登记为${created.size ? SIZE_LABELS[created.size] : ORG_KIND_LABELS[created.kind]}${warnings ? `。请留意：\n${warnings}` : '，您已成为企业管理员。'}`,
        showCancel: false,
        confirmText: applying ? '继续揭榜' : '前往我的',
      });
      const resumed = await fetchMe()
        .then((me) => resumeAfter(me, 'redirect'))
        .catch(() => false);
      if (!resumed) void Taro.switchTab({ url: '/pages/mine/index' });
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

  return {
    form,
    set,
    tried,
    serverErrors,
    banner,
    refusal,
    busy,
    shown,
    code,
    shareholder,
    regionValid,
    authority,
    regionProblem,
    codeDivision,
    regionWarning,
    metrics,
    classification,
    institution,
    chooseAuthority,
    submit,
    parsed,
    errors,
    largeAsSme,
  };
}

export type RegisterFormApi = ReturnType<typeof useRegisterForm>;
