/**
 * One event: what, when, where, who organises; registration for a signed-in enterprise (大企业 as 发布需求 host
 * with its needs, others as 参会对接 participant with offers and needs, fields for the pre-matching); once
 * registered, its status and the way to the pass.
 *
 * Test hooks: `ev-detail`, `ev-register` (the form card), `ev-register__role` chips (`chip`), `ev-register__offers`,
 * `ev-register__needs`, `ev-register__submit`, `ev-registered` (status card), `ev-registered__pass`.
 */
import { useCallback, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { FIELDS, REGISTRATION_ROLES } from '@jiebang/shared';
import type { FieldKey, MatchEvent, RegistrationRole } from '@jiebang/shared';
import * as events from '../../../../services/events';
import { ApiError, errorMessage } from '../../../../services/http';
import { useAsync } from '../../../../hooks/use-async';
import { useMe } from '../../../../hooks/use-me';
import { useNow } from '../../../../hooks/use-now';
import { ActionButton, Chips, Field, FormCard, TextField, type OwnTextFieldSpec } from '../../../../components/form';
import { ErrorState, LoadingState } from '../../../../components/state-view';
import {
  chainText,
  eventStatusText,
  eventTimeText,
  eventTypeText,
  registrationStatusText,
  shortTime,
} from '../../../../lib/events';
import { regionText } from '../../../../lib/format';
import '../../events.scss';
import './index.scss';

const FIELD_OPTIONS = (Object.keys(FIELDS) as FieldKey[]).map((f) => [f, FIELDS[f]] as const);

const NEEDS: OwnTextFieldSpec = {
  label: '合作需求',
  area: true,
  className: 'ev-register__needs',
  maxlength: 500,
  placeholder: '希望对接的技术、产品、配套或服务',
};
/** A host publishes its needs to the participants: they are required. */
const HOST_NEEDS: OwnTextFieldSpec = { ...NEEDS, label: '合作需求（发布给参会企业）', required: true };
const OFFERS: OwnTextFieldSpec = {
  label: '可提供的技术、产品或服务',
  area: true,
  className: 'ev-register__offers',
  maxlength: 500,
  placeholder: '用于预对接匹配：写明核心技术、产品和指标',
};

function RegisterForm({ event, onDone }: { event: MatchEvent; onDone: () => void }) {
  const me = useMe();
  const isLarge = me.status === 'ready' && me.me.org?.kind === 'large';
  const [role, setRole] = useState<RegistrationRole>(isLarge ? 'host' : 'participant');
  const [offers, setOffers] = useState('');
  const [needs, setNeeds] = useState('');
  const [fields, setFields] = useState<FieldKey[]>([event.chain]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  if (me.status === 'signed-out' || (me.status === 'ready' && !me.me.org)) {
    return (
      <FormCard title="报名参会" className="ev-register">
        <Text className="ev-section__text">
          {me.status === 'signed-out'
            ? '请先在“我的”登录，并登记企业后报名。'
            : '请先在“我的”登记企业，再以企业身份报名。'}
        </Text>
        <ActionButton text="去登录 / 登记企业" onClick={() => void Taro.switchTab({ url: '/pages/mine/index' })} />
      </FormCard>
    );
  }
  if (me.status !== 'ready') return <LoadingState />;

  async function submit() {
    setBusy(true);
    setErrors({});
    try {
      await events.register(event.id, { role, offers, needs, fields });
      void Taro.showToast({ title: '已报名，等待审核', icon: 'success' });
      onDone();
    } catch (err) {
      const f = err instanceof ApiError ? (err.fields ?? {}) : {};
      setErrors({ ...f, '(root)': errorMessage(err) });
    } finally {
      setBusy(false);
    }
  }

  const roles = (Object.keys(REGISTRATION_ROLES) as RegistrationRole[])
    .filter((r) => r === 'participant' || isLarge)
    .map((r) => [r, REGISTRATION_ROLES[r]] as const);
  return (
    <FormCard
      title="报名参会"
      desc={`报名截止 ${shortTime(event.registrationDeadline)}，主办方审核后生成参会凭证`}
      className="ev-register"
    >
      <Field label="参会身份" required error={errors.role}>
        <Chips className="ev-register__role" options={roles} value={[role]} onChange={setRole} />
      </Field>
      <TextField spec={role === 'host' ? HOST_NEEDS : NEEDS} value={needs} onChange={setNeeds} error={errors.needs} />
      {role === 'participant' && <TextField spec={OFFERS} value={offers} onChange={setOffers} error={errors.offers} />}
      <Field label="所属领域（最多 3 个）" error={errors.fields}>
        <Chips
          options={FIELD_OPTIONS}
          value={fields}
          onChange={(f) =>
            setFields((all) => (all.includes(f) ? all.filter((x) => x !== f) : all.length < 3 ? [...all, f] : all))
          }
        />
      </Field>
      {errors['(root)'] && <Text className="field-error">{errors['(root)']}</Text>}
      <ActionButton className="ev-register__submit" text="提交报名" busy={busy} onClick={() => void submit()} />
    </FormCard>
  );
}

export default function EventPage() {
  const id = useRouter().params.id ?? '';
  const load = useCallback(() => events.get(id), [id]);
  const ev = useAsync(load);
  const me = useMe();
  const signedInWithOrg = me.status === 'ready' && !!me.me.org;
  const loadMine = useCallback(
    () =>
      events
        .myRegistration(id)
        .catch((err) => (err instanceof ApiError && err.status === 404 ? null : Promise.reject(err))),
    [id],
  );
  const mine = useAsync(signedInWithOrg ? loadMine : null);
  const now = useNow(30_000);

  if (ev.status === 'loading') return <LoadingState />;
  if (ev.status === 'error') return <ErrorState message={errorMessage(ev.error)} onRetry={ev.reload} />;
  const e = ev.value;
  const open = e.status === 'published' && Date.parse(e.registrationDeadline) > now.getTime();
  return (
    <View className="ev-detail">
      <View className="ev-detail__header">
        <View className="ev-card__tags">
          <Text className="ev-card__tag">{eventTypeText(e.type)}</Text>
          <Text className="ev-card__tag">{chainText(e.chain)}</Text>
          <Text className="ev-card__tag ev-card__tag--status">{eventStatusText(e.status)}</Text>
        </View>
        <Text className="ev-detail__title">{e.title}</Text>
        <Text className="ev-detail__fact">时间：{eventTimeText(e.startsAt, e.endsAt)}</Text>
        <Text className="ev-detail__fact">
          地点：{e.venue ?? '线上'}
          {e.onlineUrl ? '（含线上）' : ''} · {regionText(e.region)}
        </Text>
        <Text className="ev-detail__fact">主办：{e.organiser.name}</Text>
        {e.coOrganisers.length > 0 && <Text className="ev-detail__fact">协办：{e.coOrganisers.join('、')}</Text>}
        <Text className="ev-detail__fact">
          报名截止：{shortTime(e.registrationDeadline)}
          {e.capacity ? ` · 名额 ${e.capacity}（已通过 ${e.approvedCount}）` : ''}
        </Text>
        {e.status === 'cancelled' && <Text className="ev-detail__cancelled">活动已取消：{e.cancelReason}</Text>}
      </View>
      <View className="ev-section">
        <Text className="ev-section__title">活动介绍</Text>
        <Text className="ev-section__text">{e.description}</Text>
      </View>
      {mine.status === 'ready' && mine.value && (
        <View className="ev-section ev-registered">
          <Text className="ev-section__title">
            本企业已报名 · {registrationStatusText(mine.value.registration.status)}
          </Text>
          {mine.value.registration.comment && (
            <Text className="ev-section__text">审核意见：{mine.value.registration.comment}</Text>
          )}
          <ActionButton
            className="ev-registered__pass"
            text={mine.value.pass ? '查看参会凭证与洽谈安排' : '查看报名'}
            onClick={() => void Taro.navigateTo({ url: `/subpackages/events/pages/pass/index?id=${id}` })}
          />
        </View>
      )}
      {open && (mine.status === 'ready' ? !mine.value : !signedInWithOrg) && (
        <View className="ev-detail__form">
          <RegisterForm event={e} onDone={mine.reload} />
        </View>
      )}
      {!open && mine.status !== 'ready' && <Text className="ev-detail__closed">报名已截止或活动不在报名中</Text>}
    </View>
  );
}
