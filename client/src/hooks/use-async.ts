import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, errorMessage } from '../services/http';

export type AsyncState<T> = { status: 'loading' } | { status: 'ready'; value: T } | { status: 'error'; error: unknown };

/**
 * One value loaded for a page: loads when `load` changes (wrap it in useCallback with what it depends on) and
 * again on `reload()`. Answers of superseded loads are dropped. `load` null waits (nothing to load yet).
 *
 * State is only set when an answer arrives, or by `reload()` from an event, never synchronously in the effect,
 * so a change of `load` shows "loading" by comparing the answer's loader with the current one.
 */
export function useAsync<T>(load: (() => Promise<T>) | null) {
  const [answer, setAnswer] = useState<{ load: unknown; state: AsyncState<T> } | null>(null);
  const generation = useRef(0);

  const run = useCallback((fn: () => Promise<T>) => {
    const gen = ++generation.current;
    fn().then(
      (value) => gen === generation.current && setAnswer({ load: fn, state: { status: 'ready', value } }),
      (error: unknown) => gen === generation.current && setAnswer({ load: fn, state: { status: 'error', error } }),
    );
  }, []);

  useEffect(() => {
    if (load) run(load);
  }, [load, run]);

  const reload = useCallback(() => {
    if (!load) return;
    setAnswer(null);
    run(load);
  }, [load, run]);

  /** Replace the loaded value (after a change the server confirmed). */
  const set = useCallback((value: T) => setAnswer({ load, state: { status: 'ready', value } }), [load]);

  const state: AsyncState<T> = answer && answer.load === load ? answer.state : { status: 'loading' };
  return { ...state, state, reload, set };
}

/** One object as its page shows it (components/state-view `UnreadyState` until `ready`). */
export type ObjectState<T> =
  { kind: 'loading' } | { kind: 'missing' } | { kind: 'error'; message: string } | { kind: 'ready'; value: T };

/**
 * `useAsync`'s state of one object: a 404 (no such object, or not this user's) is `missing`, not a failure, and
 * so is a route without the object's id (`given` false).
 */
export function objectState<T>(state: AsyncState<T>, given = true): ObjectState<T> {
  if (!given) return { kind: 'missing' };
  if (state.status === 'ready') return { kind: 'ready', value: state.value };
  if (state.status === 'loading') return { kind: 'loading' };
  return state.error instanceof ApiError && state.error.status === 404
    ? { kind: 'missing' }
    : { kind: 'error', message: errorMessage(state.error) };
}
