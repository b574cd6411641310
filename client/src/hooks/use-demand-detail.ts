import { useCallback, useState } from 'react';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import type { DemandDetail } from '@jiebang/shared';
import * as demands from '../services/demands';
import { ApiError, errorMessage } from '../services/http';

export type DemandDetailState =
  | { kind: 'loading' }
  | { kind: 'not-found'; message: string }
  | { kind: 'error'; message: string }
  | { kind: 'ready'; demand: DemandDetail };

/**
 * A demand as its issuer or an authority sees it, loaded each time the page shows (also on coming back from
 * another page) and on pull-down. `load(true)` refreshes quietly: the demand stays on screen and a failure is a
 * toast.
 */
export function useDemandDetail(id: string) {
  const [state, setState] = useState<DemandDetailState>({ kind: 'loading' });

  const load = useCallback(
    async (quiet = false) => {
      if (!id) {
        setState({ kind: 'not-found', message: '缺少需求编号' });
        return;
      }
      if (!quiet) setState({ kind: 'loading' });
      try {
        setState({ kind: 'ready', demand: await demands.get(id) });
      } catch (err) {
        if (err instanceof ApiError && err.status === 404) setState({ kind: 'not-found', message: err.message });
        else if (!quiet) setState({ kind: 'error', message: errorMessage(err) });
        else void Taro.showToast({ title: errorMessage(err), icon: 'none' });
      } finally {
        if (quiet) Taro.stopPullDownRefresh();
      }
    },
    [id],
  );

  useDidShow(() => void load(state.kind === 'ready'));
  usePullDownRefresh(() => void load(true));
  return { state, load };
}
