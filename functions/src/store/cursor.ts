/**
 * Opaque list cursors: the LastEvaluatedKey, base64url-encoded, followed by an HMAC of it. DynamoDB refuses a
 * start key that is not one of its own (an empty key value, a key outside the query's range) with an error that
 * would be a 500; rather than re-deriving every query's boundaries here, a cursor is only accepted if this API
 * signed it, and only for the partition it came from (a cursor of one list cannot walk another). Any other cursor
 * is a 400 `INVALID_CURSOR`.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { config } from '../config';
import { ValidationError } from '../http/errors';
import type { Key } from './keys';

let cursorKey: Buffer | undefined;
/** A key of its own for cursors, derived from the configured secret (cursors and tokens never verify each other). */
function key(): Buffer {
  cursorKey ??= createHmac('sha256', config().JWT_SECRET).update('jiebang list cursor v1').digest();
  return cursorKey;
}

/** 128 bits of HMAC-SHA256: forging one is out of reach, and the cursor stays short. */
const mac = (payload: string): Buffer => createHmac('sha256', key()).update(payload).digest().subarray(0, 16);

export function encodeCursor(lastKey: Record<string, unknown> | undefined): string | null {
  if (!lastKey) return null;
  const payload = Buffer.from(JSON.stringify(lastKey), 'utf8').toString('base64url');
  return `${payload}.${mac(payload).toString('base64url')}`;
}

function invalid(): never {
  throw new ValidationError('分页游标无效，请从第一页重新加载', { cursor: '分页游标无效' }, 'INVALID_CURSOR');
}

/**
 * The start key a cursor stands for. Table queries: `{ PK, SK }` of `partition`. Index queries (`index` given):
 * the table keys plus the index keys, whose partition must be `partition`.
 */
export function decodeCursor(cursor: string | undefined, partition: string): Key | undefined;
export function decodeCursor(
  cursor: string | undefined,
  partition: string,
  index: 'GSI1' | 'GSI2',
): Record<string, string> | undefined;
export function decodeCursor(
  cursor: string | undefined,
  partition: string,
  index?: 'GSI1' | 'GSI2',
): Key | Record<string, string> | undefined {
  if (cursor === undefined) return undefined;
  const m = /^([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]{22})$/.exec(cursor);
  if (!m) invalid();
  const [, payload, sig] = m;
  const got = Buffer.from(sig!, 'base64url');
  const want = mac(payload!);
  if (got.length !== want.length || !timingSafeEqual(got, want)) invalid();
  const names = index ? ['PK', 'SK', `${index}PK`, `${index}SK`] : ['PK', 'SK'];
  let v: Record<string, unknown>;
  try {
    v = JSON.parse(Buffer.from(payload!, 'base64url').toString('utf8')) as Record<string, unknown>;
  } catch {
    invalid();
  }
  if (
    v &&
    typeof v === 'object' &&
    v[index ? `${index}PK` : 'PK'] === partition &&
    Object.keys(v).length === names.length &&
    names.every((n) => typeof v[n] === 'string' && v[n] !== '')
  ) {
    return v as Record<string, string>;
  }
  invalid();
}
