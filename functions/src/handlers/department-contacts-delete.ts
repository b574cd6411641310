import { departmentContactsDelete } from '@jiebang/shared/routes/campaigns';
import { route } from '../http/route';
import { contactsOnly } from '../wiring';
import { removeContact } from '../use-cases/direct-contacts';

/** DELETE /v1/departments/{code}/enterprises/{creditCode} */
export const handler = route(departmentContactsDelete, contactsOnly, async ({ params, user, now, repos }) => ({
  body: await removeContact(params.code, params.creditCode, { user, now, ...repos }),
}));
