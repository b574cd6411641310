import { departmentContactsAdd } from '@jiebang/shared/routes/campaigns';
import { route } from '../http/route';
import { contactsOnly } from '../wiring';
import { addContact } from '../use-cases/direct-contacts';

/** POST /v1/departments/{code}/enterprises */
export const handler = route(departmentContactsAdd, contactsOnly, async ({ params, body, user, now, repos }) => ({
  body: await addContact(params.code, body, { user, now, ...repos }),
}));
