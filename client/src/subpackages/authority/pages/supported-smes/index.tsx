/**
 * 揭榜企业与政策支持 (issue 16, item 7): an authority's list of the year's selected SMEs — a province its own
 * region's, the ministry any province's or all — filtered by qualification (小巨人, 省级专精特新, 创新型), with
 * the support recorded for each, and a form to record one more (measure, amount in 万元 stored in 元, date),
 * confirmed before it is written: a record is never changed or removed. `?year=` (the current campaign's by default).
 *
 * Test hooks: `supported-smes`, `supported-smes__chip` (`data-value`, `is-active`), `supported-smes__region`,
 * `supported-sme` (`data-org`), `supported-sme__record`, `support-form`, `support-form__measure`,
 * `support-form__amount`, `support-form__date`, `support-form__submit`, `supported-sme__history`.
 */
import { useCallback, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Picker, Text, View } from '@tarojs/components';
import {
  MAX_SUPPORT_AMOUNT_YUAN,
  QUALIFICATIONS,
  regionName,
  shanghaiDate,
  SUPPORT_MEASURES,
  SUPPORT_QUALIFICATIONS,
  type SupportQualification,
  type SupportRecord,
} from '@jiebang/shared';
import * as support from '../../../../services/policy-support';
import { newIdempotencyKey } from '../../../../services/applications';
import { errorMessage } from '../../../../services/http';
import { useAsync } from '../../../../hooks/use-async';
import { useMe } from '../../../../hooks/use-me';
import { useCampaignYear } from '../../../../hooks/use-campaign-year';
import { usePagedList } from '../../../../hooks/use-paged-list';
import { useBusyAction } from '../../../../hooks/use-busy-action';
import { authorityOf } from '../../../../lib/roles';
import { EmptyState, ListFooter, LoadingState, yearListState } from '../../../../components/state-view';
import { ActionButton, Field, TextInput } from '../../../../components/form';
import { Dialog } from '../../../../components/dialog';
import { chipFilter, FilterChips, FilterPicker, REGION_FILTER } from '../../../../components/filters';
import './index.scss';

const QUAL_CHIPS = chipFilter(
  '全部入选企业',
  Object.fromEntries(SUPPORT_QUALIFICATIONS.map((k) => [k, QUALIFICATIONS[k]])) as Record<SupportQualification, string>,
  'supported-smes__chips',
  'supported-smes__chip',
);

/** "50" 万元 → 500000 元; "" or anything else → null (the form says why). */
export function yuanOf(wan: string): number | null {
  if (!/^\d+(\.\d{1,4})?$/.test(wan.trim())) return null;
  return Math.round(Number(wan.trim()) * 10_000);
}

const wanText = (yuan: number) =>
  yuan === 0 ? '无资金' : `${(yuan / 10_000).toLocaleString('zh-CN', { maximumFractionDigits: 4 })} 万元`;

interface Draft {
  measure: string;
  wan: string;
  date: string;
  note: string;
}

function problems(d: Draft, year: number, today: string): Partial<Record<keyof Draft, string>> {
  const out: Partial<Record<keyof Draft, string>> = {};
  if (d.measure.trim().length < 2) out.measure = '请选择或填写支持措施（2–40 个字）';
  const yuan = yuanOf(d.wan);
  if (yuan === null) out.wan = '请填写金额（万元，最多 4 位小数；无资金的措施填 0）';
  else if (yuan > MAX_SUPPORT_AMOUNT_YUAN) out.wan = '单笔金额不能超过 1 亿元（10000 万元）';
  if (!d.date) out.date = '请选择支持日期';
  else if (d.date > today) out.date = '支持日期不能晚于今天';
  else if (d.date < `${year}-01-01`) out.date = `支持日期不能早于 ${year}-01-01`;
  return out;
}

/** The form under an SME: validation as you go, a confirmation, then one record (retried with the same key). */
function SupportForm({
  year,
  orgId,
  orgName,
  onDone,
}: {
  year: number;
  orgId: string;
  orgName: string;
  onDone: () => void;
}) {
  const [today] = useState(() => shanghaiDate(Date.now()));
  const [d, setD] = useState<Draft>({ measure: '', wan: '', date: today, note: '' });
  const [shown, setShown] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [key] = useState(newIdempotencyKey);
  const { busy, run } = useBusyAction();
  const errors = shown ? problems(d, year, today) : {};
  const set = (k: keyof Draft) => (v: string) => setD((x) => ({ ...x, [k]: v }));

  const ask = () => {
    setShown(true);
    if (Object.keys(problems(d, year, today)).length === 0) setConfirming(true);
  };
  const save = () =>
    void run(async () => {
      await support.record(
        year,
        orgId,
        {
          measure: d.measure.trim(),
          amountYuan: yuanOf(d.wan)!,
          date: d.date,
          ...(d.note.trim() ? { note: d.note.trim() } : {}),
        },
        key,
      );
      setConfirming(false);
      void Taro.showToast({ title: '已记录', icon: 'success' });
      onDone();
    });

  return (
    <View className="support-form">
      <Field label="支持措施" required error={errors.measure}>
        <View className="support-form__measures">
          {SUPPORT_MEASURES.map((m) => (
            <View
              key={m}
              className={`supported-smes__chip${d.measure === m ? ' is-active' : ''}`}
              onClick={() => set('measure')(m)}
            >
              {m}
            </View>
          ))}
        </View>
        <TextInput
          className="support-form__measure"
          value={d.measure}
          onChange={set('measure')}
          maxlength={40}
          placeholder="或填写其他措施"
        />
      </Field>
      <Field label="金额" required error={errors.wan} hint="以万元填写，按元保存；无资金的措施填 0">
        <TextInput className="support-form__amount" value={d.wan} onChange={set('wan')} type="digit" suffix="万元" />
      </Field>
      <Field label="支持日期" required error={errors.date}>
        <Picker mode="date" value={d.date} end={today} onChange={(e) => set('date')(String(e.detail.value))}>
          <View className="support-form__date">{d.date || '请选择'}</View>
        </Picker>
      </Field>
      <Field label="备注">
        <TextInput value={d.note} onChange={set('note')} maxlength={500} placeholder="文件号、资金来源等（选填）" />
      </Field>
      <ActionButton className="support-form__submit" text="记录支持" onClick={ask} />
      <Dialog
        open={confirming}
        title="确认记录政策支持"
        message={`${orgName}：${d.measure.trim()}，${yuanOf(d.wan) === null ? '' : wanText(yuanOf(d.wan)!)}，${d.date}`}
        warning="记录提交后不能修改或删除，如有错误请另行记录说明。"
        confirmText="确认记录"
        busy={busy}
        onConfirm={save}
        onCancel={() => setConfirming(false)}
      />
    </View>
  );
}

function History({ year, orgId }: { year: number; orgId: string }) {
  const load = useCallback(() => support.records(year, orgId), [year, orgId]);
  const h = useAsync(load);
  if (h.state.status === 'loading') return <Text className="supported-sme__muted">加载中…</Text>;
  if (h.state.status === 'error') return <Text className="field-error">{errorMessage(h.state.error)}</Text>;
  if (h.state.value.items.length === 0) return <Text className="supported-sme__muted">尚未记录政策支持</Text>;
  return (
    <View className="supported-sme__history">
      {h.state.value.items.map((r: SupportRecord) => (
        <View key={r.id} className="supported-sme__entry">
          <Text className="supported-sme__record-main">{`${r.date} · ${r.measure} · ${wanText(r.amountYuan)}`}</Text>
          <Text className="supported-sme__muted">{`${r.recordedByName} 记录${r.note ? `；${r.note}` : ''}`}</Text>
        </View>
      ))}
    </View>
  );
}

export default function SupportedSmesPage() {
  const { params } = useRouter();
  const me = useMe();
  const campaign = useCampaignYear(params.year);
  const y = campaign.year;
  const [qualification, setQualification] = useState<SupportQualification | undefined>();
  const [region, setRegion] = useState<string | undefined>();
  const [open, setOpen] = useState<{ orgId: string; what: 'form' | 'history' } | null>(null);
  const fetchPage = useCallback(
    (cursor: string | null) => support.list(y!, { qualification, region }, cursor),
    [y, qualification, region],
  );
  const list = usePagedList(y ? fetchPage : null);
  const authority = me.status === 'ready' ? authorityOf(me.me.user.roles) : null;

  if (me.status === 'loading' || (y === null && !campaign.error)) return <LoadingState />;
  if (!authority) return <EmptyState text="仅主管部门可以查看" hint="工业和信息化部及省级中小企业主管部门使用此页" />;
  const waiting = yearListState(campaign, list);
  if (waiting || !y) return waiting;

  return (
    <View className="supported-smes">
      <View className="supported-smes__head">
        <Text className="supported-smes__title">{y}年度揭榜入选中小企业</Text>
        <Text className="supported-smes__sub">
          {authority.kind === 'province'
            ? `${regionName(authority.region)}的入选企业。按资质筛选，并记录给予的政策支持（措施、金额、日期）。`
            : '全国的入选企业，可按省份和资质筛选，并记录给予的政策支持（措施、金额、日期）。'}
        </Text>
        <FilterChips spec={QUAL_CHIPS} value={qualification} onChange={setQualification} />
        <View className="supported-smes__tools">
          {authority.kind === 'ministry' && (
            <FilterPicker options={REGION_FILTER} value={region} onChange={setRegion}>
              {(label) => <View className="supported-smes__region">{`地区：${label} ▾`}</View>}
            </FilterPicker>
          )}
          {list.items.length > 0 && (
            <ActionButton
              className="supported-smes__export"
              kind="secondary"
              text="导出（.xlsx）"
              onClick={() =>
                void support
                  .download(y, { qualification, region })
                  .catch((err: unknown) => void Taro.showToast({ title: errorMessage(err), icon: 'none' }))
              }
            />
          )}
        </View>
      </View>
      {list.items.length === 0 && (
        <EmptyState
          text={qualification ? `暂无${QUALIFICATIONS[qualification]}入选` : '暂无入选企业'}
          hint="发榜企业完成遴选后，入选的揭榜中小企业会列在这里"
        />
      )}
      {list.items.map((s) => (
        <View key={s.orgId} className="supported-sme" data-org={s.orgId}>
          <Text className="supported-sme__name">{s.orgName}</Text>
          <Text className="supported-sme__muted">{`${s.creditCode} · ${regionName(s.authorityRegion)}`}</Text>
          <View className="supported-sme__quals">
            {s.qualifications.map((q) => (
              <Text key={q} className="supported-sme__qual">
                {QUALIFICATIONS[q]}
              </Text>
            ))}
          </View>
          {s.demands.map((d) => (
            <Text key={d.demandId} className="supported-sme__demand">{`入选需求：${d.demandTitle}`}</Text>
          ))}
          <Text className="supported-sme__sum">
            {s.supportCount > 0
              ? `已记录支持 ${s.supportCount} 项，合计 ${wanText(s.supportTotalYuan)}，最近 ${s.lastSupportDate ?? ''}`
              : '尚未记录政策支持'}
          </Text>
          <View className="supported-sme__actions">
            <ActionButton
              className="supported-sme__history-toggle"
              kind="secondary"
              text={open?.orgId === s.orgId && open.what === 'history' ? '收起记录' : '支持记录'}
              onClick={() =>
                setOpen(open?.orgId === s.orgId && open.what === 'history' ? null : { orgId: s.orgId, what: 'history' })
              }
            />
            <ActionButton
              className="supported-sme__record"
              text={open?.orgId === s.orgId && open.what === 'form' ? '取消' : '记录支持'}
              onClick={() =>
                setOpen(open?.orgId === s.orgId && open.what === 'form' ? null : { orgId: s.orgId, what: 'form' })
              }
            />
          </View>
          {open?.orgId === s.orgId && open.what === 'history' && <History year={y} orgId={s.orgId} />}
          {open?.orgId === s.orgId && open.what === 'form' && (
            <SupportForm
              year={y}
              orgId={s.orgId}
              orgName={s.orgName}
              onDone={() => {
                setOpen({ orgId: s.orgId, what: 'history' });
                list.reload();
              }}
            />
          )}
        </View>
      ))}
      {list.items.length > 0 && <ListFooter list={list} end={`已显示全部 ${list.items.length} 家`} />}
    </View>
  );
}
