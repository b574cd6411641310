import '../lib/zod-setup';
import * as z from 'zod';
import {
  acceptanceResultSchema,
  feedbackSchema,
  rankingSchema,
  releasedApplicationsSchema,
  scoreSetSchema,
  selectionDecisionSchema,
} from '@jiebang/shared';
import type { AcceptanceInput, RankingSort, ScoreInput, SelectionInput } from '@jiebang/shared';
import { request } from './http';

const id = (s: string) => encodeURIComponent(s);

/** GET /v1/demands/{id}/applications: released applications with reviewer counts and "scored by me". */
export function released(demandId: string, cursor?: string | null, limit = 50) {
  return request(`/v1/demands/${id(demandId)}/applications`, releasedApplicationsSchema, { query: { limit, cursor } });
}

/** GET /v1/demands/{id}/ranking */
export function ranking(demandId: string, sort: RankingSort = 'total', cursor?: string | null, limit = 50) {
  return request(`/v1/demands/${id(demandId)}/ranking`, rankingSchema, { query: { sort, limit, cursor } });
}

const scoresSchema = z.object({
  mine: scoreSetSchema.nullable(),
  sets: z.array(scoreSetSchema),
  weights: z.object({ team: z.number(), capability: z.number(), plan: z.number(), match: z.number() }),
  editable: z.boolean(),
});

/** GET /v1/applications/{id}/scores: the caller's own score set (and, for admins, every reviewer's). */
export function scores(applicationId: string) {
  return request(`/v1/applications/${id(applicationId)}/scores`, scoresSchema);
}

/** PUT /v1/applications/{id}/scores: create or replace the caller's score set (until the decision). */
export function putScore(applicationId: string, input: ScoreInput) {
  return request(`/v1/applications/${id(applicationId)}/scores`, scoreSetSchema, { method: 'PUT', body: input });
}

/** POST /v1/demands/{id}/selection — one decision per demand; 409 when someone decided first. */
export function select(demandId: string, input: SelectionInput) {
  return request(`/v1/demands/${id(demandId)}/selection`, selectionDecisionSchema, { method: 'POST', body: input });
}

/** POST /v1/demands/{id}/cooperation */
export function startCooperation(demandId: string, note?: string) {
  return request(
    `/v1/demands/${id(demandId)}/cooperation`,
    z.object({ demandId: z.string(), status: z.string(), version: z.number() }),
    {
      method: 'POST',
      body: note ? { note } : {},
    },
  );
}

/** POST /v1/applications/{id}/acceptance */
export function accept(applicationId: string, input: AcceptanceInput) {
  return request(`/v1/applications/${id(applicationId)}/acceptance`, acceptanceResultSchema, {
    method: 'POST',
    body: input,
  });
}

/**
 * GET /v1/applications/{id}/feedback: the applicant's own result after the decision — its per-criterion averages,
 * weighted total, the threshold (lowest selected total) and, when recorded, the acceptance. 409 NOT_DECIDED before.
 */
export function feedback(applicationId: string) {
  return request(`/v1/applications/${id(applicationId)}/feedback`, feedbackSchema);
}
