/**
 * 答疑 on the public demand page (trust): the answered questions (never who asked) and, until 5 days before the
 * deadline, a box to ask as one's enterprise. Test hooks: `demand-questions`, `demand-questions__item`,
 * `demand-questions__answer`, `demand-questions__input` (its textarea), `demand-questions__ask`,
 * `demand-questions__deadline`.
 */
import { useCallback, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { formatShanghai } from '@jiebang/shared';
import * as clarifications from '../../services/clarifications';
import { isSignedIn } from '../../services/auth';
import { errorMessage } from '../../services/http';
import { useAsync } from '../../hooks/use-async';
import { SendBox, type SendBoxSpec } from '../form';
import './index.scss';

const QUESTION: SendBoxSpec = {
  className: 'demand-questions__input',
  maxlength: 500,
  placeholder: '对需求内容有疑问？以企业身份提问（至少 5 个字）',
  buttonClass: 'demand-questions__ask',
  buttonText: '提交问题',
  kind: 'secondary',
  min: 5,
};

export function DemandQuestions({ demandId }: { demandId: string }) {
  const load = useCallback(() => clarifications.publicList(demandId), [demandId]);
  const list = useAsync(load);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    if (!isSignedIn()) {
      void Taro.showToast({ title: '请先登录', icon: 'none' });
      void Taro.switchTab({ url: '/pages/mine/index' });
      return;
    }
    setBusy(true);
    try {
      await clarifications.ask(demandId, text.trim());
      setText('');
      void Taro.showToast({ title: '已提交，答复后将公开在此', icon: 'none', duration: 2500 });
    } catch (err) {
      void Taro.showToast({ title: errorMessage(err), icon: 'none', duration: 3000 });
    } finally {
      setBusy(false);
    }
  };

  if (list.status !== 'ready') return null;
  const q = list.value;
  return (
    <View className="demand-questions">
      <View className="demand-questions__head">
        <View className="demand-questions__bar" />
        <Text className="demand-questions__title">答疑</Text>
        <Text className="demand-questions__count">{q.items.length > 0 ? `${q.items.length} 条` : ''}</Text>
      </View>
      {q.items.length === 0 && <Text className="demand-questions__empty">暂无公开答疑</Text>}
      {q.items.map((item) => (
        <View key={item.id} className="demand-questions__item">
          <Text className="demand-questions__q">问：{item.text}</Text>
          <Text className="demand-questions__answer">答：{item.answer}</Text>
          {item.answeredAt && (
            <Text className="demand-questions__when">{`答复于 ${formatShanghai(item.answeredAt)}`}</Text>
          )}
        </View>
      ))}
      <Text className="demand-questions__deadline">
        {q.open
          ? `提问截止（北京时间）${formatShanghai(q.questionDeadline)}。答复对所有企业公开，不显示提问企业。`
          : '提问已截止（揭榜截止前 5 天停止提问）'}
      </Text>
      {q.open && (
        <View className="demand-questions__form">
          <SendBox spec={QUESTION} value={text} onChange={setText} busy={busy} onSend={() => void submit()} />
        </View>
      )}
    </View>
  );
}
