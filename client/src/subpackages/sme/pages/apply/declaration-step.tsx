import { Text, View } from '@tarojs/components';
import type { StepProps } from './step-props';

/** 揭榜申请书 step · 声明. */
export function DeclarationStep({ form, update, err }: StepProps) {
  const on = form.notAffiliated;
  return (
    <View className="form-card">
      <Text className="form-card__title">非关联声明</Text>
      <Text className="form-card__desc">
        发榜企业的子公司、控股公司、供应商或其他关联方不能揭榜其需求。平台将按发榜企业申报的关联企业名单和贵企业的控股股东自动核验。
      </Text>
      <View className={`form-field ${err('declaration.notAffiliated') ? 'is-invalid' : ''}`}>
        <View
          className={`declaration apply-declaration${on ? ' is-on' : ''}`}
          role="checkbox"
          aria-checked={on}
          onClick={() => update('notAffiliated', !on)}
        >
          <Text className="declaration__box">{on ? '✓' : ''}</Text>
          <Text className="declaration__text">本企业不是发榜企业的子公司、控股公司、供应商或其他关联方</Text>
        </View>
        {err('declaration.notAffiliated') && <Text className="field-error">{err('declaration.notAffiliated')}</Text>}
      </View>
    </View>
  );
}
