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
