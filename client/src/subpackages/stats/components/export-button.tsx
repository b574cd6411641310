/**
 * A download button for a 统计表 export: what it is doing (生成 / 下载 n%), a thin progress bar, and why it failed
 * with the way out (tap again). The file comes with the session (services/download.ts).
 *
 * Test hooks: the button's own class, `stats-export` (`data-state`: idle, busy, done, error), `stats-export__error`.
 */
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { ActionButton } from '../../../components/form';
import { errorMessage } from '../../../services/http';
import type { Progress } from '../../../services/download';
import './export-button.scss';

type State = { at: 'idle' | 'done' } | { at: 'busy'; percent: number | null } | { at: 'error'; message: string };

export function ExportButton({
  text,
  className,
  run,
}: {
  text: string;
  className: string;
  run: (progress: Progress) => Promise<void>;
}) {
  const [state, setState] = useState<State>({ at: 'idle' });
  const start = () => {
    setState({ at: 'busy', percent: null });
    run((percent) => setState({ at: 'busy', percent }))
      .then(() => {
        setState({ at: 'done' });
        if (process.env.TARO_ENV === 'h5') void Taro.showToast({ title: '已下载', icon: 'success' });
      })
      .catch((err: unknown) => setState({ at: 'error', message: errorMessage(err) }));
  };
  const busy = state.at === 'busy';
  const label = !busy
    ? text
    : state.percent === null || state.percent >= 100
      ? '正在生成…'
      : `下载中 ${state.percent}%`;
  return (
    <View className="stats-export" data-state={state.at}>
      <ActionButton className={className} kind="secondary" text={label} disabled={busy} onClick={start} />
      {busy && (
        <View className="stats-export__track">
          <View
            className={`stats-export__fill${state.percent === null ? ' is-unknown' : ''}`}
            style={{ width: `${state.percent ?? 30}%` }}
          />
        </View>
      )}
      {state.at === 'error' && (
        <Text className="stats-export__error field-error">导出失败：{state.message}。请稍后再点一次。</Text>
      )}
    </View>
  );
}
