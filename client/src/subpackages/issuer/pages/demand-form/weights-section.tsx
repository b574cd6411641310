import { Input, Text, View } from '@tarojs/components';
import { Toggle } from '../../../../components/toggle';
import { WEIGHT_KEYS } from '../../lib/demand-form';
import { Card, FieldError } from './form-parts';
import type { DemandFormApi } from './use-demand-form';

/** 需求表 · 评审权重. */
export function WeightsSection({ f }: { f: DemandFormApi }) {
  const { values, errors, update, set, sum } = f;
  return (
    <Card title="评审权重" sub="选填：揭榜方案评分时四项标准的权重">
      <View className="form-item" id="f-weights" data-field="weights">
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
              <View key={k} className="weights-edit__item">
                <Text className="weights-edit__label">{label}</Text>
                <View className="input-suffix">
                  <Input
                    className={`form-input input-suffix__input demand-form__weight${errors[`weights.${k}`] ? ' has-error' : ''}`}
                    data-key={k}
                    type="number"
                    maxlength={3}
                    value={values.weights[k]}
                    onInput={(e) => {
                      const text = e.detail.value;
                      update(['weights'], (v) => ({ ...v, weights: { ...v.weights, [k]: text } }));
                    }}
                  />
                  <Text className="input-suffix__unit">%</Text>
                </View>
                <FieldError errors={errors} path={`weights.${k}`} />
              </View>
            ))}
            <Text className={`weights-edit__sum demand-form__weight-sum${sum === 100 ? ' is-ok' : ' is-off'}`}>
              合计 {sum} / 100
            </Text>
          </View>
        )}
        <FieldError errors={errors} path="weights" />
      </View>
    </Card>
  );
}
