/** Stops the stack that e2e-global-setup.ts started (none when the developer's own stack was used). */
export default async function e2eGlobalTeardown() {
  await (globalThis as { __e2eStop?: () => Promise<void> }).__e2eStop?.();
}
