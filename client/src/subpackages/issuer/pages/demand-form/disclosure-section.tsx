import { Text, View } from '@tarojs/components';
import { FieldError, FormCard } from '../../../../components/form';
import { Toggle } from '../../../../components/toggle';
import type { DemandFormApi } from './use-demand-form';

/** 需求表 · 公开方式. */
export function DisclosureSection({ f }: { f: DemandFormApi }) {
  const { values, errors, set } = f;
  return (
    <FormCard title="公开方式">
      <View className="form-field form-item" id="f-anonymous" data-field="anonymous">
        <View className="switch-row">
          <View className="switch-row__text">
            <Text className="switch-row__title">不公开企业名称（匿名发榜）</Text>
            <Text className="switch-row__state">
              {values.anonymous ? '需求目录中显示为“匿名发榜企业”' : '需求目录中显示企业名称'}
            </Text>
          </View>
          <Toggle className="demand-form__anonymous" on={values.anonymous} onChange={(on) => set('anonymous', on)} />
        </View>
        <Text className="form-explain">
          选择不公开后，企业名称、信用代码和联系人仅对主管部门可见，需求目录中显示为“匿名发榜企业”。
        </Text>
        <FieldError error={errors.anonymous} />
      </View>
    </FormCard>
  );
}
