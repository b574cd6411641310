/**
 * Every route of the API, by operation id, for what must see them all: the OpenAPI document and the tests that
 * walk every route. A handler never imports this module (it would carry every route): it imports its own route
 * from its area's module.
 */
import type { RouteDefinition } from './define';
import * as applications from './applications';
import * as catalogue from './catalogue';
import * as core from './core';
import * as demands from './demands';
import * as evaluation from './evaluation';
import * as notifications from './notifications';
import * as orgs from './orgs';
// statistics
import * as stats from './stats';

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
} satisfies Record<string, RouteDefinition>;

export type RouteName = keyof typeof allRoutes;
