/**
 * 创建活动: every field of POST /v1/events on one page, checked with the shared schema on the phone (its Chinese
 * messages under each field, the server's `fields` likewise), saved as a draft, then published after a
 * confirmation. Times are picked in Beijing time and sent as instants with +08:00.
 * Test hooks: `ef-type` chips (`data-value`), `ef-title`, `ef-chain`, `ef-region` (option sheets, items
 * `option-sheet__item[data-value]`), `ef-starts-date`/`-time`, `ef-ends-date`/`-time`, `ef-deadline-date`/`-time`
 * (pickers), `ef-venue`, `ef-online`, `ef-capacity`, `ef-slot`, `ef-description`, `ef-co-input`, `ef-co-add`,
 * `ef-co` (a co-organiser, tap to remove), `field-error`, `ef-save`, `ef-publish`, `ef-saved`.
 */
import { useState, type ReactNode } from 'react';
import Taro from '@tarojs/taro';
import { Picker, Text, View } from '@tarojs/components';
import {
  AUTHORITY_REGION_CODES,
  EVENT_TYPES,
  eventInputSchema,
  FIELDS,
  regionName,
  type EventInput,
  type EventType,
  type FieldKey,
} from '@jiebang/shared';
import * as events from '../../../../services/events';
import { ApiError, errorMessage } from '../../../../services/http';
import { useMe } from '../../../../hooks/use-me';
import {
  ActionButton,
  Chips,
  Field,
  FormCard,
  OptionSheet,
  SelectLine,
  TextArea,
  TextInput,
} from '../../../../components/form';
import { addDays, beijingInstant, beijingToday } from '../../../../lib/beijing-time';
import { fieldErrorsOf, numberOrUndefined, textOrUndefined, type FieldErrors } from '../../../../lib/form-errors';
import { showModal } from '../../../../lib/modal';
import { PublishEventDialog } from '../../components/publish-dialog';
import './index.scss';

const TYPE_OPTIONS = Object.entries(EVENT_TYPES) as [EventType, string][];
const CHAIN_OPTIONS = Object.entries(FIELDS) as [FieldKey, string][];
const REGION_OPTIONS = AUTHORITY_REGION_CODES.map((c) => [c, regionName(c)] as const);

interface When {
  date: string;
  time: string;
}

/** A Beijing date and time, picked with the platform's pickers (the same lines in weapp and H5). */
function WhenPicker({ value, onChange, hook }: { value: When; onChange: (w: When) => void; hook: string }) {
  const today = beijingToday();
  return (
    <View className="event-form__when">
      <Picker
        mode="date"
        value={value.date || today}
        start={today}
        end={addDays(today, 730)}
        onChange={(e) => onChange({ ...value, date: e.detail.value })}
      >
        <SelectLine className={`${hook}-date`} text={value.date} placeholder="选择日期" onOpen={() => {}} />
      </Picker>
      <Picker mode="time" value={value.time || '09:00'} onChange={(e) => onChange({ ...value, time: e.detail.value })}>
        <SelectLine className={`${hook}-time`} text={value.time} placeholder="时间" onOpen={() => {}} />
      </Picker>
    </View>
  );
}

/** An instant from a picked date and time, or the raw text the schema then refuses in Chinese. */
const instantOf = (w: When) => beijingInstant(w.date, w.time) ?? '';

export default function EventFormPage() {
  const me = useMe();
  const ownRegion = me.status === 'ready' && me.authority?.kind === 'province' ? me.authority.region : undefined;
  const [type, setType] = useState<EventType | undefined>();
  const [title, setTitle] = useState('');
  const [chain, setChain] = useState<FieldKey | undefined>();
  const [region, setRegion] = useState<string | undefined>();
  const [startsAt, setStartsAt] = useState<When>({ date: '', time: '' });
  const [endsAt, setEndsAt] = useState<When>({ date: '', time: '' });
  const [deadline, setDeadline] = useState<When>({ date: '', time: '' });
  const [venue, setVenue] = useState('');
  const [onlineUrl, setOnlineUrl] = useState('');
  const [capacity, setCapacity] = useState('');
  const [slot, setSlot] = useState('20');
  const [description, setDescription] = useState('');
  const [coOrganisers, setCoOrganisers] = useState<string[]>([]);
  const [coName, setCoName] = useState('');
  const [sheet, setSheet] = useState<'chain' | 'region' | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const [publishing, setPublishing] = useState<string | null>(null);
  const shownRegion = region ?? ownRegion;

  const addCoOrganiser = () => {
    const name = coName.trim();
    if (!name) return;
    if (!coOrganisers.includes(name)) setCoOrganisers((cs) => [...cs, name]);
    setCoName('');
  };

  const save = async () => {
    const input = {
      type,
      title: title.trim(),
      chain,
      region: shownRegion,
      startsAt: instantOf(startsAt),
      endsAt: instantOf(endsAt),
      registrationDeadline: instantOf(deadline),
      venue: textOrUndefined(venue),
      onlineUrl: textOrUndefined(onlineUrl),
      capacity: numberOrUndefined(capacity),
      slotMinutes: numberOrUndefined(slot),
      description: description.trim(),
      coOrganisers,
    };
    const parsed = eventInputSchema.safeParse(input);
    if (!parsed.success) {
      setErrors(fieldErrorsOf(parsed.error));
      void Taro.showToast({ title: '请按提示修改标红的项', icon: 'none' });
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const created = await events.create(parsed.data as EventInput);
      setSaved(created.id);
      void Taro.showToast({ title: '已保存为草稿', icon: 'success' });
    } catch (err) {
      if (err instanceof ApiError && err.fields) setErrors(err.fields);
      void showModal({ title: '未能保存', content: errorMessage(err), showCancel: false });
    } finally {
      setBusy(false);
    }
  };

  const field = (
    label: string,
    path: string,
    children: ReactNode,
    extra: { required?: boolean; hint?: string } = {},
  ) => (
    <Field label={label} required={extra.required} hint={extra.hint} error={errors[path]}>
      {children}
    </Field>
  );

  return (
    <View className="event-form">
      <FormCard title="活动信息" desc="保存后为草稿，仅本单位可见；发布后进入公开的活动日历并开放报名">
        {field(
          '活动类型',
          'type',
          <Chips className="ef-type" options={TYPE_OPTIONS} value={type ? [type] : []} onChange={setType} />,
          {
            required: true,
          },
        )}
        {field(
          '活动名称',
          'title',
          <TextInput
            className="ef-title"
            value={title}
            maxlength={100}
            placeholder="“百场万企”……专场"
            onChange={setTitle}
          />,
          {
            required: true,
          },
        )}
        {field(
          '产业链',
          'chain',
          <SelectLine
            className="ef-chain"
            text={chain && FIELDS[chain]}
            placeholder="选择产业链"
            onOpen={() => setSheet('chain')}
          />,
          { required: true },
        )}
        {field(
          '举办地区',
          'region',
          <SelectLine
            className="ef-region"
            text={shownRegion && regionName(shownRegion)}
            placeholder="选择地区"
            onOpen={() => setSheet('region')}
          />,
          { required: true },
        )}
      </FormCard>

      <FormCard title="时间与地点" desc="北京时间；洽谈按时段预约，时段从活动开始时间起排">
        {field('开始时间', 'startsAt', <WhenPicker hook="ef-starts" value={startsAt} onChange={setStartsAt} />, {
          required: true,
        })}
        {field('结束时间', 'endsAt', <WhenPicker hook="ef-ends" value={endsAt} onChange={setEndsAt} />, {
          required: true,
          hint: '一场活动最长 7 天',
        })}
        {field(
          '报名截止时间',
          'registrationDeadline',
          <WhenPicker hook="ef-deadline" value={deadline} onChange={setDeadline} />,
          {
            required: true,
            hint: '不能晚于开始时间',
          },
        )}
        {field(
          '举办地点',
          'venue',
          <TextInput className="ef-venue" value={venue} maxlength={100} onChange={setVenue} />,
          {
            hint: '举办地点和线上链接至少填一项',
          },
        )}
        {field(
          '线上链接',
          'onlineUrl',
          <TextInput
            className="ef-online"
            value={onlineUrl}
            maxlength={300}
            placeholder="https://"
            onChange={setOnlineUrl}
          />,
        )}
        {field(
          '名额',
          'capacity',
          <TextInput className="ef-capacity" type="number" value={capacity} suffix="家" onChange={setCapacity} />,
          { hint: '不填为不限；审核通过的企业不超过名额' },
        )}
        {field(
          '洽谈时段',
          'slotMinutes',
          <TextInput className="ef-slot" type="number" value={slot} suffix="分钟" onChange={setSlot} />,
          { required: true, hint: '10–120 分钟，默认 20 分钟' },
        )}
      </FormCard>

      <FormCard title="介绍与协办单位">
        {field(
          '活动介绍',
          'description',
          <TextArea
            className="ef-description"
            value={description}
            maxlength={2000}
            placeholder="活动主题、议程、面向的企业"
            onChange={setDescription}
          />,
          { required: true },
        )}
        <Field
          label="协办单位"
          hint="如国资委、工商联、知识产权局，最多 10 个；点名称可删除"
          error={Object.entries(errors).find(([p]) => p.startsWith('coOrganisers'))?.[1]}
        >
          <View className="event-form__co-row">
            <TextInput
              className="ef-co-input"
              value={coName}
              maxlength={50}
              placeholder="单位名称"
              onChange={setCoName}
            />
            <ActionButton
              className="event-form__co-add ef-co-add"
              kind="secondary"
              text="添加"
              onClick={addCoOrganiser}
            />
          </View>
          {coOrganisers.length > 0 && (
            <View className="event-form__co-list">
              {coOrganisers.map((c) => (
                <View
                  key={c}
                  className="chip is-on ef-co"
                  onClick={() => setCoOrganisers((cs) => cs.filter((x) => x !== c))}
                >
                  <Text>{c} ×</Text>
                </View>
              ))}
            </View>
          )}
        </Field>
      </FormCard>

      {saved ? (
        <>
          <Text className="event-form__saved ef-saved">
            已保存为草稿。发布前可在“主办活动”中查看；发布后不能再改回草稿。
          </Text>
          <View className="event-form__actions">
            <ActionButton className="ef-publish" text="发布到活动日历" onClick={() => setPublishing(saved)} />
            <ActionButton kind="ghost" text="返回主办活动" onClick={() => void Taro.navigateBack()} />
          </View>
        </>
      ) : (
        <View className="event-form__actions">
          <ActionButton className="ef-save" text="保存为草稿" busy={busy} onClick={() => void save()} />
        </View>
      )}

      <OptionSheet
        visible={sheet === 'chain'}
        title="产业链"
        options={CHAIN_OPTIONS}
        value={chain}
        onSelect={(v) => {
          setChain(v as FieldKey);
          setSheet(null);
        }}
        onClose={() => setSheet(null)}
      />
      <OptionSheet
        visible={sheet === 'region'}
        title="举办地区"
        options={REGION_OPTIONS}
        value={shownRegion}
        searchable
        onSelect={(v) => {
          setRegion(v);
          setSheet(null);
        }}
        onClose={() => setSheet(null)}
      />
      <PublishEventDialog
        eventId={publishing}
        onClose={() => setPublishing(null)}
        onPublished={(id) => void Taro.redirectTo({ url: `/subpackages/organiser/pages/console/index?id=${id}` })}
      />
    </View>
  );
}
