/** Stops the emulator and the WeChat stand-in started by global-setup.ts. */
export default async function globalTeardown() {
  await (globalThis as { __integrationStop?: () => Promise<void> }).__integrationStop?.();
}
