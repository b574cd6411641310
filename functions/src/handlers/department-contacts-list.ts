import { departmentContactsList } from '@jiebang/shared/routes/campaigns';
import { route } from '../http/route';
import { contactsOnly } from '../wiring';
import { listContacts } from '../use-cases/direct-contacts';

/** GET /v1/departments/{code}/enterprises */
export const handler = route(departmentContactsList, contactsOnly, async ({ params, user, repos }) => ({
  body: await listContacts(params.code, { user, ...repos }),
}));
