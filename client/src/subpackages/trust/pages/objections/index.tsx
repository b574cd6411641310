/**
 * 公示异议 (issue 17): the ministry's list of objections to the 揭榜名单, pending first, each answered once —
 * 异议成立 (the demand's selection reopens for its issuer) or 不成立 — with a reply the objector and the issuer
 * receive; an enterprise sees the objections it filed and their answers. `?id=` marks the one a notice opened.
 *
 * Test hooks: `objections`, `objection` (`data-status`, `data-id`), `objection__reply` (textarea),
 * `objection__dismiss`, `objection__uphold`, `objection__answer`, `objection__file` (`data-index`: opens the PDF).
 */
import { useCallback, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { formatShanghai, OBJECTION_STATUS_LABELS, type Objection } from '@jiebang/shared';
import * as publicity from '../../../../services/publicity';
import { errorMessage } from '../../../../services/http';
import { useAsync } from '../../../../hooks/use-async';
import { useMe } from '../../../../hooks/use-me';
import { useBusyAction } from '../../../../hooks/use-busy-action';
import { showModal } from '../../../../lib/modal';
import { EmptyState, ErrorState, LoadingState } from '../../../../components/state-view';
import { ActionButton, TextArea } from '../../../../components/form';
import '../../../../components/status-badge/index.scss';
import './index.scss';

const TONE = { pending: 'action', upheld: 'danger', dismissed: 'neutral' } as const;

const REPLY_HINT = '答复（将发送给异议企业和发榜企业）';
const DECISIONS = [
  { decision: 'dismissed', kind: 'secondary', text: '异议不成立' },
  { decision: 'upheld', kind: 'danger', text: '异议成立' },
] as const;

function Answer({ o, onAnswered }: { o: Objection; onAnswered: () => void }) {
  const [reply, setReply] = useState('');
  const { busy, run } = useBusyAction(onAnswered);
  const send = async (decision: 'upheld' | 'dismissed') => {
    if (decision === 'upheld') {
      const { confirm } = await showModal({
        title: '确认异议成立？',
        content: '异议成立后，该需求的遴选结果撤销，发榜企业须重新遴选，相关揭榜企业将收到通知。',
        confirmText: '异议成立',
        danger: true,
      });
      if (!confirm) return;
    }
    await run(async () => {
      await publicity.answer(o.id, { decision, reply: reply.trim() });
      void Taro.showToast({ title: '已答复', icon: 'success' });
      onAnswered();
    });
  };
  const field = { value: reply, onChange: setReply, maxlength: 2000, placeholder: REPLY_HINT };
  return (
    <View className="objection__form">
      <TextArea className="objection__reply" {...field} />
      <View className="objection__buttons">
        {DECISIONS.map((d) => (
          <ActionButton
            key={d.decision}
            className={`objection__${d.decision === 'upheld' ? 'uphold' : 'dismiss'}`}
            kind={d.kind}
            text={d.text}
            busy={busy}
            disabled={reply.trim().length < 2}
            onClick={() => void send(d.decision)}
          />
        ))}
      </View>
    </View>
  );
}

export default function ObjectionsPage() {
  const { params } = useRouter();
  const marked = params.id ? decodeURIComponent(params.id) : '';
  const me = useMe();
  const ready = me.status === 'ready';
  const ministry = ready && me.authority?.kind === 'ministry';
  const load = useCallback(() => publicity.list(), []);
  const s = useAsync(ready ? load : null);

  if (me.status === 'signed-out') return <EmptyState text="请先登录" />;
  if (s.status === 'loading') return <LoadingState />;
  if (s.status === 'error') return <ErrorState message={errorMessage(s.error)} onRetry={s.reload} />;
  const { items } = s.value;
  return (
    <View className="objections">
      <Text className="objections__summary">
        {ministry
          ? `共 ${items.length} 项异议，待答复 ${items.filter((o) => o.status === 'pending').length} 项。每项只能答复一次。`
          : '贵企业对揭榜名单提出的异议。异议企业名称不向发榜企业和公众公开。'}
      </Text>
      {items.length === 0 && <EmptyState text="暂无异议" hint="公示期内，已登记企业可在揭榜名单页对遴选结果提出异议" />}
      {items.map((o) => (
        <View
          key={o.id}
          className={`objection${o.id === marked ? ' is-marked' : ''}`}
          data-status={o.status}
          data-id={o.id}
        >
          <View className="objection__head">
            <Text className="objection__title">{o.demandTitle}</Text>
            <Text className={`status-badge status-badge--${TONE[o.status]}`}>{OBJECTION_STATUS_LABELS[o.status]}</Text>
          </View>
          <Text className="objection__meta">
            {`${ministry ? `异议企业：${o.objectorName} · ` : ''}提出于 ${formatShanghai(o.filedAt)} · 公示至 ${formatShanghai(o.noticeUntil)}`}
          </Text>
          <Text className="objection__text">{o.text}</Text>
          {o.attachments.map((a, i) => (
            <Text
              key={a.key}
              className="objection__file"
              data-index={i}
              onClick={() =>
                void publicity
                  .openAttachment(o.id, i)
                  .catch((err: unknown) => void Taro.showToast({ title: errorMessage(err), icon: 'none' }))
              }
            >{`附件：${a.name}（点击查看）`}</Text>
          ))}
          {o.reply !== undefined && (
            <Text className="objection__answer">
              {`工业和信息化部答复（${formatShanghai(o.answeredAt ?? o.filedAt)}）：${o.reply}`}
            </Text>
          )}
          {ministry && o.status === 'pending' && <Answer o={o} onAnswered={s.reload} />}
        </View>
      ))}
    </View>
  );
}
