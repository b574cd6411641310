/**
 * 关联企业名单: the issuer's declared subsidiaries, holdings and suppliers (an enterprise on it may not 揭榜 the
 * issuer's demands). Its admin replaces the whole list from an .xlsx (导入供应商名单: pick the file, confirm the
 * replacement, upload with progress); a refused file lists each refused row's number and reasons, and the list
 * stays as it was; after an import the new count shows.
 *
 * Test hooks: `affiliates`, `affiliates__count` (`data-count`), `affiliates__import`, `affiliates__progress`,
 * `affiliates__notice` (`data-kind`, `data-code`), `affiliates__refused-row` (`data-row`), `affiliate`
 * (`data-code`), `affiliates-dialog`, `affiliates-empty`, `affiliates-error`.
 */
import { useCallback, useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { AFFILIATE_RELATION_LABELS, type Affiliate } from '@jiebang/shared';
import * as orgs from '../../../../services/orgs';
import type { PickedFile } from '../../../../services/attachments';
import { ApiError, errorMessage } from '../../../../services/http';
import { EmptyState, ErrorState, SkeletonCards } from '../../../../components/state-view';
import { Dialog } from '../../../../components/dialog';
import { useMe } from '../../../../hooks/use-me';
import { useAsync } from '../../../../hooks/use-async';
import './index.scss';

const MINE = '/pages/mine/index';
/** The list shows this many; the count is of all. */
const SHOWN = 100;

type Notice = { kind: 'ok' | 'error'; text: string; code?: string; rows?: { row: number; reason: string }[] };

function refusalText(err: unknown): string {
  if (!(err instanceof ApiError)) return errorMessage(err);
  if (err.code === 'VERSION_CONFLICT') return '名单刚被他人修改或导入，本次未作更改。已刷新，请确认后重新导入。';
  if (err.status === 403) return '仅企业管理员可以导入名单。';
  return errorMessage(err);
}

export default function AffiliatesPage() {
  const me = useMe();
  const ready = me.status === 'ready' ? me.me : null;
  const org = ready?.org ?? null;
  const isAdmin = ready?.user.roles.includes('org_admin') ?? false;
  const issues = org?.kind === 'large' || org?.kind === 'sme';

  const loader = useCallback(
    () => (org && issues ? orgs.listAffiliates(org.id).then((r) => r.affiliates) : Promise.resolve([])),
    [org, issues],
  );
  const load = useAsync<Affiliate[]>(org && issues ? loader : null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [picked, setPicked] = useState<PickedFile | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  useDidShow(() => load.reload());

  const choose = async () => {
    if (progress !== null) return;
    setNotice(null);
    const file = await orgs.pickSpreadsheet();
    if (!file) return;
    const problem = orgs.spreadsheetProblem(file);
    if (problem) {
      setNotice({ kind: 'error', text: problem, code: 'BAD_FILE' });
      return;
    }
    setPicked(file);
  };

  const run = async () => {
    if (!picked || !org) return;
    const file = picked;
    setPicked(null);
    setProgress(0);
    try {
      const res = await orgs.importAffiliates(org.id, file, setProgress);
      setNotice({ kind: 'ok', text: `已导入 ${res.count} 家，替换原有 ${res.previousCount} 家` });
      void Taro.showToast({ title: `已导入 ${res.count} 家`, icon: 'none' });
    } catch (err) {
      setNotice({
        kind: 'error',
        text: refusalText(err),
        code: err instanceof ApiError ? err.code : undefined,
        rows: orgs.refusedRows(err),
      });
    } finally {
      setProgress(null);
      void Taro.pageScrollTo({ scrollTop: 0, duration: 200 });
      load.reload();
    }
  };

  if (me.status === 'loading') return <SkeletonCards count={3} />;
  if (me.status === 'error')
    return <ErrorState className="affiliates-error" message={errorMessage(me.error)} onRetry={me.reload} />;
  if (!org || !issues) {
    return (
      <EmptyState
        className="affiliates-empty"
        text={!org ? '尚未加入企业' : '无需申报关联企业'}
        hint={!org ? '登记企业或加入企业后，发榜企业可在这里申报关联企业名单' : '仅发榜企业需要申报关联企业名单'}
        actionText="返回我的"
        onAction={() => void Taro.switchTab({ url: MINE })}
      />
    );
  }

  const items = load.status === 'ready' ? load.value : [];
  const byRelation = Object.entries(AFFILIATE_RELATION_LABELS)
    .map(([k, label]) => ({ label, n: items.filter((a) => a.relation === k).length }))
    .filter((x) => x.n > 0);
  const percent = progress === null ? 0 : Math.round(progress * 100);
  return (
    <View className="affiliates">
      <View className="affiliates__hero">
        <Text className="affiliates__heading">{org.name}</Text>
        <Text className="affiliates__sub">名单上的子公司、控股股东、供应商等不能揭榜本企业发布的需求</Text>
      </View>

      {notice && (
        <View
          className={`affiliates__notice affiliates__notice--${notice.kind}`}
          data-kind={notice.kind}
          data-code={notice.code ?? ''}
        >
          <Text>{notice.text}</Text>
          {notice.rows && notice.rows.length > 0 && (
            <View className="affiliates__refused">
              {notice.rows.map((r) => (
                <View key={r.row} className="affiliates__refused-row" data-row={r.row}>
                  <Text className="affiliates__refused-no">第 {r.row} 行</Text>
                  <Text className="affiliates__refused-reason">{r.reason}</Text>
                </View>
              ))}
            </View>
          )}
        </View>
      )}

      {isAdmin && (
        <View className="affiliates__card">
          <Text className="affiliates__card-title">导入供应商名单</Text>
          <Text className="affiliates__card-desc">
            Excel（.xlsx）文件，一行表头：统一社会信用代码、企业名称、关联关系（子公司、控股、供应商或其他，不填视为供应商），其下每行一家，最多
            20000 家。导入将替换整个名单；任何一行有误则整份不导入，并列出有误的行号。
          </Text>
          {progress === null ? (
            <View className="affiliates__import" hoverClass="affiliates__btn--pressed" onClick={() => void choose()}>
              导入供应商名单
            </View>
          ) : (
            <View className="affiliates__progress" data-percent={percent}>
              <View className="affiliates__bar">
                <View className="affiliates__bar-fill" style={{ width: `${percent}%` }} />
              </View>
              <Text className="affiliates__progress-text">
                {progress < 0.9 ? `上传中 ${percent}%` : '正在逐行校验并导入…'}
              </Text>
            </View>
          )}
        </View>
      )}

      {load.status === 'loading' && <SkeletonCards count={2} />}
      {load.status === 'error' && (
        <ErrorState className="affiliates-error" message={refusalText(load.error)} onRetry={load.reload} />
      )}
      {load.status === 'ready' && (
        <View className="affiliates__list">
          <View className="affiliates__count" data-count={items.length}>
            <Text className="affiliates__count-n">共 {items.length} 家</Text>
            {byRelation.length > 0 && (
              <Text className="affiliates__count-by">{byRelation.map((x) => `${x.label} ${x.n}`).join(' · ')}</Text>
            )}
          </View>
          {items.length === 0 && (
            <EmptyState
              className="affiliates-empty"
              text="尚未申报关联企业"
              hint={isAdmin ? '导入供应商名单（.xlsx）即可一次申报数千家' : '由企业管理员申报'}
            />
          )}
          {items.slice(0, SHOWN).map((a) => (
            <View key={a.creditCode} className="affiliate" data-code={a.creditCode}>
              <View className="affiliate__body">
                <Text className="affiliate__name">{a.name || '（未填写名称）'}</Text>
                <Text className="affiliate__code">{a.creditCode}</Text>
              </View>
              <Text className={`affiliate__relation affiliate__relation--${a.relation}`}>
                {AFFILIATE_RELATION_LABELS[a.relation]}
              </Text>
            </View>
          ))}
          {items.length > SHOWN && (
            <Text className="affiliates__more">
              仅显示前 {SHOWN} 家，共 {items.length} 家
            </Text>
          )}
        </View>
      )}

      <Dialog
        open={picked !== null}
        className="affiliates-dialog"
        title="替换关联企业名单"
        message={
          picked
            ? `将以《${picked.name}》替换现有的 ${items.length} 家关联企业。文件中任何一行有误，名单都不会改变。`
            : ''
        }
        warning="导入成功后，原名单将被整体替换，不可撤销"
        confirmText="导入并替换"
        onConfirm={() => void run()}
        onCancel={() => setPicked(null)}
      />
    </View>
  );
}
