import Taro from '@tarojs/taro';

/** The tab bar's pages (app.config.ts): reached by `switchTab`, the only way into them. */
export const CATALOGUE = '/pages/catalogue/index';
export const MINE = '/pages/mine/index';
const TABS = new Set([CATALOGUE, MINE]);

/** Leave this page for `url` (a state's "返回…" button): a tab is switched to, another page replaces this one. */
export function leaveFor(url: string): void {
  void (TABS.has(url.split('?')[0]!) ? Taro.switchTab({ url }) : Taro.redirectTo({ url }));
}
