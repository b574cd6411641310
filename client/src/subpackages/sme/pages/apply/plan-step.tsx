import { FieldsCard, SubCards } from './cards';
import { MILESTONES, PLAN_FIELDS, RESULT_FIELDS } from './fields';
import type { StepProps } from './step-props';

/** 揭榜申请书 step · 攻关方案 (route, innovations, milestones, risks). */
export function PlanStep(props: StepProps) {
  const { form, update, err } = props;
  return (
    <>
      <FieldsCard title="技术方案" fields={PLAN_FIELDS} {...props} />
      <SubCards list={MILESTONES} items={form.milestones} onChange={(v) => update('milestones', v)} err={err} />
      <FieldsCard title="成果与风险" fields={RESULT_FIELDS} {...props} />
    </>
  );
}
