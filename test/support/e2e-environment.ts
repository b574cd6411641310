/**
 * The e2e tier's jest environment: Node's, plus the name of the test that has just failed (jest gives hooks no
 * test state), so that an afterEach can leave a screenshot of the screen a step failed on.
 */
import { TestEnvironment } from 'jest-environment-node';
import type { Circus } from '@jest/types';

export default class E2eEnvironment extends TestEnvironment {
  handleTestEvent(event: Circus.Event) {
    if (event.name === 'test_start') this.global.__e2eFailedTest = undefined;
    if (event.name === 'test_fn_failure') this.global.__e2eFailedTest = event.test.name;
  }
}
