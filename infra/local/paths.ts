/** Repository paths, independent of the working directory and of the module format the file is loaded in. */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = typeof __dirname === 'string' ? __dirname : dirname(fileURLToPath(import.meta.url));

export const REPO_ROOT = resolve(here, '..', '..');
/** Everything `npm start` persists lives here (git-ignored). */
export const LOCAL_DATA_DIR = resolve(REPO_ROOT, '.local-data');
export const DEFAULT_DYNAMODB_DIR = resolve(LOCAL_DATA_DIR, 'dynamodb');
export const CLIENT_DIR = resolve(REPO_ROOT, 'client');
export const H5_DIST_DIR = resolve(CLIENT_DIR, 'dist', 'h5');
