/**
 * One achievement: its public part; the contact and the review comment for its owner and authority; 提出对接意向
 * (an organisation that is not the owner), 发布 / 退回 (its authority). Hooks: `achievement-detail`,
 * `interest-message` (textarea), `interest-send`, `review-publish`, `review-return`, `achievement-status`.
 */
import { useCallback, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { ACHIEVEMENT_STATUSES, FIELDS, IP_KINDS, TRANSFER_MODES, TRL_LABELS } from '@jiebang/shared';
import * as library from '../../../../services/library';
import { showModal } from '../../../../lib/modal';
import { errorMessage } from '../../../../services/http';
import { ActionButton, TextField, type OwnTextFieldSpec } from '../../../../components/form';
import { ErrorState, LoadingState } from '../../../../components/state-view';
import { useAsync } from '../../../../hooks/use-async';
import { regionText } from '../../../../lib/format';
import { priceText } from '../../components/achievement-item';
import '../../library.scss';

const INTEREST: OwnTextFieldSpec = {
  label: '对接意向',
  required: true,
  hint: '成果单位接受后，双方可看到彼此的联系人',
  area: true,
  className: 'interest-message',
  maxlength: 500,
  placeholder: '说明贵单位的需求和希望的合作方式（至少 5 个字）',
};

const REVIEW_COMMENT: OwnTextFieldSpec = {
  label: '审核意见',
  hint: '退回时必填，成果单位据此修改',
  area: true,
  className: 'review-comment',
  maxlength: 500,
};

export default function AchievementPage() {
  const id = useRouter().params.id ?? '';
  const load = useCallback(() => library.get(id), [id]);
  const { state, reload } = useAsync(load);
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const [comment, setComment] = useState('');
  const [sent, setSent] = useState(false);

  const act = async (run: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await run();
      void Taro.showToast({ title: done, icon: 'success' });
      reload();
    } catch (err) {
      void showModal({ title: '未能完成', content: errorMessage(err), showCancel: false });
    } finally {
      setBusy(false);
    }
  };

  if (state.status === 'loading') return <LoadingState />;
  if (state.status === 'error') return <ErrorState message={errorMessage(state.error)} onRetry={reload} />;
  const a = state.value;
  const can = (x: (typeof a.allowedActions)[number]) => a.allowedActions.includes(x);
  const rows: [string, string][] = [
    ['所属领域', FIELDS[a.field]],
    ['技术成熟度', TRL_LABELS[a.maturity] ?? `${a.maturity} 级`],
    ['转化方式', a.transferModes.map((m) => TRANSFER_MODES[m]).join('、')],
    ['价格', priceText(a.price)],
    ['成果单位', a.ownerName],
    ['所在地区', regionText(a.region)],
    ['状态', ACHIEVEMENT_STATUSES[a.status]],
  ];
  return (
    <View className="lib-page">
      <View className="lib-hero">
        <Text className="lib-hero__title">{a.title}</Text>
        <Text className="lib-hero__sub">{a.ownerName}</Text>
      </View>
      <View className="lib-detail achievement-detail">
        {rows.map(([k, v]) => (
          <View key={k} className={`lib-detail__row${k === '状态' ? ' achievement-status' : ''}`}>
            <Text className="lib-detail__label">{k}</Text>
            <Text className="lib-detail__value">{v}</Text>
          </View>
        ))}
        <Text className="lib-detail__prose">{a.summary}</Text>
        {a.ip.length > 0 && (
          <Text className="lib-card__meta">
            知识产权：{a.ip.map((i) => `${IP_KINDS[i.kind]}${i.number ? ` ${i.number}` : ''}`).join('；')}
          </Text>
        )}
        {a.openLicenseTerms && <Text className="lib-card__contacts">开放许可条件：{a.openLicenseTerms}</Text>}
        {a.contact && (
          <Text className="lib-card__contacts">
            联系人：{a.contact.name} {a.contact.phone}
          </Text>
        )}
        {a.reviewComment && <Text className="lib-card__contacts">审核意见：{a.reviewComment}</Text>}
      </View>
      {sent && (
        <View className="lib-detail interest-sent">
          <Text className="lib-card__contacts">
            已提出对接意向。成果单位接受后，可在“我的 → 对接意向”中看到对方联系人。
          </Text>
        </View>
      )}
      {can('interest') && !sent && (
        <View className="lib-detail">
          <TextField spec={INTEREST} value={message} onChange={setMessage} />
          <ActionButton
            className="interest-send"
            text="提出对接意向"
            busy={busy}
            disabled={message.trim().length < 5}
            onClick={() =>
              void act(async () => {
                await library.sendInterest(a.id, message.trim());
                setMessage('');
                setSent(true);
              }, '已发送')
            }
          />
        </View>
      )}
      {(can('publish') || can('return')) && (
        <View className="lib-detail">
          <TextField spec={REVIEW_COMMENT} value={comment} onChange={setComment} />
          <View className="lib-card__actions">
            <ActionButton
              className="review-return"
              kind="secondary"
              text="退回"
              busy={busy}
              disabled={comment.trim().length === 0}
              onClick={() => void act(() => library.review(a.id, 'return', comment.trim()), '已退回')}
            />
            <ActionButton
              className="review-publish"
              text="审核通过并发布"
              busy={busy}
              onClick={() => void act(() => library.review(a.id, 'publish'), '已发布')}
            />
          </View>
        </View>
      )}
    </View>
  );
}
