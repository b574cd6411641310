/**
 * The enterprise's registration of one event: status, the pass (QR code of the single-use check-in code, the code
 * under it for typing), the pre-matched partners and the other approved registrants with 预约洽谈 (a slot picker),
 * meeting requests to accept or decline (the counterpart's contact once accepted), outcomes to record and confirm.
 *
 * Test hooks: `ev-pass`, `ev-pass__status`, `qr-code`, `ev-pass__code`, `ev-partner` (`data-id`), `ev-meeting`
 * (`data-status`), `ev-meeting__accept`, `ev-meeting__decline`, `ev-meeting__outcome` (登记成果), `ev-pass__kind`
 * (`data-kind`, in the outcome dialog), `ev-outcome`, `ev-outcome__confirm`.
 */
import { useCallback, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Picker, Text, View } from '@tarojs/components';
import { EVENT_OUTCOME_KINDS, MEETING_STATUSES, REGISTRATION_ROLES } from '@jiebang/shared';
import type { EventOutcomeKind, MatchEvent, MyRegistration } from '@jiebang/shared';
import * as events from '../../../../services/events';
import { errorMessage } from '../../../../services/http';
import { useAsync } from '../../../../hooks/use-async';
import { useNow } from '../../../../hooks/use-now';
import { Button, ButtonLook } from '../../../../components/button';
import { ErrorState, LoadingState } from '../../../../components/state-view';
import { Dialog } from '../../../../components/dialog';
import { QrCode } from '../../../../components/qr-code';
import { eventTimeText, registrationStatusText, shortTime, slotsOf } from '../../../../lib/events';
import '../../events.scss';
import './index.scss';
import { showModal } from '../../../../lib/modal';

const KINDS = Object.keys(EVENT_OUTCOME_KINDS) as EventOutcomeKind[];

async function act(what: () => Promise<unknown>, done: string, after: () => void) {
  try {
    await what();
    void Taro.showToast({ title: done, icon: 'success' });
    after();
  } catch (err) {
    void showModal({ title: '未能完成', content: errorMessage(err), showCancel: false });
  }
}

function MeetingButton({ event, regId, onDone }: { event: MatchEvent; regId: string; onDone: () => void }) {
  const slots = slotsOf(event);
  return (
    <Picker
      mode="selector"
      range={slots.map(shortTime)}
      onChange={(e) =>
        void act(() => events.requestMeeting(event.id, regId, slots[Number(e.detail.value)]!), '已发送预约', onDone)
      }
    >
      <ButtonLook kind="secondary" className="ev-partner__meet">
        预约洽谈
      </ButtonLook>
    </Picker>
  );
}

function Content({ event, mine, reload }: { event: MatchEvent; mine: MyRegistration; reload: () => void }) {
  const r = mine.registration;
  const [outcomeFor, setOutcomeFor] = useState<{ regId: string; name: string; kind: EventOutcomeKind } | null>(null);
  const loadDir = useCallback(() => events.directory(event.id), [event.id]);
  const dir = useAsync(r.status === 'approved' ? loadDir : null);
  const partnerIds = new Set(
    mine.partners.map((p) => (p.hostRegistrationId === r.id ? p.participantRegistrationId : p.hostRegistrationId)),
  );
  const open = event.status === 'published';
  const now = useNow(30_000);
  const accepted = mine.meetings.filter((m) => m.status === 'accepted');

  return (
    <View className="ev-pass">
      <View className="ev-pass__head">
        <Text className="ev-pass__event">{event.title}</Text>
        <Text className="ev-pass__time">
          {eventTimeText(event.startsAt, event.endsAt)} · {event.venue ?? '线上'}
        </Text>
        <Text className="ev-pass__status">
          {r.orgName} · {REGISTRATION_ROLES[r.role]} · {registrationStatusText(r.status)}
          {r.checkedInAt ? ' · 已签到' : ''}
        </Text>
        {r.comment && <Text className="ev-pass__comment">审核意见：{r.comment}</Text>}
      </View>

      {mine.pass ? (
        <View className="ev-section ev-pass__card">
          <Text className="ev-section__title">参会凭证</Text>
          <View className="ev-pass__qr">
            <QrCode value={mine.pass.code} size={220} />
          </View>
          <Text className="ev-pass__code">{mine.pass.code.replace(/(.{4})(?=.)/g, '$1 ')}</Text>
          <Text className="ev-section__sub">入场时向工作人员出示二维码；签到码只能使用一次，请勿转发。</Text>
        </View>
      ) : (
        <View className="ev-section">
          <Text className="ev-section__text">
            {r.status === 'pending'
              ? '报名待主办方审核，通过后这里会显示参会凭证（签到二维码）。'
              : '报名未通过，不能参会。'}
          </Text>
        </View>
      )}

      {mine.meetings.length > 0 && (
        <View className="ev-section">
          <Text className="ev-section__title">洽谈安排</Text>
          {mine.meetings.map((m) => {
            const incoming = m.toRegistrationId === r.id;
            return (
              <View key={m.id} className="ev-section__row ev-meeting" data-status={m.status}>
                <View className="ev-section__row-main">
                  <Text className="ev-section__name">{incoming ? m.fromOrgName : m.toOrgName}</Text>
                  <Text className="ev-section__sub">
                    {shortTime(m.slotStart)}–{shortTime(m.slotEnd).slice(6)} · {incoming ? '对方预约' : '我方预约'} ·{' '}
                    {MEETING_STATUSES[m.status]}
                  </Text>
                  {m.counterpartContact && (
                    <Text className="ev-section__sub ev-meeting__contact">
                      联系人：{m.counterpartContact.name} {m.counterpartContact.phone}
                    </Text>
                  )}
                </View>
                {incoming && m.status === 'requested' && (
                  <View className="ev-section__actions">
                    <Button
                      className="ev-meeting__accept"
                      onClick={() => void act(() => events.decideMeeting(m.id, 'accept'), '已接受', reload)}
                    >
                      接受
                    </Button>
                    <Button
                      kind="danger"
                      className="ev-meeting__decline"
                      onClick={() => void act(() => events.decideMeeting(m.id, 'decline'), '已婉拒', reload)}
                    >
                      婉拒
                    </Button>
                  </View>
                )}
                {m.status === 'accepted' && Date.parse(event.startsAt) <= now.getTime() && (
                  <Button
                    kind="secondary"
                    className="ev-meeting__outcome"
                    onClick={() => {
                      const other = incoming ? m.fromRegistrationId : m.toRegistrationId;
                      setOutcomeFor({ regId: other, name: incoming ? m.fromOrgName : m.toOrgName, kind: 'intention' });
                    }}
                  >
                    登记成果
                  </Button>
                )}
              </View>
            );
          })}
        </View>
      )}

      {mine.outcomes.length > 0 && (
        <View className="ev-section">
          <Text className="ev-section__title">对接成果</Text>
          {mine.outcomes.map((o) => (
            <View key={o.id} className="ev-section__row ev-outcome">
              <View className="ev-section__row-main">
                <Text className="ev-section__name">
                  {EVENT_OUTCOME_KINDS[o.kind]}
                  {o.amount !== undefined ? ` ${o.amount} 万元` : ''}
                </Text>
                <Text className="ev-section__sub">
                  {o.byOrgName} — {o.withOrgName} · {o.status === 'confirmed' ? '已确认' : '待确认'}
                </Text>
              </View>
              {o.status === 'recorded' && o.withRegistrationId === r.id && (
                <Button
                  className="ev-outcome__confirm"
                  onClick={() => void act(() => events.confirmOutcome(o.id), '已确认', reload)}
                >
                  确认
                </Button>
              )}
            </View>
          ))}
        </View>
      )}

      {r.status === 'approved' && open && (
        <View className="ev-section">
          <Text className="ev-section__title">{mine.partners.length > 0 ? '预对接企业与参会企业' : '参会企业'}</Text>
          {dir.status === 'loading' && <Text className="ev-section__sub">加载中…</Text>}
          {dir.status === 'error' && <Text className="ev-section__sub">{errorMessage(dir.error)}</Text>}
          {dir.status === 'ready' &&
            [...dir.value.items]
              .filter((x) => x.id !== r.id)
              .sort((a, b) => Number(partnerIds.has(b.id)) - Number(partnerIds.has(a.id)))
              .map((x) => {
                const pair = mine.partners.find(
                  (p) => p.hostRegistrationId === x.id || p.participantRegistrationId === x.id,
                );
                return (
                  <View key={x.id} className="ev-section__row ev-partner" data-id={x.id}>
                    <View className="ev-section__row-main">
                      <Text className="ev-section__name">
                        {partnerIds.has(x.id) ? '★ ' : ''}
                        {x.orgName}
                      </Text>
                      <Text className="ev-section__sub">
                        {REGISTRATION_ROLES[x.role]} ·{' '}
                        {(x.role === 'host' ? x.needs : x.offers || x.needs).slice(0, 40)}
                      </Text>
                      {pair && <Text className="ev-section__sub">预对接：{pair.reasons.join('；')}</Text>}
                    </View>
                    <MeetingButton event={event} regId={x.id} onDone={reload} />
                  </View>
                );
              })}
        </View>
      )}
      {accepted.length === 0 && r.status === 'approved' && (
        <Text className="ev-pass__hint">洽谈被对方接受后，双方可以看到彼此的联系人。</Text>
      )}

      <Dialog
        open={!!outcomeFor}
        title={`登记与 ${outcomeFor?.name ?? ''} 的对接成果`}
        message={`类型：${outcomeFor ? EVENT_OUTCOME_KINDS[outcomeFor.kind] : ''}（签约合同请填写金额，单位万元）`}
        input={
          outcomeFor?.kind === 'contract'
            ? { label: '金额', placeholder: '金额（万元）', required: true, maxLength: 10 }
            : undefined
        }
        confirmText="提交，请对方确认"
        onCancel={() => setOutcomeFor(null)}
        onConfirm={(text) => {
          const o = outcomeFor!;
          setOutcomeFor(null);
          void act(
            () =>
              events.recordOutcome(event.id, {
                withRegistrationId: o.regId,
                kind: o.kind,
                ...(o.kind === 'contract' ? { amount: Number(text) } : {}),
              }),
            '已登记',
            reload,
          );
        }}
      >
        {outcomeFor && (
          <View className="ev-pass__kinds">
            {KINDS.map((k) => (
              <Button
                key={k}
                kind={outcomeFor.kind === k ? 'primary' : 'secondary'}
                className={`ev-pass__kind${outcomeFor.kind === k ? ' is-on' : ''}`}
                data={{ kind: k }}
                onClick={() => setOutcomeFor({ ...outcomeFor, kind: k })}
              >
                {EVENT_OUTCOME_KINDS[k]}
              </Button>
            ))}
          </View>
        )}
      </Dialog>
    </View>
  );
}

export default function PassPage() {
  const id = useRouter().params.id ?? '';
  const load = useCallback(() => Promise.all([events.get(id), events.myRegistration(id)]), [id]);
  const state = useAsync(load);
  if (state.status === 'loading') return <LoadingState />;
  if (state.status === 'error') return <ErrorState message={errorMessage(state.error)} onRetry={state.reload} />;
  const [event, mine] = state.value;
  return <Content event={event} mine={mine} reload={state.reload} />;
}
