/**
 * Every route of the API, by operation id, for what must see them all: the OpenAPI document and the tests that
 * walk every route. A handler never imports this module (it would carry every route): it imports its own route
 * from its area's module.
 */
import type { RouteDefinition } from './define';
import * as applications from './applications';
// trust
import * as audit from './audit';
import * as clarifications from './clarifications';
import * as catalogue from './catalogue';
// 221号 to the letter (issue 16)
import * as campaigns from './campaigns';
import * as core from './core';
import * as demands from './demands';
import * as evaluation from './evaluation';
import * as notifications from './notifications';
import * as orgs from './orgs';
// pipl (personal data)
import * as personalData from './personal-data';
// statistics
import * as stats from './stats';
// events (百场万企)
import * as events from './events';
// 科技成果赋智 (library area)
import * as library from './library';
// publicity (公示, issue 17)
import * as publicity from './publicity';

// 221号 on paper (issue 16, item 6)
import * as paper from './paper';
// policy support (issue 16, item 7)
import * as policySupport from './policy-support';

export const allRoutes = {
  ...core,
  ...catalogue,
  ...demands,
  ...orgs,
  ...applications,
  ...evaluation,
  ...notifications,
  // statistics
  ...stats,
  // 221号 to the letter (issue 16)
  ...campaigns,
  // events (百场万企)
  ...events,
  // trust
  ...audit,
  ...clarifications,
  ...library,
  // pipl (personal data)
  ...personalData,
  // 221号 on paper (issue 16, item 6)
  ...paper,
  // publicity (公示, issue 17)
  ...publicity,
  // policy support (issue 16, item 7)
  ...policySupport,
} satisfies Record<string, RouteDefinition>;

export type RouteName = keyof typeof allRoutes;
