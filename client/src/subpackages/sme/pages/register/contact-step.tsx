import { Text, View } from '@tarojs/components';
import { Field, TextInput } from '../../../../components/form';
import type { RegisterFormApi } from './use-register-form';

/** 联系人: the contact person. */
export function ContactStep({ f }: { f: RegisterFormApi }) {
  const { form, set, shown } = f;
  return (
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
  );
}
