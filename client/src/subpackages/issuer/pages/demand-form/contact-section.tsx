import { Input, View } from '@tarojs/components';
import { Card, Item } from './form-parts';
import type { DemandFormApi } from './use-demand-form';

/** 需求表 · 联系人. */
export function ContactSection({ f }: { f: DemandFormApi }) {
  const { values, errors, update } = f;
  return (
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
  );
}
