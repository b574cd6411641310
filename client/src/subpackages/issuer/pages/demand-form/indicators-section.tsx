import { Input, Text, View } from '@tarojs/components';
import { Card, FieldError } from './form-parts';
import type { DemandFormApi } from './use-demand-form';

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
            <Input
              className={`form-input demand-form__indicator-name${errors[`indicators.${i}.name`] ? ' has-error' : ''}`}
              value={ind.name}
              maxlength={50}
              placeholder="指标名称，如“定位精度”"
              onInput={(e) => {
                const text = e.detail.value;
                update([`indicators.${i}.name`], (v) => ({
                  ...v,
                  indicators: v.indicators.map((x, j) => (j === i ? { ...x, name: text } : x)),
                }));
              }}
            />
            <FieldError errors={errors} path={`indicators.${i}.name`} />
            <Input
              className={`form-input indicator__target demand-form__indicator-target${errors[`indicators.${i}.target`] ? ' has-error' : ''}`}
              value={ind.target}
              maxlength={200}
              placeholder="指标要求，如“≤ 0.005 mm”"
              onInput={(e) => {
                const text = e.detail.value;
                update([`indicators.${i}.target`], (v) => ({
                  ...v,
                  indicators: v.indicators.map((x, j) => (j === i ? { ...x, target: text } : x)),
                }));
              }}
            />
            <FieldError errors={errors} path={`indicators.${i}.target`} />
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
