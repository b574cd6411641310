/**
 * What the table scripts run from the command line share (`npm run reindex`, `stats:rebuild`, `audit:verify`):
 * the table they work on — npm start's DynamoDB Local unless DYNAMODB_ENDPOINT (empty for AWS), TABLE_NAME and
 * AWS_REGION say otherwise — and how a failure ends the process.
 */
import { createStore, type Store } from '../functions/src/store/client';

export function cliTable(): { store: Store; table: string; endpoint: string } {
  const endpoint = process.env.DYNAMODB_ENDPOINT ?? 'http://127.0.0.1:8000';
  const table = process.env.TABLE_NAME ?? 'jiebang-local';
  const store = createStore({
    TABLE_NAME: table,
    AWS_REGION: process.env.AWS_REGION ?? 'cn-northwest-1',
    DYNAMODB_ENDPOINT: endpoint,
  });
  return { store, table, endpoint };
}

/** Runs `main`; a failure prints `<name> failed: <reason>` and exits with `code`. */
export function runCli(name: string, main: () => Promise<void>, code = 1): void {
  main().catch((err: unknown) => {
    console.error(`${name} failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = code;
  });
}
