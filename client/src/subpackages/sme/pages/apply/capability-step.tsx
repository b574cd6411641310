import { FieldsCard } from './cards';
import { CAPABILITY_FIELDS } from './fields';
import type { StepProps } from './step-props';

/** 揭榜申请书 step · 研发能力. */
export function CapabilityStep(props: StepProps) {
  return <FieldsCard title="研发能力" fields={CAPABILITY_FIELDS} {...props} />;
}
