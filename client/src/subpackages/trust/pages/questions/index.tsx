/**
 * The issuer's 答疑 of one demand (trust): questions from enterprises (never who asked), unanswered first, each
 * with a box to answer. An answer is public at once and told to whoever follows the demand. `?id=<demandId>`.
 *
 * Test hooks: `issuer-questions`, `issuer-question` (`data-status`), `issuer-question__input` (textarea),
 * `issuer-question__send`, `issuer-question__answer`.
 */
import { useCallback, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { formatShanghai, type Question } from '@jiebang/shared';
import * as clarifications from '../../../../services/clarifications';
import { ApiError, errorMessage } from '../../../../services/http';
import { useAsync } from '../../../../hooks/use-async';
import { EmptyState, FailedState, LoadingState } from '../../../../components/state-view';
import { SendBox, type SendBoxSpec } from '../../../../components/form';
import './index.scss';

const ANSWER: SendBoxSpec = {
  className: 'issuer-question__input',
  maxlength: 2000,
  placeholder: '答复内容（公开给所有企业）',
  buttonClass: 'issuer-question__send',
  buttonText: '答复并公开',
  min: 2,
};

function OpenQuestion({ demandId, q, onAnswered }: { demandId: string; q: Question; onAnswered: () => void }) {
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const send = async () => {
    setBusy(true);
    try {
      await clarifications.answer(demandId, q.id, text.trim());
      void Taro.showToast({ title: '已答复并公开', icon: 'success' });
      onAnswered();
    } catch (err) {
      void Taro.showToast({ title: errorMessage(err), icon: 'none', duration: 3000 });
      if (err instanceof ApiError && err.status === 409) onAnswered();
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className="issuer-question" data-status="open">
      <Text className="issuer-question__q">问：{q.text}</Text>
      <Text className="issuer-question__when">{`提问于 ${formatShanghai(q.askedAt)} · 待答复`}</Text>
      <SendBox spec={ANSWER} value={text} onChange={setText} busy={busy} onSend={() => void send()} />
    </View>
  );
}

export default function IssuerQuestionsPage() {
  const { params } = useRouter();
  const id = params.id ? decodeURIComponent(params.id) : '';
  const load = useCallback(() => clarifications.ofDemand(id), [id]);
  const s = useAsync(id ? load : null);

  if (!id) return <EmptyState text="缺少需求编号" />;
  if (s.status === 'loading') return <LoadingState />;
  if (s.status === 'error') {
    return (
      <View className="issuer-questions issuer-questions--state">
        <FailedState error={s.error} notFound="该需求不存在或您无权查看" onRetry={s.reload} />
      </View>
    );
  }
  const { items, unanswered } = s.value;
  return (
    <View className="issuer-questions">
      <Text className="issuer-questions__summary">
        {items.length === 0
          ? '还没有企业提问'
          : `共 ${items.length} 个问题，${unanswered > 0 ? `${unanswered} 个待答复` : '均已答复'}。答复即公开，不显示提问企业。`}
      </Text>
      {items.map((q) =>
        q.status === 'open' ? (
          <OpenQuestion key={q.id} demandId={id} q={q} onAnswered={s.reload} />
        ) : (
          <View key={q.id} className="issuer-question" data-status="answered">
            <Text className="issuer-question__q">问：{q.text}</Text>
            <Text className="issuer-question__answer">答：{q.answer}</Text>
            {q.answeredAt && <Text className="issuer-question__when">{`答复于 ${formatShanghai(q.answeredAt)}`}</Text>}
          </View>
        ),
      )}
    </View>
  );
}
