import { Text } from '@tarojs/components';
import { FormCard, TextFields, type TextFieldSpec } from '../../../../components/form';
import type { RegisterFormApi } from './use-register-form';

const trim = (v: string) => v.trim();

const CONTACT_FIELDS: readonly TextFieldSpec<'contactName' | 'contactTitle' | 'contactPhone' | 'contactEmail'>[] = [
  {
    key: 'contactName',
    path: 'contact.name',
    label: '姓名',
    required: true,
    className: 'contact-name-input',
    maxlength: 20,
  },
  {
    key: 'contactTitle',
    path: 'contact.title',
    label: '职务（选填）',
    className: 'contact-title-input',
    maxlength: 30,
  },
  {
    key: 'contactPhone',
    path: 'contact.phone',
    label: '联系电话',
    required: true,
    className: 'contact-phone-input',
    maxlength: 20,
    placeholder: '手机号或 010-12345678',
    parse: trim,
  },
  {
    key: 'contactEmail',
    path: 'contact.email',
    label: '电子邮箱（选填）',
    className: 'contact-email-input',
    maxlength: 100,
    parse: trim,
  },
];

/** 联系人: the contact person. */
export function ContactStep({ f }: { f: RegisterFormApi }) {
  const { form, set, shown } = f;
  return (
    <FormCard title="联系人">
      <TextFields
        fields={CONTACT_FIELDS}
        values={form}
        onChange={(key, v, path) => set(key, v, [path])}
        errorOf={shown}
      />
      <Text className="register__privacy">联系人信息仅用于揭榜工作联络，仅向主管部门和相关发榜企业展示。</Text>
    </FormCard>
  );
}
