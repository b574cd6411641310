import { Fragment } from 'react';
import { Text, View } from '@tarojs/components';
import { FieldError, FormCard, TextInput } from '../../../../components/form';
import type { DemandFormApi } from './use-demand-form';

/** The two inputs of an indicator: its part, maximum length, placeholder and classes. */
const PARTS = [
  ['name', 50, '指标名称，如“定位精度”', 'demand-form__indicator-name'],
  ['target', 200, '指标要求，如“≤ 0.005 mm”', 'indicator__target demand-form__indicator-target'],
] as const;

/** 需求表 · 主要技术指标. */
export function IndicatorsSection({ f }: { f: DemandFormApi }) {
  const { values, errors, update } = f;
  return (
    <FormCard title="主要技术指标" desc="1–20 项，每项填写指标名称与要求">
      <View className="demand-form__indicators" id="f-indicators" data-field="indicators">
        {values.indicators.map((ind, i) => (
          <View key={i} className="indicator demand-form__indicator">
            <View className="indicator__head">
              <Text className="indicator__no">指标 {i + 1}</Text>
              {values.indicators.length > 1 && (
                <Text
                  className="indicator__remove demand-form__indicator-remove"
                  onClick={() =>
                    update(['indicators'], (v) => ({ ...v, indicators: v.indicators.filter((_, j) => j !== i) }))
                  }
                >
                  删除
                </Text>
              )}
            </View>
            {PARTS.map(([key, maxlength, placeholder, className]) => {
              const path = `indicators.${i}.${key}`;
              return (
                <Fragment key={key}>
                  <TextInput
                    className={`${className}${errors[path] ? ' is-invalid' : ''}`}
                    value={ind[key]}
                    maxlength={maxlength}
                    placeholder={placeholder}
                    onChange={(text) =>
                      update([path], (v) => ({
                        ...v,
                        indicators: v.indicators.map((x, j) => (j === i ? { ...x, [key]: text } : x)),
                      }))
                    }
                  />
                  <FieldError error={errors[path]} />
                </Fragment>
              );
            })}
          </View>
        ))}
        <FieldError error={errors.indicators} />
        {values.indicators.length < 20 && (
          <View
            className="indicator__add demand-form__indicator-add"
            hoverClass="indicator__add--pressed"
            onClick={() =>
              update(['indicators'], (v) => ({ ...v, indicators: [...v.indicators, { name: '', target: '' }] }))
            }
          >
            ＋ 添加指标
          </View>
        )}
      </View>
    </FormCard>
  );
}
