/**
 * The integration tier's test timeout (jest's testTimeout is global, not per project). Hooks that wait for more pass
 * their own timeout (60_000 ms in this tier).
 */
import { jest } from '@jest/globals';

jest.setTimeout(30_000);
