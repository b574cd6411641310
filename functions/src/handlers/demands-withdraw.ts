import { demandsWithdraw } from '@jiebang/shared/routes/demands';
import { route } from '../http/route';
import type { Store } from '../store/client';
import { DynamoApplicationRepository } from '../store/dynamo-applications';
import { DynamoEvaluationRepository } from '../store/dynamo-evaluation';
import { demandRepos } from '../wiring';
import { withdrawDemand } from '../use-cases/demands';

/** Withdrawing closes the demand's open applications too: their repositories besides the demand's. */
const wire = (store: Store) => ({
  ...demandRepos(store),
  applications: new DynamoApplicationRepository(store),
  evaluation: new DynamoEvaluationRepository(store),
});

/** POST /v1/demands/{id}/withdraw */
export const handler = route(demandsWithdraw, wire, async ({ params, body, user, now, repos }) => ({
  body: await withdrawDemand(params.id, body.reason, { user, now, ...repos }),
}));
