/**
 * Opaque list cursors: the LastEvaluatedKey, base64url-encoded. A cursor is only accepted for the partition it
 * came from, so a forged one cannot walk another partition.
 */
import { InvalidInput } from '../domain/errors';
import type { Key } from './keys';

export function encodeCursor(lastKey: Record<string, unknown> | undefined): string | null {
  return lastKey ? Buffer.from(JSON.stringify(lastKey), 'utf8').toString('base64url') : null;
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
  const names = index ? ['PK', 'SK', `${index}PK`, `${index}SK`] : ['PK', 'SK'];
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Record<string, unknown>;
    if (
      v &&
      typeof v === 'object' &&
      v[index ? `${index}PK` : 'PK'] === partition &&
      Object.keys(v).length === names.length &&
      names.every((n) => typeof v[n] === 'string')
    ) {
      return v as Record<string, string>;
    }
  } catch {
    // fall through to the validation error
  }
  throw new InvalidInput('分页游标无效，请从第一页重新加载', { cursor: '分页游标无效' });
}
