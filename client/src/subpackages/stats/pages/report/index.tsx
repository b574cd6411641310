/**
 * One authority's 统计表 for a period. The province edits it (figures from platform records are prefilled; a
 * changed figure needs a note, and both values are kept), adds its events, saves and submits; the ministry reads
 * it, returns it with a comment or accepts it.
 *
 * Test hooks: `stats-report` (`data-state`), `stats-report__row` (`data-key`), `stats-cell` (`data-col`; its input
 * `stats-cell__input`), `stats-cell__computed`, `stats-note__input` (`data-col`), `stats-report__add`,
 * `stats-report__save`, `stats-report__submit`, `stats-report__return`, `stats-report__accept`,
 * `stats-report__comment`, `stats-report__total`, `stats-report__export` (components/export-button), `field-error`.
 */
import { useCallback, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { formatShanghai, type StatsReport } from '@jiebang/shared';
import * as stats from '../../../../services/stats';
import { ApiError, errorMessage } from '../../../../services/http';
import { ErrorState, SkeletonCards } from '../../../../components/state-view';
import { ActionButton, TextInput } from '../../../../components/form';
import { Dialog } from '../../../../components/dialog';
import { useAsync } from '../../../../hooks/use-async';
import { useMe } from '../../../../hooks/use-me';
import { ExportButton } from '../../components/export-button';
import { currentPeriod, stateText } from '../../lib';
import './index.scss';

type Draft = Record<string, { cells: Record<string, string>; notes: Record<string, string> }>;
const text = (v: unknown) => (v === null || v === undefined ? '' : String(v));

function draftOf(r: StatsReport): Draft {
  return Object.fromEntries(
    r.rows.map((row) => [
      row.key,
      {
        cells: Object.fromEntries(Object.entries(row.cells).map(([k, v]) => [k, text(v)])),
        notes: { ...(row.notes ?? {}) },
      },
    ]),
  );
}

export default function StatsReportPage() {
  const me = useMe();
  const { params } = useRouter<{ region?: string; period?: string }>();
  const who = me.status === 'ready' ? me.authority : null;
  const region = params.region ?? (who?.kind === 'province' ? who.region : undefined);
  const period = params.period ?? currentPeriod();
  const load = useCallback(() => stats.report(region!, period), [region, period]);
  const data = useAsync(region ? load : null);
  // The edits belong to the report they were made on: a new answer (saved, returned…) starts from its rows.
  const [edits, setEdits] = useState<{ of: StatsReport | null; draft: Draft }>({ of: null, draft: {} });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [returning, setReturning] = useState(false);
  const report = data.status === 'ready' ? data.value : null;
  const draft: Draft = report && edits.of === report ? edits.draft : report ? draftOf(report) : {};
  const setDraft = (f: (d: Draft) => Draft) => setEdits({ of: report, draft: f(draft) });

  const mine = who?.kind === 'province' && who.region === region;
  const editable = mine && !!report && ['not_started', 'draft', 'returned'].includes(report.state);
  const ministry = who?.kind === 'ministry';

  const set = (key: string, part: 'cells' | 'notes', col: string, v: string) => {
    setDraft((d) => ({ ...d, [key]: { ...d[key]!, [part]: { ...d[key]![part], [col]: v } } }));
    // What the server said of this cell no longer holds once it is edited.
    const i = Object.keys(draft).indexOf(key);
    setErrors((e) => {
      const { [`rows.${i}.${part}.${col}`]: _gone, ...rest } = e;
      return rest;
    });
  };

  const body = (r: StatsReport) => ({
    version: r.version,
    rows: Object.entries(draft).map(([key, row]) => {
      const cells = Object.fromEntries(
        r.columns.map((c) => {
          const v = row.cells[c.key] ?? '';
          return [c.key, v === '' ? null : c.kind === 'number' && !Number.isNaN(Number(v)) ? Number(v) : v];
        }),
      );
      const notes = Object.fromEntries(Object.entries(row.notes).filter(([, n]) => n.trim()));
      return { key, cells, ...(Object.keys(notes).length ? { notes } : {}) };
    }),
  });

  const act = async (fn: () => Promise<StatsReport>, done: string) => {
    setBusy(true);
    setErrors({});
    try {
      data.set(await fn());
      void Taro.showToast({ title: done, icon: 'success' });
    } catch (err) {
      setErrors(err instanceof ApiError ? (err.fields ?? {}) : {});
      void Taro.showToast({ title: errorMessage(err), icon: 'none' });
    } finally {
      setBusy(false);
    }
  };
  const save = () => act(() => stats.saveReport(region!, period, body(report!)), '已保存');
  const submit = () =>
    act(async () => {
      if (editable) await stats.saveReport(region!, period, body(report!));
      return stats.submitReport(region!, period);
    }, '已报送');

  const addRow = () => {
    const n = Object.keys(draft).filter((k) => k.startsWith('e')).length + 1;
    setDraft((d) => ({ ...d, [`e${n}`]: { cells: {}, notes: {} } }));
  };

  if (!region && me.status === 'ready') return <ErrorState message="请从统计表列表进入" />;
  if (data.status === 'loading' || me.status === 'loading') return <SkeletonCards count={3} />;
  if (data.status === 'error') return <ErrorState message={errorMessage(data.error)} onRetry={data.reload} />;
  const r = report!;
  const rowIndex = (key: string) => Object.keys(draft).indexOf(key);

  return (
    <View className="stats-report" data-state={r.state}>
      <View className="stats-report__hero">
        <Text className="stats-report__heading">{r.authorityName}</Text>
        <Text className="stats-report__sub">
          {r.periodLabel}活动统计表 · 第 {r.revision} 次报送 · 截止 {formatShanghai(r.deadline).slice(0, 10)}
        </Text>
        <View className="stats-report__badges">
          <Text className={`stats-report__state stats-report__state--${r.state}`}>{stateText(r.state)}</Text>
          {r.late && <Text className="stats-report__late">逾期</Text>}
        </View>
      </View>
      {r.comment && (
        <View className="stats-report__comment">
          <Text>退回意见：{r.comment}</Text>
        </View>
      )}
      {Object.entries(draft).map(([key, row]) => {
        const stored = r.rows.find((x) => x.key === key);
        const platform = stored?.source === 'platform';
        const i = rowIndex(key);
        return (
          <View key={key} className="stats-report__row" data-key={key}>
            <Text className="stats-report__row-title">
              {platform ? '平台数据' : '活动'}：{row.cells.name || '（未命名）'}
            </Text>
            {r.columns.map((c) => {
              const computed = platform ? stored?.computed?.[c.key] : undefined;
              const fixed = platform && c.source === 'computed' && c.kind === 'text';
              const changed = computed !== undefined && c.kind === 'number' && row.cells[c.key] !== text(computed);
              const error = errors[`rows.${i}.cells.${c.key}`];
              const noteError = errors[`rows.${i}.notes.${c.key}`];
              return (
                <View key={c.key} className="stats-cell" data-col={c.key}>
                  <Text className="stats-cell__label">{c.label}</Text>
                  {editable && !fixed ? (
                    <TextInput
                      className="stats-cell__input"
                      value={row.cells[c.key] ?? ''}
                      type={c.kind === 'number' ? 'digit' : 'text'}
                      maxlength={c.kind === 'number' ? 12 : 100}
                      onChange={(v) => set(key, 'cells', c.key, v)}
                    />
                  ) : (
                    <Text className="stats-cell__value">{row.cells[c.key] || '—'}</Text>
                  )}
                  {changed && <Text className="stats-cell__computed">平台数据 {text(computed)}，已更正</Text>}
                  {changed && editable && (
                    <TextInput
                      className="stats-note__input"
                      value={row.notes[c.key] ?? ''}
                      placeholder="请说明更正原因"
                      maxlength={200}
                      onChange={(v) => set(key, 'notes', c.key, v)}
                    />
                  )}
                  {changed && !editable && row.notes[c.key] && (
                    <Text className="stats-cell__note">更正说明：{row.notes[c.key]}</Text>
                  )}
                  {(error || noteError) && <Text className="field-error">{error || noteError}</Text>}
                </View>
              );
            })}
          </View>
        );
      })}
      <View className="stats-report__total">
        <Text className="stats-report__row-title">合计</Text>
        {r.columns
          .filter((c) => c.kind === 'number')
          .map((c) => (
            <View key={c.key} className="stats-cell" data-col={c.key}>
              <Text className="stats-cell__label">{c.label}</Text>
              <Text className="stats-cell__value">{r.total[c.key] ?? 0}</Text>
            </View>
          ))}
      </View>
      <View className="stats-report__actions">
        {editable && (
          <>
            <ActionButton className="stats-report__add" kind="ghost" text="添加活动" onClick={addRow} />
            <ActionButton className="stats-report__save" kind="secondary" text="保存" busy={busy} onClick={save} />
            <ActionButton className="stats-report__submit" text="报送" busy={busy} onClick={submit} />
          </>
        )}
        {ministry && r.state === 'submitted' && (
          <>
            <ActionButton
              className="stats-report__return"
              kind="danger"
              text="退回"
              busy={busy}
              onClick={() => setReturning(true)}
            />
            <ActionButton
              className="stats-report__accept"
              text="确认"
              busy={busy}
              onClick={() => void act(() => stats.acceptReport(region!, period), '已确认')}
            />
          </>
        )}
      </View>
      <View className="stats-report__download">
        <ExportButton
          className="stats-report__export"
          text="下载统计表（.xlsx）"
          run={(progress) => stats.downloadReport(region!, period, r.authorityName, progress)}
        />
      </View>
      <Dialog
        open={returning}
        title="退回统计表"
        className="stats-report__return-dialog"
        input={{ placeholder: '请写明需要修改的地方', required: true, minLength: 2, maxLength: 500 }}
        confirmText="退回"
        danger
        busy={busy}
        onCancel={() => setReturning(false)}
        onConfirm={(comment) => {
          setReturning(false);
          void act(() => stats.returnReport(region!, period, comment), '已退回');
        }}
      />
    </View>
  );
}
