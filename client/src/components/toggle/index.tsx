import { View } from '@tarojs/components';
import './index.scss';

/**
 * An on/off switch drawn with Views: the same look on every platform and a plain click target for tests
 * (`is-on` when on; `aria-checked`).
 */
export function Toggle({
  on,
  onChange,
  className = '',
  disabled = false,
}: {
  on: boolean;
  onChange: (on: boolean) => void;
  className?: string;
  disabled?: boolean;
}) {
  return (
    <View
      className={`toggle${on ? ' is-on' : ''}${disabled ? ' is-disabled' : ''} ${className}`}
      role="switch"
      aria-checked={on}
      onClick={() => !disabled && onChange(!on)}
    >
      <View className="toggle__track">
        <View className="toggle__knob" />
      </View>
    </View>
  );
}
