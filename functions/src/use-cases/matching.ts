/**
 * 精准对接 (issue 15): published demands ranked for an organisation, and organisations and achievements ranked
 * for a demand. Reads stored terms only (computed when the texts were written); see matching/rank.ts for the score.
 */
import { isOpen, type Demand, type Match, type Recommendation, type SessionUser } from '@jiebang/shared';
import { inOrg, isMinistry, provinceOf } from '../auth/roles';
import { Forbidden, NotFound } from '../domain/errors';
import { rank } from '../matching/rank';
import { isTellingTerm } from '../matching/telling-terms';
import { libraryKeys } from '../store/keys';
import type { DynamoMatchIndex, Posting } from '../store/dynamo-match-index';

export interface MatchingDeps {
  repos: {
    match: DynamoMatchIndex;
    demands: { get(id: string): Promise<Demand | null> };
  };
  now: Date;
}

/**
 * Most Queries of one ranking: the organisation's fields first, then its heaviest terms. With the BatchGetItem of
 * the organisation and its affiliations, a recommendation costs 1 + (its fields and terms, at most MAX_QUERIES)
 * requests, however many demands are published.
 */
export const MAX_QUERIES = 10;
/** Postings read per Query (heaviest first): candidates enough for a page of 20. */
const PER_QUERY = 40;

/**
 * GET /v1/recommendations: open published demands for the caller's organisation, never an affiliated issuer's.
 * The postings are the truth about a demand's state (only a published demand has them; see dynamo-match-index.ts)
 * and the first read brings the affiliations, so nothing is read after the Queries.
 */
export async function recommendations(
  u: SessionUser & { orgCreditCode?: string | undefined },
  limit: number,
  d: MatchingDeps,
): Promise<Recommendation[]> {
  if (!u.orgId) throw new Forbidden('请先登记或加入一家企业、高校或科研机构');
  const { org, affiliatedIssuers } = await d.repos.match.caller(u.orgId, u.orgCreditCode);
  if (!org) throw new Forbidden('请先登记或加入一家企业、高校或科研机构');
  const profile = org.profile;
  if (!profile) return [];
  const fields = profile.techFields.slice(0, MAX_QUERIES);
  // Terms stored before telling-terms.ts existed may hold 在线 or 系统: no Query is spent on them.
  const terms = (profile.terms ?? []).filter((t) => isTellingTerm(t.term)).slice(0, MAX_QUERIES - fields.length);
  const postings = (
    await Promise.all([
      ...fields.map((f) => d.repos.match.postings(libraryKeys.matchFieldPartition(f), 'D', PER_QUERY)),
      ...terms.map((t) => d.repos.match.postings(libraryKeys.matchPartition(t.term), 'D', PER_QUERY)),
    ])
  ).flat();
  // Never the caller's own demands, an issuer whose affiliate list names it (any generation still stored), or
  // its controlling shareholder.
  const excluded = (p: Posting) =>
    p.ownerOrgId === org.id ||
    affiliatedIssuers.has(p.ownerOrgId) ||
    (org.controllingShareholderCreditCode !== undefined && p.issuerCreditCode === org.controllingShareholderCreditCode);
  return rank({ terms, fields, region: org.region }, postings)
    .filter((r) => !excluded(r.posting) && r.posting.deadline !== undefined && isOpen(r.posting.deadline, d.now))
    .slice(0, limit)
    .map((c) => ({
      id: c.id,
      title: c.posting.name,
      field: c.posting.field,
      region: c.posting.region,
      // An anonymous issuer stays anonymous: its posting carries no name, and no id is sent.
      issuer:
        c.posting.anonymous || !c.posting.ownerName ? null : { id: c.posting.ownerOrgId, name: c.posting.ownerName },
      applicationDeadline: c.posting.deadline!,
      score: c.score,
      reasons: c.reasons,
    }));
}

/** GET /v1/demands/{id}/matches: organisations and achievements for a demand (its issuer's members, authorities). */
export async function demandMatches(u: SessionUser, id: string, d: MatchingDeps): Promise<Match[]> {
  const demand = await d.repos.demands.get(id);
  const allowed =
    demand &&
    (inOrg(u, demand.issuerOrgId, ['org_admin', 'org_member', 'reviewer']) ||
      ((isMinistry(u) || provinceOf(u) === demand.region) && demand.status !== 'draft'));
  if (!demand || !allowed) throw new NotFound('需求不存在');
  const stored = await d.repos.match.demandTerms(id);
  const terms = (stored?.terms ?? []).filter((t) => isTellingTerm(t.term)).slice(0, MAX_QUERIES - 1);
  const partitions = [
    libraryKeys.matchFieldPartition(demand.field),
    ...terms.map((t) => libraryKeys.matchPartition(t.term)),
  ];
  const postings = (
    await Promise.all(
      partitions.flatMap((p) => [
        d.repos.match.postings(p, 'O', PER_QUERY / 2),
        d.repos.match.postings(p, 'A', PER_QUERY / 2),
      ]),
    )
  ).flat();
  return rank({ terms, fields: [demand.field], region: demand.region }, postings)
    .filter((r) => r.posting.ownerOrgId !== demand.issuerOrgId && r.id !== demand.issuerOrgId)
    .slice(0, 20)
    .map((r) => ({
      kind: r.kind === 'A' ? 'achievement' : 'org',
      id: r.id,
      name: (r.kind === 'A' ? `${r.posting.name}（${r.posting.ownerName ?? ''}）` : r.posting.name).slice(0, 100),
      ...(r.posting.orgKind ? { orgKind: r.posting.orgKind } : {}),
      region: r.posting.region,
      score: r.score,
      reasons: r.reasons,
    }));
}
