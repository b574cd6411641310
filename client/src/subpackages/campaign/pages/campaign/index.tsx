/**
 * 年度工作时间 (221号 to the letter, issue 16). Everyone signed in sees the deadlines that apply to them: an issuer
 * its province's own cut-off (when set), the intake deadline, the application window (另行通知 until the ministry
 * opens it) and the selection deadline; authorities also the statistics periods. The ministry edits the campaign
 * here (PUT /v1/campaigns/{year}); a province sets its own cut-off for its issuers.
 *
 * Test hooks: `campaign`, `deadline-row[data-key]`, `campaign-form`, `campaign-form__<field>` inputs,
 * `campaign-form__later` (另行通知 toggle), `campaign-form__save`, `cutoff-form`, `cutoff-form__input`,
 * `cutoff-form__save`, `field-error`.
 */
import { useCallback, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { formatShanghai, links, regionName, type CampaignDeadlines, type CampaignUpdate } from '@jiebang/shared';
import * as campaigns from '../../../../services/campaigns';
import { ApiError, errorMessage } from '../../../../services/http';
import { useMe } from '../../../../hooks/use-me';
import { useAsync } from '../../../../hooks/use-async';
import { ErrorState, LoadingState } from '../../../../components/state-view';
import { ActionButton, Field, FormCard, TextInput } from '../../../../components/form';
import { Toggle } from '../../../../components/toggle';
import { TIME_ERROR, TIME_HINT, fromInput, toInput } from '../../lib/instant';
import './index.scss';

type Row = { key: string; label: string; value: string; note?: string };

/** The deadlines that apply to the viewer, in the order they fall. */
function rows(d: CampaignDeadlines, viewer: 'issuer' | 'authority' | 'other'): Row[] {
  const c = d.campaign;
  const out: Row[] = [];
  if (d.provinceCutoff) {
    out.push({
      key: 'province-cutoff',
      label: '本地区报送截止',
      value: formatShanghai(d.provinceCutoff),
      note: '经省级中小企业主管部门报送的需求，请在此前报送，以便初核后转报',
    });
  }
  out.push({
    key: 'intake',
    label: '需求征集截止',
    value: formatShanghai(c.demandIntakeDeadline),
    note: '直接报送工业和信息化部、省级主管部门初核后转报，均须在此前送达',
  });
  out.push({
    key: 'application-window',
    label: '揭榜申请报送',
    value:
      c.applicationOpensAt === null
        ? '另行通知'
        : c.applicationOpensAt
          ? `${formatShanghai(c.applicationOpensAt)} 起`
          : '需求发布后即可报送',
    note: `截止 ${formatShanghai(c.applicationDeadline)}（各需求可设更早的截止时间）`,
  });
  out.push({
    key: 'selection',
    label: '遴选完成',
    value: formatShanghai(c.selectionDeadline),
    note: '提醒时间：到期前 3 天和 1 天提醒尚未遴选的发榜企业，逾期仍可遴选',
  });
  if (viewer !== 'issuer') {
    for (const p of c.statisticsPeriods ?? []) {
      out.push({ key: `stats-${p.key}`, label: `统计报送（${p.label}）`, value: formatShanghai(p.deadline) });
    }
  }
  return out;
}

export default function CampaignPage() {
  const me = useMe();
  const region =
    me.status === 'ready'
      ? me.authority?.kind === 'province'
        ? me.authority.region
        : (me.me.org?.region ?? undefined)
      : undefined;
  const load = useCallback(async () => {
    const current = await campaigns.current();
    return campaigns.deadlines(current.year, region);
  }, [region]);
  const { state, reload } = useAsync(me.status === 'ready' || me.status === 'signed-out' ? load : null);

  if (state.status === 'loading') return <LoadingState />;
  if (state.status === 'error') return <ErrorState message={errorMessage(state.error)} onRetry={reload} />;
  const d = state.value;
  const ministry = me.status === 'ready' && me.authority?.kind === 'ministry';
  const province = me.status === 'ready' && me.authority?.kind === 'province' ? me.authority.region : null;
  const viewer =
    me.status === 'ready' && me.authority ? 'authority' : me.status === 'ready' && me.issuer ? 'issuer' : 'other';

  return (
    <View className="campaign">
      <View className="campaign__head">
        <Text className="campaign__title">{d.campaign.title}</Text>
        {d.region && viewer === 'issuer' && (
          <Text className="campaign__sub">所属主管部门：{regionName(d.region)}中小企业主管部门</Text>
        )}
      </View>
      <View className="campaign__rows">
        {rows(d, viewer).map((r) => (
          <View key={r.key} className="deadline-row" data-key={r.key}>
            <View className="deadline-row__main">
              <Text className="deadline-row__label">{r.label}</Text>
              <Text className="deadline-row__value">{r.value}</Text>
            </View>
            {r.note && <Text className="deadline-row__note">{r.note}</Text>}
          </View>
        ))}
      </View>
      <View
        className="campaign__results"
        hoverClass="campaign__results--pressed"
        onClick={() => void Taro.navigateTo({ url: links.results(d.campaign.year) })}
      >
        <Text>{d.campaign.year}年度揭榜名单</Text>
        <Text className="campaign__arrow">›</Text>
      </View>
      {ministry && <CampaignForm d={d} onSaved={reload} />}
      {province && <CutoffForm d={d} region={province} onSaved={reload} />}
    </View>
  );
}

type Draft = Record<'title' | 'intake' | 'opens' | 'deadline' | 'selection', string> & { later: boolean };

function CampaignForm({ d, onSaved }: { d: CampaignDeadlines; onSaved: () => void }) {
  const c = d.campaign;
  const [v, setV] = useState<Draft>({
    title: c.title,
    intake: toInput(c.demandIntakeDeadline),
    opens: toInput(c.applicationOpensAt),
    deadline: toInput(c.applicationDeadline),
    selection: toInput(c.selectionDeadline),
    later: c.applicationOpensAt === null,
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const set = (k: keyof Draft) => (x: string) => setV((o) => ({ ...o, [k]: x }));

  async function save() {
    const e: Record<string, string> = {};
    const need = (k: keyof Draft, path: string) => {
      const t = fromInput(v[k] as string);
      if (!t) e[path] = TIME_ERROR;
      return t ?? '';
    };
    const body: CampaignUpdate = {
      title: v.title.trim(),
      demandIntakeDeadline: need('intake', 'demandIntakeDeadline'),
      applicationDeadline: need('deadline', 'applicationDeadline'),
      selectionDeadline: need('selection', 'selectionDeadline'),
      applicationOpensAt: v.later ? null : v.opens.trim() ? need('opens', 'applicationOpensAt') : undefined,
      ...(c.statisticsPeriods ? { statisticsPeriods: c.statisticsPeriods } : {}),
      version: c.version ?? 0,
    };
    if (body.applicationOpensAt === undefined) delete body.applicationOpensAt;
    setErrors(e);
    if (Object.keys(e).length > 0) return;
    setBusy(true);
    try {
      await campaigns.update(c.year, body);
      void Taro.showToast({ title: '已保存并通知各主管部门', icon: 'none' });
      onSaved();
    } catch (err) {
      if (err instanceof ApiError && err.fields) setErrors(err.fields);
      void Taro.showToast({ title: errorMessage(err), icon: 'none', duration: 2500 });
    } finally {
      setBusy(false);
    }
  }

  const time = (k: keyof Draft, path: string, label: string, disabled = false) => (
    <Field label={label} required={!disabled} hint={TIME_HINT} error={errors[path]}>
      {disabled ? (
        <Text className={`campaign-form__${k} campaign-form__off`}>另行通知</Text>
      ) : (
        <TextInput className={`campaign-form__${k}`} value={v[k] as string} maxlength={16} onChange={set(k)} />
      )}
    </Field>
  );

  return (
    <FormCard className="campaign-form" title="修改年度工作时间" desc="保存后留痕，并通知各省级主管部门和相关司局">
      <Field label="名称" required error={errors.title}>
        <TextInput className="campaign-form__title" value={v.title} maxlength={100} onChange={set('title')} />
      </Field>
      {time('intake', 'demandIntakeDeadline', '需求征集截止时间')}
      <View className="campaign-form__switch">
        <Text>揭榜申请报送时间另行通知</Text>
        <Toggle className="campaign-form__later" on={v.later} onChange={(later) => setV((o) => ({ ...o, later }))} />
      </View>
      {time('opens', 'applicationOpensAt', '揭榜开始时间', v.later)}
      {time('deadline', 'applicationDeadline', '揭榜截止时间')}
      {time('selection', 'selectionDeadline', '遴选截止时间（提醒）')}
      <ActionButton className="campaign-form__save" text="保存并通知" busy={busy} onClick={() => void save()} />
    </FormCard>
  );
}

function CutoffForm({ d, region, onSaved }: { d: CampaignDeadlines; region: string; onSaved: () => void }) {
  const [text, setText] = useState(toInput(d.provinceCutoff));
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  async function save(clear: boolean) {
    const cutoff = clear ? null : fromInput(text);
    if (!clear && !cutoff) {
      setError(TIME_ERROR);
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await campaigns.setCutoff(d.campaign.year, region, cutoff);
      if (clear) setText('');
      void Taro.showToast({ title: clear ? '已取消本地区截止时间' : '已保存，本地区发榜企业可见', icon: 'none' });
      onSaved();
    } catch (err) {
      setError(err instanceof ApiError && err.fields?.cutoff ? err.fields.cutoff : errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <FormCard
      className="cutoff-form"
      title="本地区报送截止时间"
      desc={`为初核留出时间，可早于需求征集截止时间（${formatShanghai(d.campaign.demandIntakeDeadline)}）`}
    >
      <Field label="截止时间" hint={TIME_HINT} error={error}>
        <TextInput className="cutoff-form__input" value={text} maxlength={16} onChange={setText} />
      </Field>
      <ActionButton className="cutoff-form__save" text="保存" busy={busy} onClick={() => void save(false)} />
      {d.provinceCutoff && (
        <ActionButton kind="ghost" text="取消本地区截止时间" disabled={busy} onClick={() => void save(true)} />
      )}
    </FormCard>
  );
}
