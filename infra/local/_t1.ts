import { startDynamoDbLocal } from './dynamodb';
import { createLogger } from './log';
import { REPO_ROOT } from './paths';
async function main() {
const t0 = Date.now();
console.log(REPO_ROOT);
const db = await startDynamoDbLocal({ log: createLogger('dynamodb', 'blue'), path: process.argv[2] });
console.log('up', db.endpoint, Date.now() - t0);
console.log(await db.ensureTable('t1'), Date.now() - t0);
console.log(await db.ensureTable('t1'), Date.now() - t0);
await db.stop();
console.log('stopped', Date.now() - t0);
}
main();
