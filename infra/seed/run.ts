/**
 * Seed a table from the command line:
 *   DYNAMODB_ENDPOINT=http://127.0.0.1:8000 TABLE_NAME=jiebang-local npx tsx infra/seed/run.ts
 * Refuses anything but a local endpoint (the seed's openids grant authority roles).
 */
import { formatSeedReport, seed } from './seed';
import { createSeedStore } from './store';
import { runCli } from '../cli';

async function main(): Promise<void> {
  const endpoint = process.env.DYNAMODB_ENDPOINT ?? 'http://127.0.0.1:8000';
  const table = process.env.TABLE_NAME ?? 'jiebang-local';
  if (!/^https?:\/\/(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?\/?$/.test(endpoint)) {
    throw new Error(`refusing to seed ${endpoint}: the demo seed only goes into a local DynamoDB`);
  }
  const store = createSeedStore({ endpoint, table });
  const report = await seed(store, new Date(), {
    onRetry: (what, err) => console.warn(`${what}: ${err.message} — retrying`),
  });
  console.log(`seeded ${table} at ${endpoint}: ${formatSeedReport(report)}`);
}

runCli('seed', main);
