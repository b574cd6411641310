/**
 * The line icons of 我的's entries: outline icons from NutUI's icon set (@nutui/icons-react-taro, MIT), its SVGs
 * recoloured to the theme blue and kept as files — drawn with Image, which every platform renders, where NutUI's own
 * Icon component needs an HTML `<i>` that mini-programs do not have without Taro's HTML plugin.
 */
import articles from '../../assets/icons/articles.svg';
import clock from '../../assets/icons/clock.svg';
import complaint from '../../assets/icons/complaint.svg';
import edit from '../../assets/icons/edit.svg';
import heart from '../../assets/icons/heart.svg';
import home from '../../assets/icons/home.svg';
import link from '../../assets/icons/link.svg';
import list from '../../assets/icons/list.svg';
import location from '../../assets/icons/location.svg';
import message from '../../assets/icons/message.svg';
import notice from '../../assets/icons/notice.svg';
import order from '../../assets/icons/order.svg';
import received from '../../assets/icons/received.svg';
import retweet from '../../assets/icons/retweet.svg';
import service from '../../assets/icons/service.svg';
import shieldCheck from '../../assets/icons/shield-check.svg';
import star from '../../assets/icons/star.svg';
import store from '../../assets/icons/store.svg';
import success from '../../assets/icons/success.svg';
import user from '../../assets/icons/user.svg';
import userAdd from '../../assets/icons/user-add.svg';

export const ICONS = {
  articles,
  clock,
  complaint,
  edit,
  heart,
  home,
  link,
  list,
  location,
  message,
  notice,
  order,
  received,
  retweet,
  service,
  shieldCheck,
  star,
  store,
  success,
  user,
  userAdd,
} as const satisfies Record<string, string>;

export type IconName = keyof typeof ICONS;
