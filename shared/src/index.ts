export * from './constants';
export * from './schemas/common';
export * from './schemas/demand';
export * from './schemas/auth';
export * from './rules/regions';
export * from './rules/credit-code';
export * from './rules/affiliate-rows';
export * from './rules/deadline';
export * from './rules/event-phase';
export * from './demo';
export * from './rules/classification';
export * from './schemas/org';
export * from './schemas/campaign';
export * from './zod-setup';
export * from './schemas/audit';
export * from './schemas/notification';
export * from './rules/demand-state';
export * from './schemas/application';
export * from './rules/application-state';
export * from './rules/working-days';
export * from './rules/selection';
export * from './schemas/evaluation';
export * from './links';
export * from './lenient';
// statistics
export * from './schemas/stats';
// statistics
export * from './rules/stats-report';
export * from './rules/campaign';
export * from './schemas/event';
// trust (clarifications)
export * from './rules/clarifications';
export * from './schemas/clarification';
// 科技成果赋智 (library area, issue 15)
export * from './schemas/library';
export * from './rules/library-state';
// pipl (personal data)
export * from './schemas/personal-data';
// design (issue 18): the authorities' queues
export * from './schemas/review-queue';
// publicity (公示, issue 17)
export * from './rules/publicity';
export * from './schemas/publicity';
// policy support (issue 16, item 7)
export * from './schemas/policy-support';
export * from './rules/inbox';
