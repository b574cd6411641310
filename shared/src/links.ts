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
  // 221号 to the letter (issue 16): the year's deadlines (the ministry edits them there).
  campaign: '/subpackages/campaign/pages/campaign/index',
  /** The public 揭榜名单 of a campaign year (`?year=`). */
  results: '/subpackages/campaign/pages/results/index',
  // events (百场万企)
  eventCalendar: '/subpackages/events/pages/calendar/index',
  publicEvent: '/subpackages/events/pages/event/index',
  myEvents: '/subpackages/events/pages/mine/index',
  myEventPass: '/subpackages/events/pages/pass/index',
  organiserEvents: '/subpackages/organiser/pages/events/index',
  organiserEvent: '/subpackages/organiser/pages/console/index',
  // trust
  issuerQuestions: '/subpackages/trust/pages/questions/index',
  // stats (统计表)
  statsReport: '/subpackages/stats/pages/report/index',
  // publicity (公示): the objections (the ministry answers there, an enterprise follows its own) and the form.
  objections: '/subpackages/trust/pages/objections/index',
  objectionForm: '/subpackages/trust/pages/objection/index',
  // 科技成果赋智 (library area): 对接意向, received or sent
  interests: '/subpackages/library/pages/interests/index',
} as const;

export const links = {
  publicDemand: (id: string) => q(PAGES.publicDemand, id),
  issuerDemand: (id: string) => q(PAGES.issuerDemand, id),
  authorityDemand: (id: string) => q(PAGES.authorityDemand, id),
  applicantApplication: (id: string) => q(PAGES.applicantApplication, id),
  authorityApplication: (id: string) => q(PAGES.authorityApplication, id),
  reviewerRanking: (demandId: string) => q(PAGES.reviewerRanking, demandId),
  // 221号 to the letter (issue 16)
  campaign: (year: number) => q(PAGES.campaign, String(year)),
  results: (year: number) => `${PAGES.results}?year=${year}`,
  // events (百场万企)
  publicEvent: (id: string) => q(PAGES.publicEvent, id),
  myEventPass: (eventId: string) => q(PAGES.myEventPass, eventId),
  organiserEvent: (id: string) => q(PAGES.organiserEvent, id),
  // trust
  issuerQuestions: (demandId: string) => q(PAGES.issuerQuestions, demandId),
  // stats (统计表)
  statsReport: (region: string, period: string) =>
    `${PAGES.statsReport}?region=${encodeURIComponent(region)}&period=${encodeURIComponent(period)}`,
  // publicity (公示): the list, opened on one objection.
  objection: (id: string) => q(PAGES.objections, id),
  objectionForm: (year: number, demandId: string) =>
    `${PAGES.objectionForm}?year=${year}&demandId=${encodeURIComponent(demandId)}`,
  // 科技成果赋智 (library area): the box the organisation finds the interest in
  interest: (id: string, box: 'received' | 'sent') => `${q(PAGES.interests, id)}&box=${box}`,
};

/** True when `link` opens one of the known pages (anything else is ignored by the client). */
export const isKnownLink = (link: string): boolean =>
  (Object.values(PAGES) as string[]).includes(link.split('?')[0] ?? '');
