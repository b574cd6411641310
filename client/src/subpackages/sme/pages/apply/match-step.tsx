import { Text, View } from '@tarojs/components';
import type { CatalogueDetail } from '@jiebang/shared';
import { Field, TextArea } from '../../../../components/form';
import { DemandView } from '../../../../components/demand-view';
import type { StepProps } from './step-props';

/** 揭榜申请书 step · 与需求匹配度, beside the demand's indicators. */
export function MatchStep({ form, update, err, demand }: StepProps & { demand: CatalogueDetail | null }) {
  return (
    <>
      {demand && <DemandView variant="indicators" demand={demand} />}
      <View className="form-card">
        <Text className="form-card__title">与需求匹配度</Text>
        <Field
          label="匹配度说明"
          required
          error={err('match')}
          hint="逐项说明方案如何满足需求的技术指标、成果形式和进度要求"
        >
          <TextArea className="apply-match" value={form.match} maxlength={2000} onChange={(v) => update('match', v)} />
        </Field>
      </View>
    </>
  );
}
