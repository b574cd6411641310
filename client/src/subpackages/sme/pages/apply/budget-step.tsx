import { Text, View } from '@tarojs/components';
import type { CatalogueDetail } from '@jiebang/shared';
import { Field, TextArea, TextInput } from '../../../../components/form';
import { budgetText } from '../../../../lib/format';
import { decimal, type StepProps } from './step-props';

/** 揭榜申请书 step · 项目预算 (optional). */
export function BudgetStep({ form, update, err, demand }: StepProps & { demand: CatalogueDetail | null }) {
  return (
    <View className="form-card">
      <Text className="form-card__title">项目预算（选填）</Text>
      {demand && <Text className="form-card__desc">需求方预算：{budgetText(demand.budget)}</Text>}
      <Field label="预算金额" error={err('budget.amount')}>
        <TextInput
          className="apply-budget-amount"
          type="digit"
          value={form.budgetAmount}
          maxlength={10}
          suffix="万元"
          onChange={(v) => update('budgetAmount', decimal(v))}
        />
      </Field>
      <Field label="预算说明" error={err('budget.note')}>
        <TextArea
          className="apply-budget-note"
          value={form.budgetNote}
          maxlength={500}
          placeholder="主要支出构成、自筹比例等"
          onChange={(v) => update('budgetNote', v)}
        />
      </Field>
    </View>
  );
}
