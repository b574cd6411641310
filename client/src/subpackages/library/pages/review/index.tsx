/** 科技成果审核: the authority's queue, oldest first; a card opens the achievement with its 发布 / 退回 buttons. */
import { useCallback } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import * as library from '../../../../services/library';
import { errorMessage } from '../../../../services/http';
import { EmptyState, ErrorState, SkeletonCards } from '../../../../components/state-view';
import { usePagedList } from '../../../../hooks/use-paged-list';
import { AchievementItem } from '../../components/achievement-item';
import '../../library.scss';

export default function ReviewQueuePage() {
  const fetchPage = useCallback((cursor: string | null) => library.queue(cursor), []);
  const { status, error, items, reload } = usePagedList(fetchPage);
  const open = (id: string) => void Taro.navigateTo({ url: `/subpackages/library/pages/achievement/index?id=${id}` });
  return (
    <View className="lib-page">
      <View className="lib-hero">
        <Text className="lib-hero__title">科技成果审核</Text>
        <Text className="lib-hero__sub">本辖区高校、科研院所和企业报送的成果，审核通过后在成果库发布</Text>
      </View>
      {status === 'loading' && <SkeletonCards count={2} />}
      {status === 'error' && <ErrorState message={errorMessage(error)} onRetry={reload} />}
      {status === 'ready' && items.length === 0 && <EmptyState text="暂无待审核的成果" />}
      {items.map((a) => (
        <AchievementItem key={a.id} a={{ ...a, publishedAt: a.submittedAt ?? a.createdAt }} onOpen={open} />
      ))}
    </View>
  );
}
