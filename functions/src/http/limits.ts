/**
 * Per-user limit of the submit routes (quality.md): generous for a person (two a second), a wall for a script.
 * Replays under an Idempotency-Key count too; 50 parallel retries of one submit still pass.
 */
export const SUBMIT_RATE_LIMIT = { bucket: 'submit', perMinute: 120 };
