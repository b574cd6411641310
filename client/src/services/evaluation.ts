import '../lib/zod-setup';
import type { AcceptanceInput, RankingSort, ScoreInput, SelectionInput } from '@jiebang/shared';
import {
  acceptanceCreate,
  cooperationStart,
  demandApplicationsList,
  feedbackGet,
  rankingGet,
  scoresGet,
  scoresPut,
  selectionCreate,
} from '@jiebang/shared/routes/evaluation';
import { call } from './api';

/** Released applications of a demand with reviewer counts and "scored by me". */
export function released(demandId: string, cursor?: string | null, limit = 50) {
  return call(demandApplicationsList, { params: { id: demandId }, query: { limit, cursor } });
}

/** The weighted ranking of a demand's released applications. */
export function ranking(demandId: string, sort: RankingSort = 'total', cursor?: string | null, limit = 50) {
  return call(rankingGet, { params: { id: demandId }, query: { sort, limit, cursor } });
}

/** The caller's own score set of an application (and, for admins, every reviewer's). */
export function scores(applicationId: string) {
  return call(scoresGet, { params: { id: applicationId } });
}

/** Create or replace the caller's score set (until the decision). */
export function putScore(applicationId: string, input: ScoreInput) {
  return call(scoresPut, { params: { id: applicationId }, body: input });
}

/** One decision per demand; 409 when someone decided first. */
export function select(demandId: string, input: SelectionInput) {
  return call(selectionCreate, { params: { id: demandId }, body: input });
}

/** Confirm the cooperation with the selected enterprises. */
export function startCooperation(demandId: string, note?: string) {
  return call(cooperationStart, { params: { id: demandId }, body: note ? { note } : {} });
}

/** The issuer's acceptance of a selected application. */
export function accept(applicationId: string, input: AcceptanceInput) {
  return call(acceptanceCreate, { params: { id: applicationId }, body: input });
}

/**
 * The applicant's own result after the decision — its per-criterion averages, weighted total, the threshold
 * (lowest selected total) and, when recorded, the acceptance. 409 NOT_DECIDED before.
 */
export function feedback(applicationId: string) {
  return call(feedbackGet, { params: { id: applicationId } });
}
