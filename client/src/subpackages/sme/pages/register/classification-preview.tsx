import { Text, View } from '@tarojs/components';
import { SIZE_LABELS } from '@jiebang/shared';
import type { Metric, classify } from '@jiebang/shared';
import { METRICS, type RegisterKind } from '../../lib/register-form';

/** The live 划型 under the figures, and the refusal of a large enterprise registering as an SME. */
export function ClassificationPreview({
  kind,
  result,
  refusal,
  metricsNeeded,
}: {
  kind: RegisterKind;
  result: ReturnType<typeof classify> | null;
  refusal: string;
  metricsNeeded: Metric[];
}) {
  if (!result) {
    return (
      <View className="classification-preview is-pending">
        <Text className="classification-preview__title">自动划型</Text>
        <Text className="classification-preview__rule">
          选择行业并填写数据后，将按《中小企业划型标准规定》自动划型。
        </Text>
      </View>
    );
  }
  if (!result.ok) {
    const missing = result.missing.map((m) => METRICS[m].label).join('、');
    return (
      <View className="classification-preview is-pending">
        <Text className="classification-preview__title">自动划型</Text>
        <Text className="classification-preview__rule">
          还需填写：{missing}（本行业按{metricsNeeded.map((m) => METRICS[m].label).join('、')}划型）
        </Text>
      </View>
    );
  }
  const refused = kind === 'sme' && !result.isSme;
  return (
    <View className={`classification-preview ${result.isSme ? 'is-sme' : 'is-large'}`}>
      <Text className="classification-preview__title">
        按《中小企业划型标准规定》，贵企业为{SIZE_LABELS[result.size]}
      </Text>
      <Text className="classification-preview__rule">{result.rule}</Text>
      {(refused || refusal) && (
        <Text className="classification-refusal">
          {refusal || '大型企业不能以中小企业身份登记和揭榜。如贵企业要发布技术需求，请在上方选择“大型企业 · 发榜”。'}
        </Text>
      )}
      {kind === 'large' && result.isSme && (
        <Text className="classification-preview__note">
          按标准贵企业属于中小企业，如需揭榜，请选择“中小企业 · 揭榜”。
        </Text>
      )}
    </View>
  );
}
