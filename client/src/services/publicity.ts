import '../lib/zod-setup';
import type { Objection, ObjectionDecisionInput, ObjectionInput, ObjectionList } from '@jiebang/shared';
import {
  objectionAttachmentGet,
  objectionsCreate,
  objectionsDecide,
  objectionsList,
} from '@jiebang/shared/routes/publicity';
import { openSignedFile } from './download';
import { call } from './api';

/** 公示 (issue 17): file an objection to a result of the year's 揭榜名单 as the caller's enterprise. */
export function file(year: number, input: ObjectionInput): Promise<Objection> {
  return call(objectionsCreate, { params: { year }, body: input });
}

/** The ministry: every objection, pending first; an enterprise: its own. */
export function list(): Promise<ObjectionList> {
  return call(objectionsList);
}

/** The ministry's answer, once. */
export function answer(id: string, input: ObjectionDecisionInput): Promise<Objection> {
  return call(objectionsDecide, { params: { id }, body: input });
}

/** Open one of an objection's PDFs (the ministry and the objector): a signed URL valid a few minutes. */
export async function openAttachment(id: string, index: number): Promise<void> {
  const { url } = await call(objectionAttachmentGet, { params: { id, index } });
  await openSignedFile(url, 'pdf');
}
