/**
 * The organiser's console of one event: 报名审核 (approve, or reject with a reason), 预对接名单 (the platform's
 * suggestions with reasons, fixed after a confirmation), 现场签到 (Taro.scanCode in the mini-program; on H5 the
 * code is typed) and the .xlsx export.
 *
 * Test hooks: `console__tab` (`data-tab`), `console-reg` (`data-id`, `data-status`), `console-reg__approve`,
 * `console-reg__reject`, `console-pair`, `console__fix`, `console__scan`, `console__code` (input),
 * `console__check-in`, `console__checked` (last result), `console__export`, `console__audit` (the event's trail).
 */
import { useCallback, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { REGISTRATION_ROLES } from '@jiebang/shared';
import * as events from '../../../../services/events';
import { errorMessage } from '../../../../services/http';
import { useAsync } from '../../../../hooks/use-async';
import { Button } from '../../../../components/button';
import { ActionButton, TextField, type OwnTextFieldSpec } from '../../../../components/form';
import { Dialog } from '../../../../components/dialog';
import { AuditLink } from '../../../../components/audit-link';
import { EmptyState, ErrorState, LoadingState } from '../../../../components/state-view';
import { eventStatusText, eventTimeText, registrationStatusText, shortTime } from '../../../../lib/events';
import '../../../events/events.scss';
import './index.scss';
import { showModal } from '../../../../lib/modal';

type Tab = 'registrations' | 'prematch' | 'checkin';
const TABS: [Tab, string][] = [
  ['registrations', '报名审核'],
  ['prematch', '预对接名单'],
  ['checkin', '现场签到'],
];

const failed = (title: string) => (err: unknown) =>
  void showModal({ title, content: errorMessage(err), showCancel: false });

function Registrations({ id, onApproved }: { id: string; onApproved: () => void }) {
  const load = useCallback(() => events.registrations(id), [id]);
  const list = useAsync(load);
  const [rejecting, setRejecting] = useState<string | null>(null);
  if (list.status === 'loading') return <LoadingState />;
  if (list.status === 'error') return <ErrorState message={errorMessage(list.error)} onRetry={list.reload} />;
  const items = list.value.items;
  const decide = (regId: string, decision: 'approve' | 'reject', comment?: string) =>
    events.decide(id, regId, decision, comment).then(() => {
      void Taro.showToast({ title: decision === 'approve' ? '已通过' : '已不通过', icon: 'success' });
      if (decision === 'approve') onApproved();
      list.reload();
    }, failed('未能审核'));
  if (items.length === 0) return <EmptyState text="还没有企业报名" />;
  return (
    <View className="ev-section">
      <Text className="ev-section__title">
        报名企业 {items.length} 家 · 待审核 {items.filter((r) => r.status === 'pending').length}
      </Text>
      {items.map((r) => (
        <View key={r.id} className="ev-section__row console-reg" data-id={r.id} data-status={r.status}>
          <View className="ev-section__row-main">
            <Text className="ev-section__name">{r.orgName}</Text>
            <Text className="ev-section__sub">
              {REGISTRATION_ROLES[r.role]} · {registrationStatusText(r.status)}
              {r.checkedInAt ? ` · ${shortTime(r.checkedInAt).slice(6)} 签到` : ''}
            </Text>
            <Text className="ev-section__sub">{(r.needs || r.offers).slice(0, 60)}</Text>
            <Text className="ev-section__sub">
              联系人：{r.contact.name} {r.contact.phone}
            </Text>
          </View>
          {r.status === 'pending' && (
            <View className="ev-section__actions">
              <Button className="console-reg__approve" onClick={() => void decide(r.id, 'approve')}>
                通过
              </Button>
              <Button kind="danger" className="console-reg__reject" onClick={() => setRejecting(r.id)}>
                不通过
              </Button>
            </View>
          )}
        </View>
      ))}
      <Dialog
        open={!!rejecting}
        title="报名不通过"
        input={{ label: '原因', placeholder: '告诉企业为什么不通过', required: true, minLength: 2, maxLength: 500 }}
        confirmText="不通过"
        danger
        onCancel={() => setRejecting(null)}
        onConfirm={(text) => {
          const regId = rejecting!;
          setRejecting(null);
          void decide(regId, 'reject', text);
        }}
      />
    </View>
  );
}

function Prematch({ id }: { id: string }) {
  const load = useCallback(() => events.prematch(id), [id]);
  const list = useAsync(load);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  if (list.status === 'loading') return <LoadingState text="正在计算预对接名单…" />;
  if (list.status === 'error') return <ErrorState message={errorMessage(list.error)} onRetry={list.reload} />;
  const { fixedAt, pairs } = list.value;
  return (
    <View className="ev-section">
      <Text className="ev-section__title">
        {fixedAt ? `已确定 · ${shortTime(fixedAt)}` : `平台建议 ${pairs.length} 对`}
      </Text>
      <Text className="ev-section__sub">按领域与产业链、关键词、地区、专精特新资质匹配发布需求企业与参会企业。</Text>
      {pairs.length === 0 && (
        <Text className="ev-section__text">暂无匹配：通过审核的发布需求企业和参会企业越多，建议越多。</Text>
      )}
      {pairs.map((p) => (
        <View key={`${p.hostRegistrationId}|${p.participantRegistrationId}`} className="ev-section__row console-pair">
          <View className="ev-section__row-main">
            <Text className="ev-section__name">
              {p.hostOrgName} × {p.participantOrgName}
            </Text>
            <Text className="ev-section__sub">{p.reasons.join('；')}</Text>
          </View>
          <Text className="console-pair__score">{p.score}</Text>
        </View>
      ))}
      {!fixedAt && pairs.length > 0 && (
        <ActionButton className="console__fix" text="确定预对接名单并通知企业" onClick={() => setConfirming(true)} />
      )}
      <Dialog
        open={confirming}
        title="确定预对接名单"
        message={`确定后名单中的 ${pairs.length} 对企业会收到通知，可以预约洽谈。`}
        confirmText="确定并通知"
        busy={busy}
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          setBusy(true);
          events
            .fixPrematch(
              id,
              pairs.map(({ hostRegistrationId, participantRegistrationId }) => ({
                hostRegistrationId,
                participantRegistrationId,
              })),
            )
            .then((fixed) => list.set(fixed), failed('未能确定名单'))
            .finally(() => {
              setBusy(false);
              setConfirming(false);
            });
        }}
      />
    </View>
  );
}

const CODE: OwnTextFieldSpec = {
  label: '或输入签到码',
  hint: '参会凭证二维码下方的 12 位字母或数字',
  className: 'console__code',
  maxlength: 16,
  placeholder: '例如 AB23 CD45 EF67',
};

function CheckIn({ id, onCheckedIn }: { id: string; onCheckedIn: () => void }) {
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [last, setLast] = useState<{ ok: boolean; text: string } | null>(null);
  const submit = (value: string) => {
    setBusy(true);
    events
      .checkIn(id, value.replace(/\s+/g, '').toUpperCase())
      .then(
        (r) => {
          setLast({ ok: true, text: `${r.orgName} 签到成功（${REGISTRATION_ROLES[r.role]}）` });
          onCheckedIn();
          setCode('');
        },
        (err) => setLast({ ok: false, text: errorMessage(err) }),
      )
      .finally(() => setBusy(false));
  };
  const scan = () =>
    Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] }).then(
      (res) => submit(res.result),
      () => undefined, // cancelled
    );
  return (
    <View className="ev-section">
      <Text className="ev-section__title">现场签到</Text>
      {process.env.TARO_ENV !== 'h5' && (
        <ActionButton className="console__scan" text="扫描参会凭证二维码" onClick={() => void scan()} />
      )}
      <TextField spec={CODE} value={code} onChange={setCode} />
      <ActionButton
        className="console__check-in"
        text="签到"
        kind="secondary"
        busy={busy}
        disabled={!code.trim()}
        onClick={() => submit(code)}
      />
      {last && <Text className={`console__checked${last.ok ? ' is-ok' : ' is-error'}`}>{last.text}</Text>}
    </View>
  );
}

export default function ConsolePage() {
  const id = useRouter().params.id ?? '';
  const load = useCallback(() => events.get(id), [id]);
  const ev = useAsync(load);
  const [tab, setTab] = useState<Tab>('registrations');
  const [exporting, setExporting] = useState(false);
  if (ev.status === 'loading') return <LoadingState />;
  if (ev.status === 'error') return <ErrorState message={errorMessage(ev.error)} onRetry={ev.reload} />;
  const e = ev.value;
  return (
    <View className="console">
      <View className="console__head">
        <Text className="console__title">{e.title}</Text>
        <Text className="console__meta">
          {eventTimeText(e.startsAt, e.endsAt)} · {eventStatusText(e)} · 已通过 {e.approvedCount}
          {e.capacity ? `/${e.capacity}` : ''} · 签到 {e.checkedInCount} · 成果 {e.confirmedOutcomes}
        </Text>
        <View className="console__actions">
          <View
            className="console__export"
            onClick={() => {
              setExporting(true);
              events
                .downloadExport(id, e.title)
                .catch(failed('未能导出'))
                .finally(() => setExporting(false));
            }}
          >
            {exporting ? '导出中…' : '导出 .xlsx'}
          </View>
          <AuditLink type="event" id={id} className="console__export console__audit" />
        </View>
      </View>
      <View className="console__tabs">
        {TABS.map(([key, label]) => (
          <View
            key={key}
            className={`console__tab${tab === key ? ' is-active' : ''}`}
            data-tab={key}
            onClick={() => setTab(key)}
          >
            {label}
          </View>
        ))}
      </View>
      {/* The header's counters follow the console's own changes (the event's read is cached for 30 s). */}
      {tab === 'registrations' && (
        <Registrations id={id} onApproved={() => ev.set({ ...e, approvedCount: e.approvedCount + 1 })} />
      )}
      {tab === 'prematch' && <Prematch id={id} />}
      {tab === 'checkin' && (
        <CheckIn id={id} onCheckedIn={() => ev.set({ ...e, checkedInCount: e.checkedInCount + 1 })} />
      )}
    </View>
  );
}
