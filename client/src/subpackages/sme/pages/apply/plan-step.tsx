import { Text, View } from '@tarojs/components';
import { Field, TextArea, TextInput } from '../../../../components/form';
import { normaliseMonth, type Milestone } from '../../lib/apply-form';
import type { StepProps } from './step-props';

/** 揭榜申请书 step · 攻关方案 (route, innovations, milestones, risks). */
export function PlanStep({ form, update, err }: StepProps) {
  const setMilestone = (i: number, patch: Partial<Milestone>) =>
    update(
      'milestones',
      form.milestones.map((m, j) => (j === i ? { ...m, ...patch } : m)),
    );
  return (
    <>
      <View className="form-card">
        <Text className="form-card__title">技术方案</Text>
        <Field label="技术路线" required error={err('plan.route')}>
          <TextArea
            className="apply-route"
            value={form.route}
            maxlength={5000}
            placeholder="拟采用的技术路线和实施方法"
            onChange={(v) => update('route', v)}
          />
        </Field>
        <Field label="创新点" required error={err('plan.innovations')}>
          <TextArea
            className="apply-innovations"
            value={form.innovations}
            maxlength={2000}
            onChange={(v) => update('innovations', v)}
          />
        </Field>
      </View>
      <View className="form-card">
        <Text className="form-card__title">里程碑（{form.milestones.length}/24）</Text>
        <Text className="form-card__desc">按月份列出阶段成果，至少一项。</Text>
        {form.milestones.map((m, i) => (
          <View key={i} className="apply-milestone sub-card">
            <View className="sub-card__head">
              <Text className="sub-card__title">里程碑 {i + 1}</Text>
              {form.milestones.length > 1 && (
                <Text
                  className="sub-card__remove apply-milestone__remove"
                  onClick={() =>
                    update(
                      'milestones',
                      form.milestones.filter((_, j) => j !== i),
                    )
                  }
                >
                  删除
                </Text>
              )}
            </View>
            <Field label="完成月份" required error={err(`plan.milestones.${i}.month`)}>
              <TextInput
                className="apply-milestone__month"
                value={m.month}
                maxlength={7}
                placeholder="YYYY-MM，如 2025-06"
                onChange={(v) => setMilestone(i, { month: normaliseMonth(v) })}
              />
            </Field>
            <Field label="阶段成果" required error={err(`plan.milestones.${i}.deliverable`)}>
              <TextInput
                className="apply-milestone__deliverable"
                value={m.deliverable}
                maxlength={200}
                placeholder="如 完成样机试制"
                onChange={(v) => setMilestone(i, { deliverable: v })}
              />
            </Field>
          </View>
        ))}
        {form.milestones.length < 24 && (
          <View
            className="add-line apply-add-milestone"
            hoverClass="add-line--pressed"
            onClick={() => update('milestones', [...form.milestones, { month: '', deliverable: '' }])}
          >
            ＋ 添加里程碑
          </View>
        )}
        {err('plan.milestones') && <Text className="field-error">{err('plan.milestones')}</Text>}
      </View>
      <View className="form-card">
        <Text className="form-card__title">成果与风险</Text>
        <Field label="预期成果" required error={err('plan.expectedResults')}>
          <TextArea
            className="apply-expected"
            value={form.expectedResults}
            maxlength={2000}
            placeholder="样机、工艺、软件、专利、标准等及其指标"
            onChange={(v) => update('expectedResults', v)}
          />
        </Field>
        <Field label="风险及应对（选填）" error={err('plan.risks')}>
          <TextArea className="apply-risks" value={form.risks} maxlength={2000} onChange={(v) => update('risks', v)} />
        </Field>
      </View>
    </>
  );
}
