import { Text } from '@tarojs/components';
import { Chips, Field, FormCard, TextFields, TextInput } from '../../../../components/form';
import { KIND_OPTIONS, codeError, normaliseCode } from '../../lib/register-form';
import type { RegisterFormApi } from './use-register-form';

/** 基本信息: the kind of enterprise, its name and credit code (checked as typed). */
export function BasicsStep({ f }: { f: RegisterFormApi }) {
  const { form, set, tried, serverErrors, shown, code } = f;
  return (
    <FormCard title="基本信息">
      <Field label="单位类型" required>
        <Chips className="kind-options" options={KIND_OPTIONS} value={[form.kind]} onChange={(v) => set('kind', v)} />
      </Field>
      <TextFields
        fields={[
          {
            key: 'name',
            path: 'name',
            label: f.institution ? '单位名称' : '企业名称',
            required: true,
            className: 'org-name-input',
            maxlength: 100,
            placeholder: '与营业执照一致',
          },
        ]}
        values={form}
        onChange={(key, v) => set(key, v)}
        errorOf={shown}
      />
      <Field
        label="统一社会信用代码"
        required
        error={serverErrors.creditCode ?? codeError(code, tried, '请填写统一社会信用代码')}
        hint={
          code.kind === 'empty'
            ? f.institution
              ? '18 位，见事业单位法人证书或社会组织登记证书（以 1 或 5 开头；服务机构也可为 9）'
              : '18 位，见营业执照；字母自动转为大写'
            : undefined
        }
      >
        <TextInput
          className="credit-code-input"
          value={form.creditCode}
          maxlength={24}
          placeholder={f.institution ? '如 12440000455416061H' : '如 91440300MA5XXXXXXX'}
          onChange={(v) => set('creditCode', normaliseCode(v))}
        />
        {(code.kind === 'typing' || code.kind === 'ok') && !serverErrors.creditCode && (
          <Text className={`credit-code-status ${code.kind === 'ok' ? 'is-ok' : 'is-typing'}`}>
            {code.kind === 'ok' ? '✓ ' : ''}
            {code.text}
          </Text>
        )}
      </Field>
    </FormCard>
  );
}
