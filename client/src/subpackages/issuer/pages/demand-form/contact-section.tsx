import { View } from '@tarojs/components';
import { FormCard } from '../../../../components/form';
import { TextItems, type TextItemSpec } from './form-parts';
import type { DemandFormApi } from './use-demand-form';

const CONTACT: readonly TextItemSpec[] = [
  {
    path: 'contact.name',
    label: '姓名',
    required: true,
    className: 'demand-form__contact-name',
    maxlength: 20,
    placeholder: '联系人姓名',
  },
  { path: 'contact.title', label: '职务', className: 'demand-form__contact-title', maxlength: 30, placeholder: '选填' },
  {
    path: 'contact.phone',
    label: '联系电话',
    required: true,
    className: 'demand-form__contact-phone',
    maxlength: 20,
    placeholder: '手机号或固定电话，如 010-12345678',
  },
  {
    path: 'contact.email',
    label: '电子邮箱',
    className: 'demand-form__contact-email',
    maxlength: 100,
    placeholder: '选填',
  },
];

/** 需求表 · 联系人. */
export function ContactSection({ f }: { f: DemandFormApi }) {
  return (
    <FormCard title="联系人" desc="仅发榜企业和主管部门可见">
      <View id="f-contact">
        <TextItems f={f} items={CONTACT} />
      </View>
    </FormCard>
  );
}
