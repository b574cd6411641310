import { Text, View } from '@tarojs/components';
import { authorityRegionOf, regionName } from '@jiebang/shared';
import { Field, FormCard, SelectLine, TextInput } from '../../../../components/form';
import type { RegisterFormApi } from './use-register-form';

/** 注册地: the authority whose area it is in and the precise division code. */
export function RegionStep({
  f,
  onOpenSheet,
}: {
  f: RegisterFormApi;
  onOpenSheet: (sheet: 'region' | 'industry') => void;
}) {
  const { form, set, tried, serverErrors, regionValid, authority, regionProblem, codeDivision, regionWarning } = f;
  return (
    <FormCard title="注册地">
      <Field label="所属省级中小企业主管部门辖区" required>
        <SelectLine
          className="region-select"
          text={authority ? `${regionName(authority)}（${authority}）` : undefined}
          placeholder="选择省、自治区、直辖市或计划单列市"
          onOpen={() => onOpenSheet('region')}
        />
      </Field>
      <Field
        label="注册地行政区划代码"
        required
        error={tried || (regionValid && !authority) ? (serverErrors.region ?? regionProblem) : serverErrors.region}
        warning={regionWarning}
        warningClassName="region-warning"
        hint="6 位，精确到区县，如深圳市南山区 440305"
      >
        <TextInput
          className="region-code-input"
          value={form.region}
          type="number"
          maxlength={6}
          placeholder="6 位数字"
          onChange={(v) => set('region', v.replace(/\D/g, '').slice(0, 6))}
        />
        {codeDivision && authorityRegionOf(codeDivision) && form.region !== codeDivision && (
          <View className="register__use-code region-use-code" onClick={() => set('region', codeDivision)}>
            使用信用代码中的区划 {codeDivision}（{regionName(authorityRegionOf(codeDivision) ?? '')}）
          </View>
        )}
        {authority && <Text className="register__authority">由{regionName(authority)}中小企业主管部门初审</Text>}
      </Field>
    </FormCard>
  );
}
