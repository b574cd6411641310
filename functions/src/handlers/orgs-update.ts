import { orgsUpdate } from '@jiebang/shared/routes/orgs';
import { route } from '../http/route';
import { keywordsForMatching, profilePostings } from '../matching/wiring';
import type { Store } from '../store/client';
import { orgRepos } from '../wiring';
import { updateOrg } from '../use-cases/orgs';

/** The org's repositories and, for the profile (library area), its matching postings' writer. */
const wire = (store: Store) => ({ ...orgRepos(store), profilePostings: profilePostings(store) });

/** PUT /v1/orgs/{id} */
export const handler = route(orgsUpdate, wire, async ({ params, body, user, now, repos }) => ({
  body: await updateOrg(user, params.id, body, {
    repos,
    now,
    keywords: keywordsForMatching,
    profilePostings: repos.profilePostings,
  }),
}));
