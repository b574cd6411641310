/**
 * The dependencies of the handlers, built once per cold start from the configuration. Tests may replace parts
 * (the clock, the WeChat client) with `overrideDeps`.
 */
import { tokenService, type TokenService } from './auth/tokens';
import { systemClock, type Clock } from './clock';
import { config, type Config } from './config';
import { createStore, repositories, type Repositories, type Store } from './store';
import { WeChatHttpClient, type WeChatApi } from './wechat/client';

export interface Deps {
  config: Config;
  store: Store;
  repos: Repositories;
  clock: Clock;
  tokens: TokenService;
  wechat: WeChatApi;
}

let current: Deps | undefined;

export function deps(): Deps {
  if (!current) {
    const cfg = config();
    const store = createStore(cfg);
    current = {
      config: cfg,
      store,
      repos: repositories(store),
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
