import { useCallback, useState } from 'react';

/**
 * A list page's filters as one object, with a setter of each: `set('region')(code)` (what a filter control's
 * onChange takes).
 */
export function useFilters<F extends object>(initial: F) {
  const [filters, setFilters] = useState<F>(initial);
  const set = useCallback(
    <P extends keyof F>(key: P) =>
      (value: F[P]) =>
        setFilters((f) => ({ ...f, [key]: value })),
    [],
  );
  return [filters, setFilters, set] as const;
}
