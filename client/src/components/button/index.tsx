import type { ReactNode } from 'react';
import { Button as NutButton } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import './index.scss';

/**
 * The app's one family of buttons, on NutUI's Button (its press shade, `loading` spinner and disabled look), themed
 * by the tokens through NutUI's variables in app.scss: every size at least the touch height, labels at body size,
 * outline fills opaque. Kinds: `primary` (solid blue), `secondary` (blue outline), `danger` (red outline: a step
 * not taken lightly), `ghost` (text only). Classes: `app-button`, `app-button--<kind>`, `is-disabled` when it does
 * not answer taps, plus the caller's (the end-to-end tests' hooks).
 */
export type ButtonKind = 'primary' | 'secondary' | 'danger' | 'ghost';

const LOOK = {
  primary: { type: 'primary' },
  secondary: { type: 'primary', fill: 'outline' },
  danger: { type: 'danger', fill: 'outline' },
  ghost: { type: 'default', fill: 'none' },
} as const;

export function Button({
  kind = 'primary',
  size = 'small',
  block,
  busy,
  disabled,
  className = '',
  data,
  onClick,
  children,
}: {
  kind?: ButtonKind;
  /** `large`: a form's or a bar's main action; `small`: an action inside a card or a row (still 44 px high). */
  size?: 'small' | 'large';
  /** The whole width of its container. */
  block?: boolean;
  /** Waiting for the answer: the spinner, and no taps. */
  busy?: boolean;
  disabled?: boolean;
  className?: string;
  /** `data-*` attributes (test hooks such as `data-kind`). */
  data?: Record<string, string>;
  /** The tap (its event, to stop it reaching a tappable card around the button). */
  onClick: (event: { stopPropagation: () => void }) => void;
  children: ReactNode;
}) {
  const off = disabled || busy;
  const attributes = data ? Object.fromEntries(Object.entries(data).map(([k, v]) => [`data-${k}`, v])) : {};
  return (
    <NutButton
      {...LOOK[kind]}
      size={size}
      block={block}
      loading={busy}
      disabled={disabled}
      className={`app-button app-button--${kind}${off ? ' is-disabled' : ''} ${className}`}
      aria-disabled={off}
      {...attributes}
      onClick={(event) => {
        if (!off) onClick(event);
      }}
    >
      {children}
    </NutButton>
  );
}

/** A full-width main action (submit, save, 我要揭榜): the large block Button, "请稍候…" while busy. */
export function ActionButton({
  text,
  onClick,
  kind = 'primary',
  busy,
  disabled,
  className = '',
}: {
  text: string;
  onClick: () => void;
  kind?: ButtonKind;
  busy?: boolean;
  disabled?: boolean;
  className?: string;
}) {
  return (
    <Button
      kind={kind}
      size="large"
      block
      busy={busy}
      disabled={disabled}
      className={`action-btn action-btn--${kind} ${className}`}
      onClick={onClick}
    >
      {busy ? '请稍候…' : text}
    </Button>
  );
}
