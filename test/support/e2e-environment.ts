/**
 * The e2e tier's jest environment: Node's, plus the name of the test that has just failed (jest gives hooks no
 * test state), so that an afterEach can leave a screenshot of the screen a step failed on.
 */
import { TestEnvironment } from 'jest-environment-node';

/** The part of jest-circus's events read here. */
type TestEvent = { name: string; test?: { name: string } };

export default class E2eEnvironment extends TestEnvironment {
  handleTestEvent(event: TestEvent) {
    if (event.name === 'test_start') this.global.__e2eFailedTest = undefined;
    if (event.name === 'test_fn_failure') this.global.__e2eFailedTest = event.test?.name;
  }
}
