import { Fragment } from 'react';
import { Input, Text, View } from '@tarojs/components';
import { Card, FieldError } from './form-parts';
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
    <Card title="主要技术指标" sub="1–20 项，每项填写指标名称与要求">
      <View id="f-indicators" data-field="indicators">
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
                  <Input
                    className={`form-input ${className}${errors[path] ? ' has-error' : ''}`}
                    value={ind[key]}
                    maxlength={maxlength}
                    placeholder={placeholder}
                    onInput={(e) => {
                      const text = e.detail.value;
                      update([path], (v) => ({
                        ...v,
                        indicators: v.indicators.map((x, j) => (j === i ? { ...x, [key]: text } : x)),
                      }));
                    }}
                  />
                  <FieldError errors={errors} path={path} />
                </Fragment>
              );
            })}
          </View>
        ))}
        <FieldError errors={errors} path="indicators" />
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
    </Card>
  );
}
