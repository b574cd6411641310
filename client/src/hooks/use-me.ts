import { useCallback, useState } from 'react';
import { useDidShow } from '@tarojs/taro';
import type { MeResponse } from '@jiebang/shared';
import * as auth from '../services/auth';
import { authorityOf, isIssuerUser } from '../lib/roles';
import { useAsync } from './use-async';

export type MeState =
  | { status: 'signed-out' }
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | {
      status: 'ready';
      me: MeResponse;
      /** The authority the user reviews for, or null. */
      authority: ReturnType<typeof authorityOf>;
      /** A member of a large enterprise (may fill its 需求表). */
      issuer: boolean;
    };

/**
 * The signed-in user with their enterprise and roles (GET /v1/me), or `signed-out` without a session on this
 * device. `reload()` asks again (after signing in or out, or registering an enterprise).
 */
export function useMe(): MeState & { reload: () => void } {
  // Signing in or out happens on other pages: the session is read again each time the page shows.
  const [signedIn, setSignedIn] = useState(() => auth.isSignedIn());
  useDidShow(() => setSignedIn(auth.isSignedIn()));
  const load = useCallback(() => auth.me(), []);
  const { state, reload: ask } = useAsync(signedIn ? load : null);
  const reload = useCallback(() => {
    const now = auth.isSignedIn();
    setSignedIn(now);
    // Signing in starts the load through the changed loader; otherwise ask again.
    if (now && signedIn) ask();
  }, [ask, signedIn]);

  if (!signedIn) return { status: 'signed-out', reload };
  if (state.status === 'ready') {
    const me = state.value;
    return { status: 'ready', me, authority: authorityOf(me.user.roles), issuer: isIssuerUser(me), reload };
  }
  return { ...state, reload };
}
