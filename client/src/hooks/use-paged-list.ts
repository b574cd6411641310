import { useCallback, useEffect, useRef, useState } from 'react';
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { errorMessage } from '../services/http';

/** What every list route answers: a page of items and the cursor of the next one (null at the end). */
export interface CursorPage<T> {
  items: T[];
  nextCursor: string | null;
}

export interface PagedListOptions {
  /**
   * `change` (default): load when `fetchPage` changes (filters). `show`: also load again, quietly, each time the
   * page shows again (back from a detail where the item changed).
   */
  reloadOn?: 'change' | 'show';
  /** How a failed "load more" is told: `inline` keeps `moreError` for the list's footer, `toast` shows a toast. */
  moreErrors?: 'inline' | 'toast';
}

type First<P> = { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; page: P };

/**
 * A cursor-paginated list: the first page when `fetchPage` changes (wrap it in useCallback with its filters),
 * pull-down refresh (quiet: a failure with items on screen is a toast, not an error screen), the next page on
 * reaching the bottom (deduplicated by id), and answers of superseded requests dropped.
 *
 * `fetchPage` null waits (e.g. until the user is known).
 */
export function usePagedList<P extends CursorPage<{ id: string }>>(
  fetchPage: ((cursor: string | null) => Promise<P>) | null,
  options: PagedListOptions = {},
) {
  const { reloadOn = 'change', moreErrors = 'inline' } = options;
  // The answer to the first page, tagged with the fetcher it came from: a new fetcher shows "loading".
  const [first, setFirst] = useState<{ fetcher: unknown; state: First<P> } | null>(null);
  type T = P['items'][number];
  const [items, setItems] = useState<T[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState('');
  const generation = useRef(0);

  const current = first && first.fetcher === fetchPage ? first.state : ({ status: 'loading' } as First<P>);
  const hasData = current.status === 'ready';

  // State is set only when the answer arrives (then-callbacks), never synchronously in the effect.
  const loadFirst = useCallback((fetcher: (cursor: string | null) => Promise<P>, quiet: boolean) => {
    const gen = ++generation.current;
    return fetcher(null).then(
      (page) => {
        if (gen !== generation.current) return;
        setItems(page.items);
        setCursor(page.nextCursor);
        setMoreError('');
        setFirst({ fetcher, state: { status: 'ready', page } });
      },
      (error: unknown) => {
        if (gen !== generation.current) return;
        if (quiet) void Taro.showToast({ title: errorMessage(error), icon: 'none' });
        else setFirst({ fetcher, state: { status: 'error', error } });
      },
    );
  }, []);

  useEffect(() => {
    if (fetchPage) void loadFirst(fetchPage, false);
  }, [fetchPage, loadFirst]);

  useDidShow(() => {
    // Nothing answered yet: the first load (started by the effect above) is still on its way.
    if (reloadOn === 'show' && fetchPage && first) void loadFirst(fetchPage, hasData);
  });

  /** Load the first page again, showing "loading" (the error screen's retry). */
  const reload = useCallback(() => {
    if (!fetchPage) return;
    setFirst(null);
    void loadFirst(fetchPage, false);
  }, [fetchPage, loadFirst]);

  /** Load the first page again, keeping the list on screen. */
  const refresh = useCallback(async () => {
    if (fetchPage) await loadFirst(fetchPage, hasData);
  }, [fetchPage, hasData, loadFirst]);

  const loadMore = useCallback(async () => {
    if (!fetchPage || !hasData || !cursor || loadingMore) return;
    const gen = generation.current;
    setLoadingMore(true);
    setMoreError('');
    try {
      const page = await fetchPage(cursor);
      if (gen !== generation.current) return;
      setItems((prev) => {
        const seen = new Set(prev.map((i) => i.id));
        return [...prev, ...page.items.filter((i) => !seen.has(i.id))];
      });
      setCursor(page.nextCursor);
    } catch (error) {
      if (gen !== generation.current) return;
      if (moreErrors === 'toast') void Taro.showToast({ title: errorMessage(error), icon: 'none' });
      else setMoreError(errorMessage(error));
    } finally {
      setLoadingMore(false);
    }
  }, [fetchPage, hasData, cursor, loadingMore, moreErrors]);

  usePullDownRefresh(() => {
    void refresh().finally(() => Taro.stopPullDownRefresh());
  });
  useReachBottom(() => void loadMore());

  return {
    status: current.status,
    /** The first page's failure (status `error`). */
    error: current.status === 'error' ? current.error : undefined,
    /** The latest first page (its counts and other fields beside the items). */
    page: current.status === 'ready' ? current.page : undefined,
    items,
    /** Set the items (an optimistic change such as "read"). */
    setItems,
    /** The next page's cursor, null at the end. */
    cursor,
    loadingMore,
    moreError,
    reload,
    refresh,
    loadMore,
  };
}
