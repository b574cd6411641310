/**
 * The dependencies every handler shares, built once per cold start from the configuration: configuration, store,
 * clock, tokens, WeChat. Repositories are not among them: each handler builds only the ones its use-case needs
 * (`route(def, wire, run)` or `perStore`), so that a bundle does not carry every area's data access. Tests may
 * replace parts (the clock, the store, the WeChat client) with `overrideDeps`.
 */
import { tokenService, type TokenService } from './auth/tokens';
import { systemClock, type Clock } from './clock';
import { config, type Config } from './config';
import { createStore, type Store } from './store/client';
import { WeChatHttpClient, type WeChatApi } from './wechat/client';

export interface Deps {
  config: Config;
  store: Store;
  clock: Clock;
  tokens: TokenService;
  wechat: WeChatApi;
}

let current: Deps | undefined;

export function deps(): Deps {
  if (!current) {
    const cfg = config();
    current = {
      config: cfg,
      store: createStore(cfg),
      clock: systemClock,
      tokens: tokenService(cfg.JWT_SECRET, cfg.TOKEN_TTL_SECONDS),
      wechat: new WeChatHttpClient(cfg.WECHAT_API_BASE, cfg.WECHAT_APPID, cfg.WECHAT_SECRET),
    };
  }
  return current;
}

/** Replace parts of the dependencies (tests only). */
export function overrideDeps(parts: Partial<Deps>): void {
  Object.assign(deps(), parts);
}

/**
 * Memoise what is built on a store (repositories): once per cold start, and again when a test swaps the store.
 */
export function perStore<T>(build: (store: Store, d: Deps) => T): (d: Deps) => T {
  let built: { store: Store; value: T } | undefined;
  return (d) => {
    if (built?.store !== d.store) built = { store: d.store, value: build(d.store, d) };
    return built.value;
  };
}
