/**
 * Where a notification opens, per audience: the mini-program page paths (client/src/app.config.ts). The server
 * writes these into notifications and the client opens only paths listed here, so both sides agree.
 */
const q = (path: string, id: string) => `${path}?id=${encodeURIComponent(id)}`;

export const PAGES = {
  publicDemand: '/pages/demand-detail/index',
  issuerDemand: '/subpackages/issuer/pages/demand/index',
  authorityDemand: '/subpackages/authority/pages/review-demand/index',
  applicantApplication: '/subpackages/sme/pages/application/index',
  authorityApplication: '/subpackages/authority/pages/application-review/index',
  reviewerRanking: '/subpackages/reviewer/pages/ranking/index',
  reviewerScore: '/subpackages/reviewer/pages/score/index',
  // trust
  issuerQuestions: '/subpackages/trust/pages/questions/index',
} as const;

export const links = {
  publicDemand: (id: string) => q(PAGES.publicDemand, id),
  issuerDemand: (id: string) => q(PAGES.issuerDemand, id),
  authorityDemand: (id: string) => q(PAGES.authorityDemand, id),
  applicantApplication: (id: string) => q(PAGES.applicantApplication, id),
  authorityApplication: (id: string) => q(PAGES.authorityApplication, id),
  reviewerRanking: (demandId: string) => q(PAGES.reviewerRanking, demandId),
  // trust
  issuerQuestions: (demandId: string) => q(PAGES.issuerQuestions, demandId),
};

/** True when `link` opens one of the known pages (anything else is ignored by the client). */
export const isKnownLink = (link: string): boolean =>
  (Object.values(PAGES) as string[]).includes(link.split('?')[0] ?? '');
