/**
 * Submit routes with an Idempotency-Key (api.md): the first answer — success or a business refusal (409/422) — is
 * stored under (user, key); a replay returns it and writes nothing. A success stores its answer in the change's
 * own transaction (the use-case adds `idempotency.putItem` when given a key), so the change and its answer exist
 * together or not at all; a refusal, which changed nothing, is stored on its own.
 */
import type { ErrorBody } from '@jiebang/shared';
import { Conflict, RuleViolation, InvalidInput, type DomainError } from '../domain/errors';
// The stored answer is an HTTP answer (status and body), replayed as such: its status comes from the one mapper.
import { statusOf } from '../http/respond';
import type { Repositories } from '../store';

export interface Answer {
  status: number;
  body: unknown;
}

/** The key and what it is used for, for the use-case's transaction item. */
export interface IdempotencyUse {
  key: string;
  scope: string;
}

/** The Idempotency-Key header, if any (HTTP API lower-cases header names); malformed → 400. */
export function idempotencyKeyOf(headers: Record<string, string | undefined>): string | undefined {
  const key = headers['idempotency-key'] ?? headers['Idempotency-Key'];
  if (key === undefined) return undefined;
  if (!/^[A-Za-z0-9_.:-]{8,128}$/.test(key)) {
    throw new InvalidInput('Idempotency-Key 格式不正确', { 'Idempotency-Key': '应为 8–128 位字母、数字或 _ . : -' });
  }
  return key;
}

const errorBody = (e: DomainError): ErrorBody => ({ error: { code: e.code, message: e.message } });

/**
 * Run `once` at most once per (user, key): a replay gets the stored answer; the same key on another request
 * (`scope`) is refused with 409 IDEMPOTENCY_KEY_REUSED. Without a key, `once` simply runs.
 */
export async function idempotent(
  userId: string,
  key: string | undefined,
  scope: string,
  d: { idempotency: Repositories['idempotency']; now: Date },
  once: (use: IdempotencyUse | undefined) => Promise<Answer>,
): Promise<Answer> {
  const replay = async (): Promise<Answer | null> => {
    if (!key) return null;
    const rec = await d.idempotency.get(userId, key);
    if (!rec) return null;
    if (rec.scope !== scope)
      throw new Conflict('该 Idempotency-Key 已用于其他请求，请换一个', 'IDEMPOTENCY_KEY_REUSED');
    return { status: rec.status, body: rec.body };
  };
  const first = await replay();
  if (first) return first;
  try {
    return await once(key ? { key, scope } : undefined);
  } catch (err) {
    if (!key || !(err instanceof RuleViolation || err instanceof Conflict)) throw err;
    // A concurrent request with the same key may have answered first: its answer is the answer.
    const earlier = await replay();
    if (earlier) return earlier;
    const stored = await d.idempotency.put({
      userId,
      key,
      scope,
      status: statusOf(err),
      body: errorBody(err),
      createdAt: d.now.toISOString(),
    });
    if (!stored) {
      const winner = await replay();
      if (winner) return winner;
    }
    throw err;
  }
}
