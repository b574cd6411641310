/**
 * Reviewing one demand: everything the issuer filled in, including the issuer and contact (authorities may see
 * them even when the demand will be published anonymously), the timeline, and the decisions the server allows
 * this authority now — province: 转报工信部 / 退回; ministry: 发布 / 退回 / 不予发布. Return and reject need a
 * reason; publish and reject are confirmed first (they cannot be undone). A 409 means another reviewer decided
 * first.
 *
 * The page loads the demand; what it shows and the decisions are `components/review-demand` (also the queue's
 * right pane on wide screens), with its test hooks.
 */
import { useCallback, useState } from 'react';
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro';
import type { DemandDetail } from '@jiebang/shared';
import * as demands from '../../../../services/demands';
import { ApiError, errorMessage } from '../../../../services/http';
import { ReviewDemand } from '../../components/review-demand';

type State =
  | { kind: 'loading' }
  | { kind: 'not-found'; message: string }
  | { kind: 'error'; message: string }
  | { kind: 'ready'; demand: DemandDetail };

export default function ReviewDemandPage() {
  const { params } = useRouter();
  const id = params.id ? decodeURIComponent(params.id) : '';
  const [state, setState] = useState<State>({ kind: 'loading' });
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

  return <ReviewDemand id={id} state={state} load={load} />;
}
