import { Input, Picker, Text, View } from '@tarojs/components';
import { Toggle } from '../../../../components/toggle';
import { addDays } from '../../../../lib/beijing-time';
import { Card, FieldError, Item } from './form-parts';
import type { DemandFormApi } from './use-demand-form';

/** 需求表 · 预算与时间. */
export function ScheduleSection({ f }: { f: DemandFormApi }) {
  const { values, errors, update, set, today, campaignDeadline, completionStart } = f;
  return (
    <Card title="预算与时间">
      <View
        className={`form-item${errors['budget.amount'] || errors.budget ? ' has-error' : ''}`}
        id="f-budget"
        data-field="budget"
      >
        <View className="form-item__label-row">
          <Text className="form-item__label">
            <Text className="form-item__star">*</Text>需求预算
          </Text>
          <View className="inline-toggle">
            <Text className="inline-toggle__text">面议</Text>
            <Toggle
              className="demand-form__negotiable"
              on={values.budgetNegotiable}
              onChange={(on) => set('budgetNegotiable', on, 'budget')}
            />
          </View>
        </View>
        <View className="input-suffix">
          <Input
            className="form-input input-suffix__input demand-form__budget"
            type="digit"
            value={values.budgetAmount}
            maxlength={12}
            placeholder={values.budgetNegotiable ? '参考金额，可不填' : '预算金额'}
            onInput={(e) => set('budgetAmount', e.detail.value, 'budget')}
          />
          <Text className="input-suffix__unit">万元</Text>
        </View>
        <FieldError errors={errors} path="budget.amount" />
        <FieldError errors={errors} path="budget" />
        {!errors['budget.amount'] && !errors.budget && (
          <Text className="form-item__hint">
            {values.budgetNegotiable ? '目录中显示为“面议”或“预算 X 万元（可议）”' : '不便公开金额时可选择“面议”'}
          </Text>
        )}
      </View>

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
        extra={
          campaignDeadline &&
          (values.deadlineDate !== campaignDeadline.date || values.deadlineTime !== campaignDeadline.time) ? (
            <Text
              className="form-item__link demand-form__deadline-reset"
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
        <View className="picker-row">
          <Picker
            mode="date"
            value={values.deadlineDate || campaignDeadline?.date || today}
            start={today}
            end={campaignDeadline?.date ?? addDays(today, 3650)}
            onChange={(e) => set('deadlineDate', e.detail.value, 'applicationDeadline')}
          >
            <View className="picker-field demand-form__deadline-date">
              <Text className={values.deadlineDate ? '' : 'picker-field__placeholder'}>
                {values.deadlineDate || '选择日期'}
              </Text>
              <Text className="picker-field__arrow">›</Text>
            </View>
          </Picker>
          <Picker
            mode="time"
            value={values.deadlineTime || campaignDeadline?.time || '17:00'}
            onChange={(e) => set('deadlineTime', e.detail.value, 'applicationDeadline')}
          >
            <View className="picker-field picker-field--time demand-form__deadline-time">
              <Text className={values.deadlineTime ? '' : 'picker-field__placeholder'}>
                {values.deadlineTime || '时间'}
              </Text>
              <Text className="picker-field__arrow">›</Text>
            </View>
          </Picker>
        </View>
      </Item>

      <Item label="预期完成时间" path="expectedCompletion" errors={errors} required hint="应晚于揭榜截止时间">
        <Picker
          mode="date"
          value={values.expectedCompletion || addDays(completionStart, 365)}
          start={completionStart}
          end={addDays(completionStart, 3650)}
          onChange={(e) => set('expectedCompletion', e.detail.value)}
        >
          <View className="picker-field demand-form__completion">
            <Text className={values.expectedCompletion ? '' : 'picker-field__placeholder'}>
              {values.expectedCompletion || '选择日期'}
            </Text>
            <Text className="picker-field__arrow">›</Text>
          </View>
        </Picker>
      </Item>
    </Card>
  );
}
