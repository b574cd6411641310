/**
 * 填写需求表 (create, or edit a draft / returned demand with `?id=`). Every field of the 需求表, validated with the
 * shared `demandInputSchema` (messages under each input; a 400's `fields` land in the same places), autosaved to
 * this device on every change (debounced) and restored when the page is reopened, saved to the server as a draft
 * (POST, then PUT with the version) and submitted through the chosen channel.
 *
 * The fields are the shared form kit's (components/form: Field, TextInput, TextArea, Chips, PickerLine, FormCard);
 * only the segmented 需求类型, the indicator rows, the switch rows and the weights are drawn here.
 *
 * Test hooks (stable class names): `demand-form`, `form-item` (the Field's `form-field`, with `data-field` and
 * `is-invalid`), `field-error`; inputs `demand-form__title`, `demand-form__category`, `demand-form__background`,
 * `demand-form__difficulties` (the input or textarea inside), `demand-form__indicator` rows with
 * `demand-form__indicator-name` / `demand-form__indicator-target` / `demand-form__indicator-remove`,
 * `demand-form__indicator-add`; options `demand-form__field-option`, `demand-form__outcome`, `demand-form__mode`
 * (chips, `is-on`) and `demand-form__type` (segmented, `is-selected`), each with `data-value`;
 * `demand-form__budget`, `demand-form__negotiable`; pickers `demand-form__deadline-date`,
 * `demand-form__deadline-time`, `demand-form__completion`; `demand-form__anonymous` (toggle, `is-on`);
 * `demand-form__contact-name|title|phone|email`; `demand-form__weights-toggle`, `demand-form__weight` (in a
 * `weights-edit__item[data-key]`), `demand-form__weight-sum`; `demand-form__restored`, `demand-form__autosave`,
 * `demand-form__save`, `demand-form__submit`; then the
 * channel sheet of `SubmitFlow`. On H5 an input's class sits on Taro's wrapper element: type into its inner
 * `input` / `textarea`. Pickers open Taro's picker (`.weui-picker__action` 确定 accepts the preselected value).
 */
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { DEMAND_STATUSES } from '@jiebang/shared';
import { Button } from '../../../../components/button';
import { ErrorState, LoadingState } from '../../../../components/state-view';
import { clearLocalDraft } from '../../lib/draft-store';
import { SubmitFlow } from '../../components/submit-flow';
import { useDemandForm, DEMAND_PAGE } from './use-demand-form';
import { timeOf } from './form-parts';
import { BasicsSection } from './basics-section';
import { ContentSection } from './content-section';
import { IndicatorsSection } from './indicators-section';
import { CooperationSection } from './cooperation-section';
import { ScheduleSection } from './schedule-section';
import { DisclosureSection } from './disclosure-section';
import { ContactSection } from './contact-section';
import { WeightsSection } from './weights-section';
import './index.scss';

export default function DemandFormPage() {
  const { params } = useRouter();
  const initialId = params.id ? decodeURIComponent(params.id) : null;
  const f = useDemandForm(initialId);
  const {
    load,
    campaign,
    saved,
    returnComment,
    autosavedAt,
    restoredAt,
    busy,
    submitOpen,
    setSubmitOpen,
    retry,
    saveDraft,
    startSubmit,
    discardRestored,
  } = f;

  if (load.kind === 'loading') return <LoadingState text="正在准备需求表…" />;
  if (load.kind === 'error') {
    return (
      <View className="demand-form-page demand-form-page--state">
        <ErrorState message={load.message} onRetry={retry} />
      </View>
    );
  }
  if (load.kind === 'locked') {
    return (
      <View className="demand-form-page demand-form-page--state">
        <ErrorState
          message={`该需求当前状态为“${DEMAND_STATUSES[load.demand.status]}”，不能修改`}
          onRetry={() => void Taro.redirectTo({ url: `${DEMAND_PAGE}?id=${encodeURIComponent(load.demand.id)}` })}
        />
      </View>
    );
  }

  return (
    <View className="demand-form-page">
      <View className="demand-form">
        {returnComment !== null && (
          <View className="form-banner form-banner--warn demand-form__notice demand-form__notice--returned">
            <Text className="demand-form__notice-title">需求已被退回，请按审核意见修改后重新报送</Text>
            {returnComment && <Text className="demand-form__notice-text">审核意见：{returnComment}</Text>}
          </View>
        )}
        {!campaign && (
          <View className="form-banner form-banner--warn demand-form__no-campaign">
            <Text>当前没有进行中的年度发榜工作，暂不能保存到服务器；填写内容会自动保存在本机。</Text>
          </View>
        )}
        {restoredAt && (
          <View className="form-banner form-banner--info demand-form__restored">
            <Text className="demand-form__restored-text">已恢复本机自动保存的内容（{timeOf(restoredAt)}）</Text>
            <Text className="demand-form__restored-discard" onClick={() => void discardRestored()}>
              放弃
            </Text>
          </View>
        )}

        <BasicsSection f={f} />

        <ContentSection f={f} />

        <IndicatorsSection f={f} />

        <CooperationSection f={f} />

        <ScheduleSection f={f} />

        <DisclosureSection f={f} />

        <ContactSection f={f} />

        <WeightsSection f={f} />

        <View className="demand-form__space" />
      </View>

      <View className="demand-form__bar">
        <Text className="demand-form__autosave">
          {autosavedAt
            ? `已自动保存到本机 ${timeOf(autosavedAt)}`
            : saved
              ? `草稿已保存 · ${DEMAND_STATUSES[saved.status]}`
              : '填写内容会自动保存在本机'}
        </Text>
        <View className="demand-form__buttons">
          {(
            [
              ['save', '保存草稿', '保存中…', saveDraft],
              ['submit', '提交审核', '正在保存…', startSubmit],
            ] as const
          ).map(([what, text, busyText, run]) => (
            <Button
              key={what}
              kind={what === 'submit' ? 'primary' : 'secondary'}
              size="large"
              busy={busy === what}
              className={`demand-form__${what}${busy ? ' is-busy' : ''}`}
              onClick={() => void run()}
            >
              {busy === what ? busyText : text}
            </Button>
          ))}
        </View>
      </View>

      {saved && (
        <SubmitFlow
          open={submitOpen}
          demand={saved}
          onClose={() => setSubmitOpen(false)}
          onSubmitted={(d) => {
            setSubmitOpen(false);
            clearLocalDraft(d.id);
            void Taro.redirectTo({ url: `${DEMAND_PAGE}?id=${encodeURIComponent(d.id)}` });
          }}
        />
      )}
    </View>
  );
}
