/**
 * 我的揭榜: the enterprise's applications, newest first, with their status, the authority's return reason and
 * what happens next.
 *
 * Class names for end-to-end tests: `my-applications`, `my-application[data-status]`, `my-application__title`,
 * `my-application__reason`, `my-application__next`, `app-status-badge[data-status]`, `my-applications-empty`,
 * `my-applications-error`, `my-applications-more`.
 */
import { useCallback } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { formatShanghai } from '@jiebang/shared';
import type { ApplicationSummary } from '@jiebang/shared';
import * as applications from '../../../../services/applications';
import { ApiError, errorMessage } from '../../../../services/http';
import { EmptyState, ErrorState, ListFooter, SkeletonCards } from '../../../../components/state-view';
import { StatusBadge } from '../../../../components/app-status';
import { nextStepText } from '../../../../lib/application';
import { usePagedList } from '../../../../hooks/use-paged-list';
import { CATALOGUE } from '../../../../lib/nav';
import './index.scss';

function failureText(err: unknown): string {
  return err instanceof ApiError && err.status === 401 ? '登录已失效，请在“我的”重新登录' : errorMessage(err);
}

export default function MyApplicationsPage() {
  const fetchPage = useCallback((cursor: string | null) => applications.listMine(cursor, 20), []);
  // Back from a detail (withdrawn) or the form (submitted): show the latest.
  const { status, error, items, cursor, loadingMore, moreError, reload } = usePagedList(fetchPage, {
    reloadOn: 'show',
  });

  const open = (a: ApplicationSummary) =>
    void Taro.navigateTo({ url: `/subpackages/sme/pages/application/index?id=${encodeURIComponent(a.id)}` });

  if (status === 'loading') return <SkeletonCards count={3} />;
  if (status === 'error') {
    return <ErrorState className="my-applications-error" message={failureText(error)} onRetry={reload} />;
  }
  if (items.length === 0) {
    return (
      <EmptyState
        className="my-applications-empty"
        text="还没有揭榜申请"
        hint="在需求目录中找到合适的需求，点击“我要揭榜”填写申请书"
        go={{ text: '浏览需求目录', url: CATALOGUE }}
      />
    );
  }

  return (
    <View className="my-applications">
      <Text className="my-applications__count">
        共 {items.length}
        {cursor ? '+' : ''} 份申请
      </Text>
      {items.map((a) => (
        <View
          key={a.id}
          className={`my-application${a.status === 'returned' ? ' is-returned' : ''}`}
          data-status={a.status}
          hoverClass="my-application--pressed"
          onClick={() => open(a)}
        >
          <View className="my-application__top">
            <Text className="my-application__title">{a.demandTitle}</Text>
            <StatusBadge status={a.status} />
          </View>
          {a.status === 'returned' && a.returnReason && (
            <Text className="my-application__reason">退回原因：{a.returnReason}</Text>
          )}
          <Text className="my-application__next">{nextStepText(a)}</Text>
          <Text className="my-application__time">
            {a.submittedAt ? `提交于 ${formatShanghai(a.submittedAt)}` : `更新于 ${formatShanghai(a.updatedAt)}`}
          </Text>
        </View>
      ))}
      <ListFooter list={{ loadingMore, moreError, cursor }} />
    </View>
  );
}
