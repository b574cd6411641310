import { useCallback } from 'react';
import * as campaigns from '../services/campaigns';
import { useAsync } from './use-async';

/** The first campaign year a page may be asked for (the platform's first campaign was earlier). */
const FIRST_YEAR = 2020;

/** A page's `?year=` as a campaign year, or null when absent or not a year (then the current campaign's is used). */
export function askedYear(param: string | undefined): number | null {
  const year = Number(param);
  return param && Number.isInteger(year) && year >= FIRST_YEAR ? year : null;
}

/**
 * The campaign year a page shows: `?year=` when it names one (no request), else the current campaign's (GET
 * /v1/campaigns/current). `year` is null until known; `error` and `reload` are those of the current-campaign read.
 */
export function useCampaignYear(param: string | undefined) {
  const asked = askedYear(param);
  const load = useCallback(async () => asked ?? (await campaigns.current()).year, [asked]);
  const { state, reload } = useAsync(load);
  return {
    year: state.status === 'ready' ? state.value : null,
    error: state.status === 'error' ? state.error : null,
    reload,
  };
}
