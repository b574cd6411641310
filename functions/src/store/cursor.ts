/**
 * Opaque list cursors: the LastEvaluatedKey, base64url-encoded. A cursor is only accepted for the partition it
 * came from, so a forged one cannot walk another partition.
 */
import { ValidationError } from '../http/errors';
import type { Key } from './keys';

export function encodeCursor(lastKey: Record<string, unknown> | undefined): string | null {
  return lastKey ? Buffer.from(JSON.stringify(lastKey), 'utf8').toString('base64url') : null;
}

export function decodeCursor(cursor: string | undefined, partition: string): Key | undefined {
  if (cursor === undefined) return undefined;
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (
      value &&
      typeof value === 'object' &&
      (value as Key).PK === partition &&
      typeof (value as Key).SK === 'string' &&
      Object.keys(value).length === 2
    ) {
      return value as Key;
    }
  } catch {
    // fall through to the validation error
  }
  throw new ValidationError('分页游标无效，请从第一页重新加载', { cursor: '分页游标无效' });
}
