// Must stay the first import: zod decides at schema construction whether it may compile parsers with
// `new Function`, which mini-programs forbid.
import './lib/zod-setup';
import type { PropsWithChildren } from 'react';
import { useDidShow } from '@tarojs/taro';
import { refreshBadge } from './services/notifications';
import './app.scss';

function App({ children }: PropsWithChildren) {
  // Back in the foreground: messages may have arrived (or the session expired) meanwhile.
  useDidShow(() => {
    void refreshBadge();
  });
  return children;
}

export default App;
