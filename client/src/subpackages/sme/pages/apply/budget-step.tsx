import type { CatalogueDetail } from '@jiebang/shared';
import { budgetText } from '../../../../lib/format';
import { FieldsCard } from './cards';
import { BUDGET_FIELDS } from './fields';
import type { StepProps } from './step-props';

/** 揭榜申请书 step · 项目预算 (optional). */
export function BudgetStep({ demand, ...props }: StepProps & { demand: CatalogueDetail | null }) {
  const desc = demand && `需求方预算：${budgetText(demand.budget)}`;
  return <FieldsCard title="项目预算（选填）" desc={desc} fields={BUDGET_FIELDS} {...props} />;
}
