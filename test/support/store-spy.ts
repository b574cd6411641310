/** Records the DynamoDB commands a piece of code sends through the handlers' document client. */
import { jest } from '@jest/globals';
import { deps } from '../../functions/src/deps';

export function spyOnStore() {
  const doc = deps().store.doc;
  const spy = jest.spyOn(doc, 'send');
  return {
    /** Names of the commands sent since the spy started ("QueryCommand", "GetCommand", …). */
    commands: () => spy.mock.calls.map(([cmd]) => (cmd as object).constructor.name),
    inputs: () => spy.mock.calls.map(([cmd]) => (cmd as { input: Record<string, unknown> }).input),
    reset: () => spy.mockClear(),
    restore: () => spy.mockRestore(),
  };
}

/** What `fn` answers and the names of the commands it sent (the spy is removed even when it throws). */
export async function commandsOf<T>(fn: () => Promise<T>): Promise<{ result: T; commands: string[] }> {
  const spy = spyOnStore();
  try {
    return { result: await fn(), commands: spy.commands() };
  } finally {
    spy.restore();
  }
}
