/**
 * The repositories of each group of use-cases, built on a store. A handler passes one of these (or its own
 * smaller one) to `route`: it builds only what its use-case reads and writes, and esbuild leaves the other
 * repositories out of its bundle.
 */
import type { Store } from './store/client';
import { DynamoApplicationRepository } from './store/dynamo-applications';
import { DynamoAuditRepository } from './store/dynamo-audit';
import { DynamoClarificationRepository } from './store/dynamo-clarifications';
import { DynamoNotificationRepository } from './store/dynamo-notifications';
import { DynamoCampaignRepository } from './store/dynamo-campaigns';
import { DynamoDemandRepository } from './store/dynamo-demands';
import { DynamoDirectContactRepository } from './store/dynamo-direct-contacts';
import { DynamoEvaluationRepository } from './store/dynamo-evaluation';
import { DynamoIdempotencyRepository } from './store/dynamo-idempotency';
import { DynamoOrgRepository } from './store/dynamo-orgs';
// pipl (personal data)
import { DynamoPersonalDataRepository } from './store/dynamo-personal-data';
import { DynamoUserRepository } from './store/dynamo-users';
// statistics
import { DynamoStatsRepository } from './store/dynamo-stats';

export const demandsOnly = (store: Store) => ({ demands: new DynamoDemandRepository(store) });
export const campaignsOnly = (store: Store) => ({ campaigns: new DynamoCampaignRepository(store) });
export const usersOnly = (store: Store) => ({ users: new DynamoUserRepository(store) });

const orgsOn = (store: Store) => new DynamoOrgRepository(store, new DynamoUserRepository(store));

/** use-cases/orgs.ts, and the current user (me). */
export function orgRepos(store: Store) {
  const users = new DynamoUserRepository(store);
  return { users, orgs: new DynamoOrgRepository(store, users) };
}

/** use-cases/demands.ts (the issuer's demand form and its lifecycle). */
export function demandRepos(store: Store) {
  return {
    demands: new DynamoDemandRepository(store),
    orgs: orgsOn(store),
    campaigns: new DynamoCampaignRepository(store),
    idempotency: new DynamoIdempotencyRepository(store),
    // 221号 to the letter (issue 16): a direct submission needs the department that contacted the issuer.
    contacts: new DynamoDirectContactRepository(store),
  };
}

/** What the application and the evaluation use-cases both read: applications, their demands and enterprises. */
const applicationsOn = (store: Store) => ({
  applications: new DynamoApplicationRepository(store),
  demands: new DynamoDemandRepository(store),
  orgs: orgsOn(store),
});

/** use-cases/applications.ts and review-applications.ts. */
export const applicationRepos = (store: Store) => ({
  ...applicationsOn(store),
  idempotency: new DynamoIdempotencyRepository(store),
  // 221号 to the letter (issue 16): submissions wait for the campaign's application window.
  campaigns: new DynamoCampaignRepository(store),
});

/** use-cases/evaluation.ts, selection.ts, acceptance.ts and results.ts. */
export const evaluationRepos = (store: Store) => ({
  ...applicationsOn(store),
  evaluation: new DynamoEvaluationRepository(store),
});

// statistics
/** use-cases/stats.ts */
export const statsRepos = (store: Store) => ({ stats: new DynamoStatsRepository(store) });
// 221号 to the letter (issue 16)
/** The authorities' review of demands: the forward is bound by the campaign's intake deadline. */
export const reviewDemandRepos = (store: Store) => ({
  demands: new DynamoDemandRepository(store),
  campaigns: new DynamoCampaignRepository(store),
});
export const contactsOnly = (store: Store) => ({ contacts: new DynamoDirectContactRepository(store) });
// ---- events (百场万企) ----
import { DynamoEventRepository } from './store/dynamo-events';

/** use-cases/events.ts: the event area's own items only. */
export const eventRepos = (store: Store) => ({ events: new DynamoEventRepository(store) });

/** Registration also reads the enterprise and the demands it attaches. */
export const eventRegistrationRepos = (store: Store) => ({
  events: new DynamoEventRepository(store),
  orgs: orgsOn(store),
  demands: new DynamoDemandRepository(store),
});

// trust (audit chain)
/** use-cases/audit.ts: the trail, and what decides who may see its object. */
export const auditRepos = (store: Store) => ({
  ...applicationsOn(store),
  campaigns: new DynamoCampaignRepository(store),
  audit: new DynamoAuditRepository(store),
  // events: an event's trail is its organiser's
  events: new DynamoEventRepository(store),
});

// trust (clarifications)
/** use-cases/clarifications.ts: questions, the demand they are on, who follows it. */
export const clarificationRepos = (store: Store) => ({
  demands: new DynamoDemandRepository(store),
  clarifications: new DynamoClarificationRepository(store),
  notifications: new DynamoNotificationRepository(store),
});

// --- 科技成果赋智 (library area, issue 15) ---
import { DynamoLibraryRepository } from './store/dynamo-library';
import { DynamoMatchIndex } from './store/dynamo-match-index';

/** use-cases/library.ts: achievements and interests, and the caller's organisation. */
export const libraryRepos = (store: Store) => ({
  library: new DynamoLibraryRepository(store),
  orgs: orgsOn(store),
});

/** PUT /v1/interests/{id}/tech-manager: the library's repositories and the member to attach. */
export const interestManagerRepos = (store: Store) => ({
  ...libraryRepos(store),
  users: new DynamoUserRepository(store),
});

/** use-cases/matching.ts: the postings, the caller's organisation, the demand. */
export const matchingRepos = (store: Store) => ({
  match: new DynamoMatchIndex(store),
  demands: new DynamoDemandRepository(store),
});
// pipl (personal data)
/** use-cases/personal-data.ts: the person's own items, and the enterprise it leaves on erasure. */
export const personalDataRepos = (store: Store) => ({
  personal: new DynamoPersonalDataRepository(store),
  orgs: orgsOn(store),
});

// 221号 on paper (issue 16, item 6)
/** use-cases/paper-forms.ts: the record printed, its enterprise, the demand of an application. */
export const paperRepos = (store: Store) => ({ ...applicationsOn(store) });
// publicity (公示, issue 17)
import { DynamoPublicityRepository } from './store/dynamo-publicity';

/** use-cases/results.ts publicResults: the lines and the campaign's notice period. */
export const publicResultsRepos = (store: Store) => ({
  evaluation: new DynamoEvaluationRepository(store),
  campaigns: new DynamoCampaignRepository(store),
});

/** use-cases/publicity.ts: objections, the lines and demand they concern, what an upheld one reopens. */
export const publicityRepos = (store: Store) => ({
  publicity: new DynamoPublicityRepository(store),
  campaigns: new DynamoCampaignRepository(store),
  demands: new DynamoDemandRepository(store),
  orgs: orgsOn(store),
  evaluation: new DynamoEvaluationRepository(store),
});
// policy support (issue 16, item 7)
import { DynamoPolicySupportRepository } from './store/dynamo-policy-support';

/** use-cases/policy-support.ts: the selected SMEs' entries and support records, the idempotent answers. */
export const supportRepos = (store: Store) => ({
  support: new DynamoPolicySupportRepository(store),
  idempotency: new DynamoIdempotencyRepository(store),
});
