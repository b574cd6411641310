import { Text } from '@tarojs/components';
import { Chips, Field, FormCard, TextInput } from '../../../../components/form';
import { QUALIFICATION_OPTIONS, codeError, normaliseCode } from '../../lib/register-form';
import type { RegisterFormApi } from './use-register-form';

/** 资质与股东: qualifications and the controlling shareholder. */
export function QualificationsStep({ f }: { f: RegisterFormApi }) {
  const { form, set, tried, serverErrors, shown, shareholder } = f;
  return (
    <FormCard title="资质与股东">
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
    </FormCard>
  );
}
