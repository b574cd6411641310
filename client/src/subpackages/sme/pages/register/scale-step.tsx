import { INDUSTRIES } from '@jiebang/shared';
import { Field, FormCard, SelectLine, TextInput } from '../../../../components/form';
import { METRICS } from '../../lib/register-form';
import { ClassificationPreview } from './classification-preview';
import type { RegisterFormApi } from './use-register-form';

/** 企业规模: the industry and the figures the 300号 table needs, with the live classification. */
export function ScaleStep({
  f,
  onOpenSheet,
}: {
  f: RegisterFormApi;
  onOpenSheet: (sheet: 'region' | 'industry') => void;
}) {
  const { form, set, refusal, shown, metrics, classification } = f;
  return (
    <FormCard title="企业规模" desc="按行业填写划型所需的数据，其余不必填写。">
      <Field label="所属行业" required error={shown('industry')}>
        <SelectLine
          className="industry-select"
          text={form.industry ? INDUSTRIES[form.industry] : undefined}
          placeholder="选择行业（16 类）"
          onOpen={() => onOpenSheet('industry')}
        />
      </Field>
      {metrics.map((m) => (
        <Field key={m} label={METRICS[m].label} required error={shown(m)} hint={METRICS[m].hint}>
          <TextInput
            className={`metric-input metric-input--${m}`}
            value={form[m]}
            type={METRICS[m].type}
            maxlength={12}
            suffix={METRICS[m].unit}
            placeholder="0"
            onChange={(v) => set(m, v.replace(/[^\d.]/g, ''))}
          />
        </Field>
      ))}
      <ClassificationPreview kind={form.kind} result={classification} refusal={refusal} metricsNeeded={metrics} />
    </FormCard>
  );
}
