// Must stay the first import: zod decides at schema construction whether it may compile parsers with
// `new Function`, which mini-programs forbid.
import './lib/zod-setup';
import type { PropsWithChildren } from 'react';
import './app.scss';

function App({ children }: PropsWithChildren) {
  return children;
}

export default App;
