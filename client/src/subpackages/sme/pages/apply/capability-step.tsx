import { Text, View } from '@tarojs/components';
import { Field, TextArea, TextInput } from '../../../../components/form';
import { decimal, digitsOnly, type StepProps } from './step-props';

/** 揭榜申请书 step · 研发能力. */
export function CapabilityStep({ form, update, err }: StepProps) {
  return (
    <View className="form-card">
      <Text className="form-card__title">研发能力</Text>
      <Field label="研发投入占营业收入比例" required error={err('capability.rndSpendingRatio')} hint="上一年度，0–100">
        <TextInput
          className="apply-rnd-ratio"
          type="digit"
          value={form.rndSpendingRatio}
          maxlength={6}
          suffix="%"
          onChange={(v) => update('rndSpendingRatio', decimal(v))}
        />
      </Field>
      <Field label="有效发明专利" required error={err('capability.inventionPatents')}>
        <TextInput
          className="apply-patents"
          type="number"
          value={form.inventionPatents}
          maxlength={7}
          suffix="件"
          onChange={(v) => update('inventionPatents', digitsOnly(v))}
        />
      </Field>
      <Field label="其他知识产权（选填）" error={err('capability.otherIp')}>
        <TextArea
          className="apply-other-ip"
          value={form.otherIp}
          maxlength={2000}
          placeholder="实用新型、软件著作权、标准等"
          onChange={(v) => update('otherIp', v)}
        />
      </Field>
      <Field label="研发平台/实验室（选填）" error={err('capability.platforms')}>
        <TextArea
          className="apply-platforms"
          value={form.platforms}
          maxlength={2000}
          placeholder="如 省级企业技术中心、重点实验室"
          onChange={(v) => update('platforms', v)}
        />
      </Field>
      <Field label="相关项目经历（选填）" error={err('capability.pastProjects')}>
        <TextArea
          className="apply-past-projects"
          value={form.pastProjects}
          maxlength={2000}
          placeholder="与本需求相关的已完成项目"
          onChange={(v) => update('pastProjects', v)}
        />
      </Field>
    </View>
  );
}
