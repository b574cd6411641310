import '../lib/zod-setup';
import type { StatsReportInput } from '@jiebang/shared';
import {
  statsOverview,
  statsReportAccept,
  statsReportGet,
  statsReportPut,
  statsReportReturn,
  statsReportSubmit,
  statsReportExport,
  statsReportsList,
  statsRollupExport,
} from '@jiebang/shared/routes/stats';
import { call } from './api';
import { downloadXlsx, type Progress } from './download';

/** The dashboard of the caller's scope (the nation or a region for the ministry; its own region for a province). */
export const overview = (year?: number, region?: string) => call(statsOverview, { query: { year, region } });

/** Every authority's 统计表 state for a period (the ministry), or the caller's own line (a province). */
export const reports = (period: string) => call(statsReportsList, { query: { period } });

export const report = (region: string, period: string) => call(statsReportGet, { params: { region, period } });
export const saveReport = (region: string, period: string, body: StatsReportInput) =>
  call(statsReportPut, { params: { region, period }, body });
export const submitReport = (region: string, period: string) => call(statsReportSubmit, { params: { region, period } });
export const returnReport = (region: string, period: string, comment: string) =>
  call(statsReportReturn, { params: { region, period }, body: { comment } });
export const acceptReport = (region: string, period: string) => call(statsReportAccept, { params: { region, period } });

/** One report's .xlsx (its province, the ministry), with the session: services/download.ts. */
export const downloadReport = (region: string, period: string, authorityName: string, progress?: Progress) =>
  downloadXlsx(statsReportExport, { region, period }, `统计表-${authorityName}-${period}.xlsx`, progress);

/** The national roll-up's .xlsx (the ministry): one row per authority and a total row. */
export const downloadRollup = (period: string, progress?: Progress) =>
  downloadXlsx(statsRollupExport, { period }, `统计表全国汇总-${period}.xlsx`, progress);
