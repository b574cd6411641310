/**
 * 对接意向: those the organisation received (it owns the achievement) and sent; the decisions its side may take;
 * both contacts once accepted. Hooks: `lib-chip[data-value=received|sent]`, `interest-card` (`data-status`),
 * `interest-accept`, `interest-decline`, `interest-sign`, `interest-close`, `interest-contacts`.
 */
import { useCallback, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { INTEREST_STATUSES, type Interest } from '@jiebang/shared';
import * as library from '../../../../services/library';
import { errorMessage } from '../../../../services/http';
import { ActionButton } from '../../../../components/form';
import { EmptyState, ErrorState, SkeletonCards } from '../../../../components/state-view';
import { usePagedList } from '../../../../hooks/use-paged-list';
import '../../library.scss';

const LABELS = { accept: '接受', decline: '婉拒', sign: '已签约', close: '终止' } as const;

export default function InterestsPage() {
  // A notification opens the box the interest is in (links.interest: `?id=…&box=received|sent`).
  const { params } = useRouter();
  const [box, setBox] = useState<'received' | 'sent'>(params.box === 'sent' ? 'sent' : 'received');
  const fetchPage = useCallback((cursor: string | null) => library.interests(box, cursor), [box]);
  const { status, error, items, reload } = usePagedList(fetchPage);
  const [busy, setBusy] = useState<string | null>(null);
  const decide = async (i: Interest, d: Interest['allowedDecisions'][number]) => {
    setBusy(i.id);
    try {
      await library.decide(i.id, d);
      reload();
    } catch (err) {
      void Taro.showModal({ title: '未能完成', content: errorMessage(err), showCancel: false });
    } finally {
      setBusy(null);
    }
  };
  return (
    <View className="lib-page">
      <View className="lib-hero">
        <Text className="lib-hero__title">对接意向</Text>
        <Text className="lib-hero__sub">成果单位接受意向后，双方可看到彼此的联系人，进入洽谈</Text>
      </View>
      <View className="lib-tabs">
        {(['received', 'sent'] as const).map((b) => (
          <View key={b} className={`lib-chip${box === b ? ' is-on' : ''}`} data-value={b} onClick={() => setBox(b)}>
            {b === 'received' ? '收到的意向' : '发出的意向'}
          </View>
        ))}
      </View>
      {status === 'loading' && <SkeletonCards count={2} />}
      {status === 'error' && <ErrorState message={errorMessage(error)} onRetry={reload} />}
      {status === 'ready' && items.length === 0 && (
        <EmptyState text="暂无对接意向" hint="在科技成果库中可对成果提出意向" />
      )}
      {items.map((i) => (
        <View key={i.id} className="lib-card interest-card" data-status={i.status}>
          <View className="lib-card__tags">
            <Text className="lib-card__tag lib-card__tag--trl">{INTEREST_STATUSES[i.status]}</Text>
          </View>
          <Text className="lib-card__title">{i.achievementTitle}</Text>
          <Text className="lib-card__meta">
            {i.side === 'owner' ? `意向方：${i.senderName}` : `成果单位：${i.ownerName}`}
          </Text>
          <Text className="lib-card__summary">{i.message}</Text>
          {i.contacts && (
            <Text className="lib-card__contacts interest-contacts">
              {i.side === 'owner'
                ? `对方联系人：${i.contacts.sender.name} ${i.contacts.sender.phone}`
                : `对方联系人：${i.contacts.owner.name} ${i.contacts.owner.phone}`}
            </Text>
          )}
          {i.allowedDecisions.length > 0 && (
            <View className="lib-card__actions">
              {i.allowedDecisions.map((d) => (
                <ActionButton
                  key={d}
                  className={`interest-${d}`}
                  kind={d === 'accept' || d === 'sign' ? 'primary' : 'secondary'}
                  text={LABELS[d]}
                  busy={busy === i.id}
                  onClick={() => void decide(i, d)}
                />
              ))}
            </View>
          )}
        </View>
      ))}
    </View>
  );
}
