import { FieldsCard, SubCards } from './cards';
import { KEY_MEMBERS, LEADER_FIELDS, TEAM_SIZE_FIELDS } from './fields';
import type { StepProps } from './step-props';

/** 揭榜申请书 step · 团队 (the leader, the team, key members). */
export function TeamStep(props: StepProps) {
  const { form, update, err } = props;
  return (
    <>
      <FieldsCard title="项目负责人" fields={LEADER_FIELDS} {...props} />
      <FieldsCard title="团队规模" fields={TEAM_SIZE_FIELDS} {...props} />
      <SubCards list={KEY_MEMBERS} items={form.keyMembers} onChange={(v) => update('keyMembers', v)} err={err} />
    </>
  );
}
