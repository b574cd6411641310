import { Text, View } from '@tarojs/components';
import { FormCard, PickerLine, TextInput } from '../../../../components/form';
import { Toggle } from '../../../../components/toggle';
import { addDays } from '../../../../lib/beijing-time';
import { Item } from './form-parts';
import type { DemandFormApi } from './use-demand-form';

/** 需求表 · 预算与时间. */
export function ScheduleSection({ f }: { f: DemandFormApi }) {
  const { values, errors, update, set, today, campaignDeadline, completionStart } = f;
  const budgetError = [errors['budget.amount'], errors.budget].filter(Boolean).join('；') || undefined;
  const deadlineMoved =
    campaignDeadline &&
    (values.deadlineDate !== campaignDeadline.date || values.deadlineTime !== campaignDeadline.time);
  return (
    <FormCard title="预算与时间">
      <Item
        label="需求预算"
        path="budget"
        errors={errors}
        error={budgetError}
        required
        hint={values.budgetNegotiable ? '目录中显示为“面议”或“预算 X 万元（可议）”' : '不便公开金额时可选择“面议”'}
        aside={
          <View className="inline-toggle">
            <Text className="inline-toggle__text">面议</Text>
            <Toggle
              className="demand-form__negotiable"
              on={values.budgetNegotiable}
              onChange={(on) => set('budgetNegotiable', on, 'budget')}
            />
          </View>
        }
      >
        <TextInput
          className="demand-form__budget"
          type="digit"
          value={values.budgetAmount}
          maxlength={12}
          placeholder={values.budgetNegotiable ? '参考金额，可不填' : '预算金额'}
          suffix="万元"
          onChange={(v) => set('budgetAmount', v, 'budget')}
        />
      </Item>

      <Item
        label="揭榜截止时间（北京时间）"
        path="applicationDeadline"
        errors={errors}
        required
        hint={
          campaignDeadline
            ? `默认且最晚为年度揭榜截止时间 ${campaignDeadline.date} ${campaignDeadline.time}，可提前`
            : undefined
        }
        aside={
          deadlineMoved ? (
            <Text
              className="demand-form__link demand-form__deadline-reset"
              onClick={() =>
                update(['applicationDeadline'], (v) => ({
                  ...v,
                  deadlineDate: campaignDeadline.date,
                  deadlineTime: campaignDeadline.time,
                }))
              }
            >
              恢复默认
            </Text>
          ) : undefined
        }
      >
        <View className="picker-pair">
          <PickerLine
            className="demand-form__deadline-date"
            value={values.deadlineDate}
            placeholder="选择日期"
            initial={campaignDeadline?.date || today}
            start={today}
            end={campaignDeadline?.date ?? addDays(today, 3650)}
            onChange={(d) => set('deadlineDate', d, 'applicationDeadline')}
          />
          <PickerLine
            time
            className="demand-form__deadline-time"
            value={values.deadlineTime}
            placeholder="时间"
            initial={campaignDeadline?.time || '17:00'}
            onChange={(t) => set('deadlineTime', t, 'applicationDeadline')}
          />
        </View>
      </Item>

      <Item label="预期完成时间" path="expectedCompletion" errors={errors} required hint="应晚于揭榜截止时间">
        <PickerLine
          className="demand-form__completion"
          value={values.expectedCompletion}
          placeholder="选择日期"
          initial={addDays(completionStart, 365)}
          start={completionStart}
          end={addDays(completionStart, 3650)}
          onChange={(d) => set('expectedCompletion', d)}
        />
      </Item>
    </FormCard>
  );
}
