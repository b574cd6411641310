import { Input, Text, View } from '@tarojs/components';
import { DEMAND_TYPES, FIELDS } from '@jiebang/shared';
import { Card, Item } from './form-parts';
import { FIELD_KEYS, type DemandFormApi } from './use-demand-form';

/** 需求表 · 基本信息. */
export function BasicsSection({ f }: { f: DemandFormApi }) {
  const { values, errors, set } = f;
  return (
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
  );
}
