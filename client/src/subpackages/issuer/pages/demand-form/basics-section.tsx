import { DEMAND_TYPES, FIELDS } from '@jiebang/shared';
import { FormCard } from '../../../../components/form';
import { ChoiceItems, TextItems, type ChoiceItemSpec, type TextItemSpec } from './form-parts';
import type { DemandFormApi } from './use-demand-form';

const TITLE: readonly TextItemSpec[] = [
  {
    path: 'title',
    label: '需求名称',
    required: true,
    countTrimmed: true,
    className: 'demand-form__title',
    maxlength: 100,
    placeholder: '5–100 字，概括需要攻关的技术问题',
  },
];
const KIND: readonly ChoiceItemSpec[] = [
  { path: 'field', label: '所属领域', options: FIELDS, className: 'demand-form__field-option' },
  { path: 'demandType', label: '需求类型', options: DEMAND_TYPES, className: 'demand-form__type', segmented: true },
];
const CATEGORY: readonly TextItemSpec[] = [
  {
    path: 'catalogueCategory',
    label: '《产业基础创新发展目录》类别',
    hint: '选填，如“核心基础零部件（元器件）”',
    className: 'demand-form__category',
    maxlength: 100,
    placeholder: '选填',
  },
];

/** 需求表 · 基本信息. */
export function BasicsSection({ f }: { f: DemandFormApi }) {
  return (
    <FormCard title="基本信息">
      <TextItems f={f} items={TITLE} />
      <ChoiceItems f={f} items={KIND} />
      <TextItems f={f} items={CATEGORY} />
    </FormCard>
  );
}
