import { setupZod } from '@jiebang/shared/zod-setup';

/*
 * Mini-programs forbid `new Function`/`eval`, and a strict CSP may too: zod's JIT-compiled object parsers must
 * be off. zod reads this flag when a schema is *constructed*, so this module has to run before anything
 * imports `@jiebang/shared` (app.tsx imports it first; services import it too as a safeguard). The same set-up
 * gives the client the server's Chinese validation messages.
 */
setupZod({ jitless: true });
