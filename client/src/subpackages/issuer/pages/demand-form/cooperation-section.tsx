import { COOPERATION_MODES, OUTCOME_FORMS } from '@jiebang/shared';
import { FormCard } from '../../../../components/form';
import { ChoiceItems, type ChoiceItemSpec } from './form-parts';
import type { DemandFormApi } from './use-demand-form';

const COOPERATION: readonly ChoiceItemSpec[] = [
  { path: 'outcomeForms', label: '预期成果形式（可多选）', options: OUTCOME_FORMS, className: 'demand-form__outcome' },
  { path: 'cooperationModes', label: '合作方式（可多选）', options: COOPERATION_MODES, className: 'demand-form__mode' },
];

/** 需求表 · 成果与合作. */
export function CooperationSection({ f }: { f: DemandFormApi }) {
  return (
    <FormCard title="成果与合作">
      <ChoiceItems f={f} items={COOPERATION} />
    </FormCard>
  );
}
