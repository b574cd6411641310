import '../lib/zod-setup';
import type { SupportedSme, SupportInput, SupportQualification, SupportRecord } from '@jiebang/shared';
import { pathOf } from '@jiebang/shared/routes/define';
import {
  supportedSmesExport,
  supportedSmesList,
  supportRecordsCreate,
  supportRecordsList,
} from '@jiebang/shared/routes/policy-support';
import { call } from './api';
import { downloadFile } from './download';
import { newIdempotencyKey } from './applications';

export interface SmeFilter {
  qualification?: SupportQualification | undefined;
  region?: string | undefined;
}

/** 揭榜企业与政策支持 (issue 16, item 7): a page of the year's selected SMEs (a province: its own region). */
export async function list(year: number, f: SmeFilter, cursor: string | null) {
  const page = await call(supportedSmesList, {
    params: { year },
    query: {
      limit: 20,
      ...(f.qualification ? { qualification: f.qualification } : {}),
      ...(f.region ? { region: f.region } : {}),
      ...(cursor ? { cursor } : {}),
    },
  });
  return { ...page, items: page.items.map((s: SupportedSme) => ({ ...s, id: s.orgId })) };
}

export function records(year: number, orgId: string): Promise<{ items: SupportRecord[] }> {
  return call(supportRecordsList, { params: { year, orgId } });
}

/** Record one support with an Idempotency-Key: a retry of the same attempt records once. */
export function record(year: number, orgId: string, input: SupportInput, idempotencyKey = newIdempotencyKey()) {
  return call(supportRecordsCreate, {
    params: { year, orgId },
    body: input,
    headers: { 'Idempotency-Key': idempotencyKey },
  });
}

export function download(year: number, f: SmeFilter) {
  const q = new URLSearchParams();
  if (f.qualification) q.set('qualification', f.qualification);
  if (f.region) q.set('region', f.region);
  const path = `${pathOf(supportedSmesExport, { year })}${q.toString() ? `?${q.toString()}` : ''}`;
  return downloadFile(path, `揭榜企业与政策支持-${year}.xlsx`, 'xlsx');
}
