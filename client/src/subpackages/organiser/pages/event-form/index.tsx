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
import { Text, View } from '@tarojs/components';
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
import { useMe } from '../../../../hooks/use-me';
import {
  ActionButton,
  Chips,
  Field,
  FormCard,
  OptionSheet,
  PickerLine,
  SelectLine,
  TextFields,
  TextInput,
  type TextFieldSpec,
} from '../../../../components/form';
import { addDays, beijingInstant, beijingToday } from '../../../../lib/beijing-time';
import { numberOrUndefined, textOrUndefined, withoutError } from '../../../../lib/form-errors';
import { useFormSend } from '../../../../hooks/use-form-send';
import { PublishEventDialog } from '../../components/publish-dialog';
import './index.scss';

const TYPE_OPTIONS = Object.entries(EVENT_TYPES) as [EventType, string][];
const CHAIN_OPTIONS = Object.entries(FIELDS) as [FieldKey, string][];
const REGION_OPTIONS = AUTHORITY_REGION_CODES.map((c) => [c, regionName(c)] as const);

type TextKey = 'title' | 'venue' | 'onlineUrl' | 'capacity' | 'slotMinutes' | 'description';
const spec = (key: TextKey, label: string, className: string, maxlength: number, more: Partial<TextFieldSpec> = {}) =>
  ({ key, path: key, label, className, maxlength, ...more }) as TextFieldSpec<TextKey>;
const TITLE = [spec('title', '活动名称', 'ef-title', 100, { required: true, placeholder: '“百场万企”……专场' })];
const PLACE = [
  spec('venue', '举办地点', 'ef-venue', 100, { hint: '举办地点和线上链接至少填一项' }),
  spec('onlineUrl', '线上链接', 'ef-online', 300, { placeholder: 'https://' }),
  spec('capacity', '名额', 'ef-capacity', 6, {
    type: 'number',
    suffix: '家',
    hint: '不填为不限；审核通过的企业不超过名额',
  }),
  spec('slotMinutes', '洽谈时段', 'ef-slot', 3, {
    type: 'number',
    suffix: '分钟',
    required: true,
    hint: '10–120 分钟，默认 20 分钟',
  }),
];
const ABOUT = [
  spec('description', '活动介绍', 'ef-description', 2000, {
    required: true,
    area: true,
    placeholder: '活动主题、议程、面向的企业',
  }),
];

type WhenKey = 'startsAt' | 'endsAt' | 'registrationDeadline';
/** The three instants of the form: label, hook, hint. */
const WHENS: readonly [WhenKey, string, string, string | undefined][] = [
  ['startsAt', '开始时间', 'ef-starts', undefined],
  ['endsAt', '结束时间', 'ef-ends', '一场活动最长 7 天'],
  ['registrationDeadline', '报名截止时间', 'ef-deadline', '不能晚于开始时间'],
];

interface When {
  date: string;
  time: string;
}

/** A Beijing date and time, picked with the platform's pickers (the same lines in weapp and H5). */
function WhenPicker({ value, onChange, hook }: { value: When; onChange: (w: When) => void; hook: string }) {
  const today = beijingToday();
  return (
    <View className="picker-pair">
      <PickerLine
        className={`${hook}-date`}
        value={value.date}
        initial={today}
        placeholder="选择日期"
        start={today}
        end={addDays(today, 730)}
        onChange={(date) => onChange({ ...value, date })}
      />
      <PickerLine
        time
        className={`${hook}-time`}
        value={value.time}
        initial="09:00"
        placeholder="时间"
        onChange={(time) => onChange({ ...value, time })}
      />
    </View>
  );
}

/** An instant from a picked date and time, or the raw text the schema then refuses in Chinese. */
const instantOf = (w: When) => beijingInstant(w.date, w.time) ?? '';

export default function EventFormPage() {
  const me = useMe();
  const ownRegion = me.status === 'ready' && me.authority?.kind === 'province' ? me.authority.region : undefined;
  const [type, setType] = useState<EventType | undefined>();
  const [texts, setTexts] = useState<Record<TextKey, string>>({
    title: '',
    venue: '',
    onlineUrl: '',
    capacity: '',
    slotMinutes: '20',
    description: '',
  });
  const [chain, setChain] = useState<FieldKey | undefined>();
  const [region, setRegion] = useState<string | undefined>();
  const [whens, setWhens] = useState<Record<WhenKey, When>>({
    startsAt: { date: '', time: '' },
    endsAt: { date: '', time: '' },
    registrationDeadline: { date: '', time: '' },
  });
  const [coOrganisers, setCoOrganisers] = useState<string[]>([]);
  const [coName, setCoName] = useState('');
  const [sheet, setSheet] = useState<'chain' | 'region' | null>(null);
  const { errors, setErrors, busy, send } = useFormSend('未能保存');
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
      title: texts.title.trim(),
      chain,
      region: shownRegion,
      startsAt: instantOf(whens.startsAt),
      endsAt: instantOf(whens.endsAt),
      registrationDeadline: instantOf(whens.registrationDeadline),
      venue: textOrUndefined(texts.venue),
      onlineUrl: textOrUndefined(texts.onlineUrl),
      capacity: numberOrUndefined(texts.capacity),
      slotMinutes: numberOrUndefined(texts.slotMinutes),
      description: texts.description.trim(),
      coOrganisers,
    };
    const checked = eventInputSchema.safeParse(input);
    if (!checked.success) void Taro.showToast({ title: '请按提示修改标红的项', icon: 'none' });
    await send(checked, async (value) => {
      const created = await events.create(value as EventInput);
      setSaved(created.id);
      void Taro.showToast({ title: '已保存为草稿', icon: 'success' });
    });
  };

  /** A field the organiser changed loses its message until the next save checks it again. */
  const edited = (path: string) => setErrors((e) => withoutError(e, path));
  const bound = {
    values: texts,
    onChange: (key: TextKey, value: string) => {
      setTexts((t) => ({ ...t, [key]: value }));
      edited(key);
    },
    errorOf: (path: string) => errors[path],
  };
  /** A required field whose input is not text (chips, a sheet's line). */
  const field = (label: string, path: string, children: ReactNode) => (
    <Field label={label} required error={errors[path]}>
      {children}
    </Field>
  );

  /** 产业链 and 举办地区: a line that opens its sheet. */
  const sheetLine = (
    label: string,
    path: 'chain' | 'region',
    className: string,
    text: string | undefined,
    placeholder: string,
  ) =>
    field(
      label,
      path,
      <SelectLine className={className} text={text} placeholder={placeholder} onOpen={() => setSheet(path)} />,
    );

  return (
    <View className="event-form">
      <FormCard title="活动信息" desc="保存后为草稿，仅本单位可见；发布后进入公开的活动日历并开放报名">
        {field(
          '活动类型',
          'type',
          <Chips
            className="ef-type"
            options={TYPE_OPTIONS}
            value={type ? [type] : []}
            onChange={(v) => {
              setType(v);
              edited('type');
            }}
          />,
        )}
        <TextFields fields={TITLE} {...bound} />
        {sheetLine('产业链', 'chain', 'ef-chain', chain && FIELDS[chain], '选择产业链')}
        {sheetLine('举办地区', 'region', 'ef-region', shownRegion && regionName(shownRegion), '选择地区')}
      </FormCard>

      <FormCard title="时间与地点" desc="北京时间；洽谈按时段预约，时段从活动开始时间起排">
        {WHENS.map(([key, label, hook, hint]) => (
          <Field key={key} label={label} required hint={hint} error={errors[key]}>
            <WhenPicker
              hook={hook}
              value={whens[key]}
              onChange={(w) => {
                setWhens((all) => ({ ...all, [key]: w }));
                edited(key);
              }}
            />
          </Field>
        ))}
        <TextFields fields={PLACE} {...bound} />
      </FormCard>

      <FormCard title="介绍与协办单位">
        <TextFields fields={ABOUT} {...bound} />
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
          edited('chain');
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
          edited('region');
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
