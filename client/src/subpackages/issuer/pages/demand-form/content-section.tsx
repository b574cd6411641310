import { Text, Textarea } from '@tarojs/components';
import { Card, Item } from './form-parts';
import type { DemandFormApi } from './use-demand-form';

/** 需求表 · 需求内容. */
export function ContentSection({ f }: { f: DemandFormApi }) {
  const { values, errors, set } = f;
  return (
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
  );
}
