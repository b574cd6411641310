/**
 * 关联企业名单: the issuer's declared subsidiaries, holdings and suppliers (an enterprise on it may not 揭榜 the
 * issuer's demands). Its admin replaces the whole list from an .xlsx (导入供应商名单: pick the file, confirm the
 * replacement, upload with progress) and downloads the template first; a refused file lists each refused row's
 * number and reasons, and the list stays as it was; after an import the new count shows. The list comes a page at
 * a time (more on reaching the bottom), in name order, with a search by name or credit code (server-side, 400 ms
 * after the last keystroke).
 *
 * Test hooks: `affiliates`, `affiliates__count` (`data-count`), `affiliates__import`, `affiliates__template`,
 * `affiliates__progress`, `affiliates__notice` (`data-kind`, `data-code`), `affiliates__refused-row` (`data-row`),
 * `affiliates-search__input` (the `input` inside), `affiliates-search__clear`, `affiliate` (`data-code`),
 * `affiliates__more` (`data-state`), `affiliates-dialog`, `affiliates-empty`, `affiliates-error`.
 */
import { useCallback, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { AFFILIATE_RELATION_LABELS, MAX_IMPORT_ROWS } from '@jiebang/shared';
import * as orgs from '../../../../services/orgs';
import type { PickedFile } from '../../../../services/attachments';
import { ApiError, errorMessage } from '../../../../services/http';
import { EmptyState, ErrorState, SkeletonCards } from '../../../../components/state-view';
import { Button } from '../../../../components/button';
import { Dialog } from '../../../../components/dialog';
import { SearchBar, useSearchText } from '../../../../components/search-bar';
import { useMe } from '../../../../hooks/use-me';
import { usePagedList } from '../../../../hooks/use-paged-list';
import { MINE } from '../../../../lib/nav';
import { OrgNotice, type Notice } from '../../components/notice';
import './index.scss';

/** Entries a page. */
const PAGE_SIZE = 30;

/** An import's notice also lists the rows it refused. */
type ImportNotice = Notice & { rows?: { row: number; reason: string }[] };

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

  const [q, setQ] = useState('');
  const search = useSearchText(q, setQ, 100);
  // A new fetcher per search (and after an import: `listKey`): the list loads again from the first page.
  const [listKey, setListKey] = useState(0);
  const orgId = org && issues ? org.id : null;
  const fetchPage = useCallback(
    (cursor: string | null) => orgs.listAffiliates(orgId!, { q, cursor, limit: PAGE_SIZE }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- listKey: load again after an import
    [orgId, q, listKey],
  );
  const list = usePagedList(orgId ? fetchPage : null, { reloadOn: 'show' });
  const [notice, setNotice] = useState<ImportNotice | null>(null);
  const [picked, setPicked] = useState<PickedFile | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [downloading, setDownloading] = useState(false);

  const template = () => {
    if (!org || downloading) return;
    setDownloading(true);
    orgs
      .downloadAffiliatesTemplate(org.id)
      .catch((err: unknown) => void Taro.showToast({ title: refusalText(err), icon: 'none' }))
      .finally(() => setDownloading(false));
  };

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
      search.setText('');
      setQ('');
      setListKey((k) => k + 1);
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
        go={{ text: '返回我的', url: MINE }}
      />
    );
  }

  const whole = list.page && q === '' ? list.page : null;
  const byRelation = whole
    ? Object.entries(AFFILIATE_RELATION_LABELS)
        .map(([k, label]) => ({ label, n: whole.byRelation[k as keyof typeof whole.byRelation] ?? 0 }))
        .filter((x) => x.n > 0)
    : [];
  const percent = progress === null ? 0 : Math.round(progress * 100);
  return (
    <View className="affiliates">
      <View className="affiliates__hero">
        <Text className="affiliates__heading">{org.name}</Text>
        <Text className="affiliates__sub">名单上的子公司、控股股东、供应商等不能揭榜本企业发布的需求</Text>
      </View>

      {notice && (
        <OrgNotice block="affiliates" notice={notice}>
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
        </OrgNotice>
      )}

      {isAdmin && (
        <View className="affiliates__card">
          <Text className="affiliates__card-title">导入供应商名单</Text>
          <Text className="affiliates__card-desc">
            {`Excel（.xlsx）文件，一行表头：统一社会信用代码、企业名称、关联关系（子公司、控股、供应商或其他，不填视为供应商），` +
              `其下每行一家，最多 ${MAX_IMPORT_ROWS} 家。导入将替换整个名单；任何一行有误则整份不导入，并列出有误的行号。`}
          </Text>
          {progress === null ? (
            <View className="affiliates__actions">
              <Button
                kind="secondary"
                size="large"
                busy={downloading}
                className="affiliates__template"
                onClick={template}
              >
                {downloading ? '正在下载模板…' : '下载导入模板'}
              </Button>
              <Button size="large" className="affiliates__import" onClick={() => void choose()}>
                导入供应商名单
              </Button>
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

      <View className="affiliates__list">
        <SearchBar name="affiliates-search" search={search} placeholder="搜索企业名称或统一社会信用代码" />

        {list.status === 'loading' && <SkeletonCards count={3} />}
        {list.status === 'error' && (
          <ErrorState className="affiliates-error" message={refusalText(list.error)} onRetry={list.reload} />
        )}
        {list.status === 'ready' && list.page && (
          <>
            <View className="affiliates__count" data-count={list.page.total} data-q={q}>
              <Text className="affiliates__count-n">
                {q === '' ? `共 ${list.page.total} 家` : `找到 ${list.page.total} 家`}
              </Text>
              {byRelation.length > 0 && (
                <Text className="affiliates__count-by">{byRelation.map((x) => `${x.label} ${x.n}`).join(' · ')}</Text>
              )}
            </View>
            {list.items.length === 0 &&
              (q === '' ? (
                <EmptyState
                  className="affiliates-empty"
                  text="尚未申报关联企业"
                  hint={isAdmin ? '下载导入模板，填好后导入供应商名单（.xlsx），可一次申报数千家' : '由企业管理员申报'}
                />
              ) : (
                <EmptyState
                  className="affiliates-empty"
                  text={`没有找到“${q}”`}
                  hint="可输入企业名称中的几个字，或完整的统一社会信用代码"
                  actionText="清除搜索"
                  onAction={() => search.setText('')}
                />
              ))}
            {list.items.map((a) => (
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
            {list.items.length > 0 && (
              <View
                className="affiliates__more"
                data-state={list.loadingMore ? 'loading' : list.moreError ? 'error' : list.cursor ? 'more' : 'end'}
                onClick={() => void list.loadMore()}
              >
                {list.loadingMore
                  ? '加载中…'
                  : list.moreError
                    ? `${list.moreError}，点击重试`
                    : list.cursor
                      ? `已显示 ${list.items.length} / ${list.page.total} 家，上拉或点击加载更多`
                      : `已全部显示（${list.items.length} 家）`}
              </View>
            )}
          </>
        )}
      </View>

      <Dialog
        open={picked !== null}
        className="affiliates-dialog"
        title="替换关联企业名单"
        message={
          picked
            ? `将以《${picked.name}》替换现有的${whole ? ` ${whole.total} 家` : ''}关联企业。文件中任何一行有误，名单都不会改变。`
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
