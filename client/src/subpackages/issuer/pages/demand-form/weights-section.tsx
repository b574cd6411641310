import { Text, View } from '@tarojs/components';
import { FieldError, FormCard, TextInput } from '../../../../components/form';
import { Toggle } from '../../../../components/toggle';
import { WEIGHT_KEYS } from '../../lib/demand-form';
import type { DemandFormApi } from './use-demand-form';

/** 需求表 · 评审权重. */
export function WeightsSection({ f }: { f: DemandFormApi }) {
  const { values, errors, update, set, sum } = f;
  return (
    <FormCard title="评审权重" desc="选填：揭榜方案评分时四项标准的权重">
      <View className="form-field form-item" id="f-weights" data-field="weights">
        <View className="switch-row">
          <View className="switch-row__text">
            <Text className="switch-row__title">自定义评审权重</Text>
            <Text className="switch-row__state">{values.customWeights ? '四项之和应为 100' : '默认各 25%'}</Text>
          </View>
          <Toggle
            className="demand-form__weights-toggle"
            on={values.customWeights}
            onChange={(on) => set('customWeights', on, 'weights')}
          />
        </View>
        {values.customWeights && (
          <View className="weights-edit">
            {WEIGHT_KEYS.map(([k, label]) => (
              <View key={k} className="weights-edit__item" data-key={k}>
                <Text className="weights-edit__label">{label}</Text>
                <TextInput
                  className={`demand-form__weight${errors[`weights.${k}`] ? ' is-invalid' : ''}`}
                  type="number"
                  maxlength={3}
                  value={values.weights[k]}
                  suffix="%"
                  onChange={(text) => update(['weights'], (v) => ({ ...v, weights: { ...v.weights, [k]: text } }))}
                />
                <FieldError error={errors[`weights.${k}`]} />
              </View>
            ))}
            <Text className={`weights-edit__sum demand-form__weight-sum${sum === 100 ? ' is-ok' : ' is-off'}`}>
              合计 {sum} / 100
            </Text>
          </View>
        )}
        <FieldError error={errors.weights} />
      </View>
    </FormCard>
  );
}
