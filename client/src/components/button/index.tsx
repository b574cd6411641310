import type { ReactNode } from 'react';
import { View } from '@tarojs/components';
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

/**
 * A Button's look without a button, where the tap belongs to a parent: a Taro Picker opens on a tap on its child, which
 * stays a plain View rather than a native button that would handle the tap itself. NutUI's classes for the kind, so
 * it is drawn as the Button is.
 */
export function ButtonLook({
  kind = 'primary',
  size = 'small',
  className = '',
  children,
}: {
  kind?: ButtonKind;
  size?: 'small' | 'large';
  className?: string;
  children: ReactNode;
}) {
  const look: { type: string; fill?: string } = LOOK[kind];
  const { type, fill } = look;
  const nut = [
    'nut-button',
    `nut-button-${type}`,
    `nut-button-${size}`,
    'nut-button-round',
    `nut-button-round-${size}`,
  ];
  if (fill) nut.push(`nut-button-${fill}`, `nut-button-${type}-${fill}`);
  else if (type === 'primary') nut.push('nut-button-primary-solid');
  return (
    <View className={`${nut.join(' ')} app-button app-button--${kind} ${className}`}>
      <View className="nut-button-wrap">
        <View
          className={`nut-button-children nut-button-${size}-children nut-button-${type}-children${fill ? ` nut-button-${type}-${fill}` : ''}`}
        >
          {children}
        </View>
      </View>
    </View>
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
