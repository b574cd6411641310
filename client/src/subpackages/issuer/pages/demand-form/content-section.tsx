import { FormCard } from '../../../../components/form';
import { TextItems, type TextItemSpec } from './form-parts';
import type { DemandFormApi } from './use-demand-form';

const area = { required: true, area: true, maxlength: 2000 } as const;
const CONTENT: readonly TextItemSpec[] = [
  {
    ...area,
    path: 'background',
    label: '需求背景及现状',
    className: 'demand-form__background',
    placeholder: '行业背景、企业现状、现有技术路线与差距',
  },
  {
    ...area,
    path: 'difficulties',
    label: '关键技术难点',
    className: 'demand-form__difficulties',
    placeholder: '需要揭榜方攻克的关键技术难点',
  },
];

/** 需求表 · 需求内容. */
export function ContentSection({ f }: { f: DemandFormApi }) {
  return (
    <FormCard title="需求内容">
      <TextItems f={f} items={CONTENT} />
    </FormCard>
  );
}
