import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';

const widthNow = (): number => {
  try {
    return Taro.getSystemInfoSync().windowWidth;
  } catch {
    return 0;
  }
};

/**
 * Whether the window is at least `min` px wide (768: a tablet or a desktop browser, the breakpoint of the
 * stylesheets' wide layouts), following resizes (a rotated tablet, a resized browser window).
 */
export function useWide(min = 768): boolean {
  const [wide, setWide] = useState(() => widthNow() >= min);
  useEffect(() => {
    // The window's own width, not the event's: H5 reports the screen's size there (and not under `size`).
    const onResize = () => setWide(widthNow() >= min);
    Taro.onWindowResize(onResize);
    return () => Taro.offWindowResize(onResize);
  }, [min]);
  return wide;
}
