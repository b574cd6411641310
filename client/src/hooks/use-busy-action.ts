import { useCallback, useState } from 'react';
import Taro from '@tarojs/taro';
import { ApiError, errorMessage } from '../services/http';

/**
 * A button's call to the server: `busy` while it runs, a failure shown as a toast. `run(fn)` answers whether it
 * succeeded. `onConflict` is called on a 409 (the thing changed meanwhile, e.g. answered by someone else: reload).
 */
export function useBusyAction(onConflict?: () => void) {
  const [busy, setBusy] = useState(false);
  const run = useCallback(
    async (fn: () => Promise<void>): Promise<boolean> => {
      setBusy(true);
      try {
        await fn();
        return true;
      } catch (err) {
        void Taro.showToast({ title: errorMessage(err), icon: 'none', duration: 3000 });
        if (onConflict && err instanceof ApiError && err.status === 409) onConflict();
        return false;
      } finally {
        setBusy(false);
      }
    },
    [onConflict],
  );
  return { busy, run };
}
