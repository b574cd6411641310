/**
 * `globalThis` for libraries rewritten by config/loaders/global-this-loader.js (weapp build only). Where the JS
 * engine has none, a module-level object serves: its only users keep their own state there.
 */
const root: Record<string, unknown> =
  typeof globalThis !== 'undefined' ? (globalThis as unknown as Record<string, unknown>) : {};

export default root;
