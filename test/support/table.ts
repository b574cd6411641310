/** Per test file (jest setupFilesAfterEnv): creates the file's own table (named in env.ts) before its tests. */
import { beforeAll } from '@jest/globals';
import { ensureTable } from '../../infra/local/dynamodb';

beforeAll(() => ensureTable(process.env.DYNAMODB_ENDPOINT!, process.env.TABLE_NAME!), 60_000);
