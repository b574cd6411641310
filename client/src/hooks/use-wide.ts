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
    const onResize: Taro.onWindowResize.Callback = (r) => setWide(r.size.windowWidth >= min);
    Taro.onWindowResize(onResize);
    // Taro types the callback of offWindowResize apart from that of onWindowResize: the same function.
    return () => Taro.offWindowResize(onResize as unknown as Taro.offWindowResize.Callback);
  }, [min]);
  return wide;
}
