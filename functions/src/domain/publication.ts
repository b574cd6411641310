/**
 * What of a demand the public may see. Built by picking fields (a whitelist), so that a private field added
 * later never leaks by default. When the issuer chose anonymity, nothing identifying it is copied.
 */
import { isOpen, type CatalogueDetail, type CatalogueItem, type Demand } from '@jiebang/shared';

/** Statuses in which a demand is (or was) in the public catalogue. */
export const PUBLIC_STATUSES = new Set<Demand['status']>([
  'published',
  'evaluating',
  'selected',
  'no_selection',
  'in_cooperation',
  'completed',
  'withdrawn',
]);

export const isPublic = (d: Demand): boolean => PUBLIC_STATUSES.has(d.status) && d.publishedAt !== undefined;

/** The stored catalogue card: the public card without `open`, which depends on the clock. */
export type CatalogueCard = Omit<CatalogueItem, 'open'>;

export function toCatalogueCard(d: Demand): CatalogueCard {
  if (!d.publishedAt) throw new Error(`demand ${d.id} has no publishedAt`);
  return {
    id: d.id,
    title: d.title,
    field: d.field,
    demandType: d.demandType,
    region: d.region,
    ...(d.anonymous
      ? { issuer: null }
      : { issuer: { id: d.issuerOrgId, name: d.issuerName }, issuerName: d.issuerName }),
    budget: d.budget.negotiable ? { negotiable: true } : { amount: d.budget.amount, negotiable: false },
    applicationDeadline: d.applicationDeadline,
    publishedAt: d.publishedAt,
    status: d.status,
    ...(d.track === 'sme' ? { track: d.track } : {}),
  };
}

/** A card as served: `open` is computed from the clock at read time, so it flips at the deadline to the second. */
export const withOpen = (card: CatalogueCard, now: Date): CatalogueItem => ({
  ...card,
  open: card.status === 'published' && isOpen(card.applicationDeadline, now),
});

export function toCatalogueDetail(d: Demand, now: Date): CatalogueDetail {
  return {
    ...withOpen(toCatalogueCard(d), now),
    ...(d.catalogueCategory ? { catalogueCategory: d.catalogueCategory } : {}),
    background: d.background,
    difficulties: d.difficulties,
    indicators: d.indicators.map(({ name, target }) => ({ name, target })),
    outcomeForms: d.outcomeForms,
    cooperationModes: d.cooperationModes,
    expectedCompletion: d.expectedCompletion,
    weights: d.weights,
    ...(d.withdrawReason ? { withdrawReason: d.withdrawReason } : {}),
    campaignYear: d.campaignYear,
  };
}
