/**
 * Where the API is. The H5 build may be told at run time by the page that serves it (`runtime-config.js`
 * sets `window.__JIEBANG_CONFIG__`), so one build serves any host and the local stack can pick free ports;
 * otherwise — and always in the mini-program — the base URL injected at build time (`API_BASE_URL`).
 */
interface RuntimeConfig {
  apiBase?: string;
}

function runtimeApiBase(): string | undefined {
  if (process.env.TARO_ENV !== 'h5' || typeof window === 'undefined') return undefined;
  const cfg = (window as unknown as { __JIEBANG_CONFIG__?: RuntimeConfig }).__JIEBANG_CONFIG__;
  return typeof cfg?.apiBase === 'string' && /^https?:\/\//.test(cfg.apiBase) ? cfg.apiBase : undefined;
}

/** Base URL of the HTTP API, without a trailing slash. */
export const apiBaseUrl: string = (runtimeApiBase() ?? API_BASE_URL).replace(/\/+$/, '');
/** Deployment stage, injected at build time (`APP_STAGE`). */
export const appStage: string = APP_STAGE;
/** The local stack accepts `dev:<openid>` login codes and seeds demo identities. */
export const isLocalStage = appStage === 'local';
