import { useMemo, useState, type ReactNode } from 'react';
import { Input, Picker, Text, Textarea, View } from '@tarojs/components';
import { ActionButton } from '../button';
import './index.scss';

// The form's main action lives with the other buttons (components/button); pages import it from here too.
export { ActionButton };

/**
 * Form building blocks shared by every form (registration, application, review, events, the 需求表). Stable class
 * names for the end-to-end tests: `form-field` (with `is-invalid`), `field-error` (the message under a field),
 * `chip` (`is-on` when selected), `select-line` (also inside a PickerLine), `option-sheet`,
 * `option-sheet__item[data-value]`, `option-sheet__search`.
 */

/** The message under a field (`field-error`), or nothing. */
export function FieldError({ error }: { error?: string }) {
  return error ? <Text className="field-error">{error}</Text> : null;
}

export function Field({
  label,
  required,
  hint,
  error,
  warning,
  warningClassName = '',
  className = '',
  id,
  path,
  aside,
  children,
}: {
  label: string;
  required?: boolean;
  hint?: ReactNode;
  error?: string;
  warning?: string;
  /** Extra class of the warning line (a test hook such as `region-warning`). */
  warningClassName?: string;
  className?: string;
  /** The element id a page scrolls to when this field holds the first error. */
  id?: string;
  /** The form's path of the value it edits, as `data-field` (a test hook). */
  path?: string;
  /** Beside the label, at the line's end: a counter, a link, a switch. */
  aside?: ReactNode;
  children: ReactNode;
}) {
  return (
    <View className={`form-field ${error ? 'is-invalid' : ''} ${className}`} id={id} data-field={path}>
      <View className="form-field__label">
        <Text>{label}</Text>
        {required && <Text className="form-field__required">*</Text>}
        {aside && <View className="form-field__aside">{aside}</View>}
      </View>
      {children}
      <FieldError error={error} />
      {!error && warning && <Text className={`field-warning ${warningClassName}`}>{warning}</Text>}
      {hint && !error && <View className="form-field__hint">{hint}</View>}
    </View>
  );
}

type InputType = 'text' | 'number' | 'idcard' | 'digit';

export function TextInput({
  value,
  onChange,
  onBlur,
  placeholder,
  type = 'text',
  maxlength = 140,
  className = '',
  suffix,
}: {
  value: string;
  onChange: (v: string) => void;
  onBlur?: () => void;
  placeholder?: string;
  type?: InputType;
  maxlength?: number;
  className?: string;
  suffix?: string;
}) {
  return (
    <View className={`text-input ${className}`}>
      <Input
        className="text-input__control"
        value={value}
        type={type}
        maxlength={maxlength}
        placeholder={placeholder}
        placeholderClass="text-input__placeholder"
        onInput={(e) => onChange(e.detail.value)}
        onBlur={onBlur}
      />
      {suffix && <Text className="text-input__suffix">{suffix}</Text>}
    </View>
  );
}

export function TextArea({
  value,
  onChange,
  placeholder,
  maxlength,
  className = '',
}: {
  value: string;
  onChange: (v: string) => void;
  placeholder?: string;
  maxlength: number;
  className?: string;
}) {
  return (
    <View className={`text-area ${className}`}>
      <Textarea
        className="text-area__control"
        value={value}
        maxlength={maxlength}
        placeholder={placeholder}
        placeholderClass="text-input__placeholder"
        autoHeight
        onInput={(e) => onChange(e.detail.value)}
      />
      <Text className={`text-area__count${value.length > maxlength * 0.9 ? ' is-near' : ''}`}>
        {value.length}/{maxlength}
      </Text>
    </View>
  );
}

/** Single or multiple choice as tappable chips (each `chip` carries `data-value`). */
export function Chips<V extends string>({
  options,
  value,
  onChange,
  className = '',
  itemClassName = '',
  block,
}: {
  options: readonly (readonly [V, string])[];
  value: readonly V[];
  onChange: (v: V) => void;
  className?: string;
  /** Extra class of each chip (a test hook). */
  itemClassName?: string;
  /** One option per line (long labels). */
  block?: boolean;
}) {
  return (
    <View className={`chips-select${block ? ' chips-select--block' : ''} ${className}`}>
      {options.map(([v, label]) => {
        const on = value.includes(v);
        return (
          <View
            key={v}
            className={`chip${on ? ' is-on' : ''} ${itemClassName}`}
            data-value={v}
            aria-checked={on}
            role="checkbox"
            onClick={() => onChange(v)}
          >
            {block && <Text className="chip__box">{on ? '✓' : ''}</Text>}
            <Text>{label}</Text>
          </View>
        );
      })}
    </View>
  );
}

/** A tappable line that opens an OptionSheet. */
export function SelectLine({
  text,
  placeholder,
  onOpen,
  className = '',
}: {
  text?: string;
  placeholder: string;
  onOpen: () => void;
  className?: string;
}) {
  return (
    <View className={`select-line ${className}`} hoverClass="select-line--pressed" onClick={onOpen}>
      <Text className={text ? 'select-line__text' : 'select-line__placeholder'}>{text || placeholder}</Text>
      <Text className="select-line__arrow">›</Text>
    </View>
  );
}

/**
 * A date (or, with `time`, a time) picked with the platform's picker, shown as a SelectLine with its value or the
 * placeholder; `initial` is where the picker opens while the value is empty.
 */
export function PickerLine({
  time,
  value,
  initial,
  placeholder,
  start,
  end,
  onChange,
  className = '',
}: {
  time?: boolean;
  value: string;
  initial: string;
  placeholder: string;
  start?: string;
  end?: string;
  onChange: (value: string) => void;
  className?: string;
}) {
  const line = <SelectLine className={className} text={value} placeholder={placeholder} onOpen={() => {}} />;
  const picked = (e: { detail: { value: string | number } }) => onChange(String(e.detail.value));
  return time ? (
    <Picker mode="time" value={value || initial} onChange={picked}>
      {line}
    </Picker>
  ) : (
    <Picker mode="date" value={value || initial} start={start} end={end} onChange={picked}>
      {line}
    </Picker>
  );
}

/** A bottom sheet listing options, with an optional search box (matches label or value). */
export function OptionSheet({
  visible,
  title,
  options,
  value,
  searchable,
  onSelect,
  onClose,
  className = '',
}: {
  visible: boolean;
  title: string;
  options: readonly (readonly [string, string])[];
  value?: string;
  searchable?: boolean;
  onSelect: (v: string) => void;
  onClose: () => void;
  className?: string;
}) {
  const [q, setQ] = useState('');
  const shown = useMemo(() => {
    const t = q.trim();
    return t ? options.filter(([v, label]) => label.includes(t) || v.startsWith(t)) : options;
  }, [q, options]);
  if (!visible) return null;
  return (
    <View className={`option-sheet ${className}`}>
      <View className="option-sheet__mask" onClick={onClose} />
      <View className="option-sheet__panel">
        <View className="option-sheet__head">
          <Text className="option-sheet__title">{title}</Text>
          <Text className="option-sheet__close" onClick={onClose}>
            关闭
          </Text>
        </View>
        {searchable && (
          <View className="option-sheet__search">
            <Input
              className="option-sheet__search-input"
              value={q}
              placeholder="输入名称或代码搜索"
              onInput={(e) => setQ(e.detail.value)}
            />
          </View>
        )}
        <View className="option-sheet__list">
          {shown.length === 0 && <Text className="option-sheet__empty">没有匹配的选项</Text>}
          {shown.map(([v, label]) => (
            <View
              key={v}
              className={`option-sheet__item${v === value ? ' is-on' : ''}`}
              data-value={v}
              hoverClass="option-sheet__item--pressed"
              onClick={() => {
                onSelect(v);
                setQ('');
              }}
            >
              <Text>{label}</Text>
              {v === value && <Text className="option-sheet__check">✓</Text>}
            </View>
          ))}
        </View>
      </View>
    </View>
  );
}

/** A card of a form: its title, an optional line under it, then its fields. */
export function FormCard({
  title,
  desc,
  className = '',
  children,
}: {
  title: string;
  desc?: ReactNode;
  className?: string;
  children: ReactNode;
}) {
  return (
    <View className={className ? `form-card ${className}` : 'form-card'}>
      <Text className="form-card__title">{title}</Text>
      {desc && <Text className="form-card__desc">{desc}</Text>}
      {children}
    </View>
  );
}

/** One text field of a form, described as data (see TextFields). */
export interface TextFieldSpec<K extends string = string> {
  /** The form's value it edits. */
  key: K;
  /** Where the validator and the server report its error. */
  path: string;
  label: string;
  required?: boolean;
  hint?: string;
  /** The input's class (the end-to-end tests' hook). */
  className: string;
  maxlength: number;
  /** A multi-line text area (with its counter) instead of a one-line input. */
  area?: boolean;
  type?: InputType;
  suffix?: string;
  placeholder?: string;
  /** Cleans what was typed (digits only, a month…) before it reaches the form. */
  parse?: (v: string) => string;
}

/** One text field described as data but bound to a value of its own (a page's state): a TextFieldSpec's view. */
export type OwnTextFieldSpec = Omit<TextFieldSpec, 'key' | 'path'>;

/** A text field described as data: its label, its input (or text area) and the error under it. */
export function TextField({
  spec: f,
  value,
  onChange,
  error,
}: {
  spec: OwnTextFieldSpec;
  value: string;
  onChange: (value: string) => void;
  error?: string;
}) {
  const change = (v: string) => onChange(f.parse ? f.parse(v) : v);
  const common = {
    className: f.className,
    value,
    maxlength: f.maxlength,
    placeholder: f.placeholder,
    onChange: change,
  };
  return (
    <Field label={f.label} required={f.required} hint={f.hint} error={error}>
      {f.area ? <TextArea {...common} /> : <TextInput {...common} type={f.type} suffix={f.suffix} />}
    </Field>
  );
}

/**
 * Text fields described as data and bound to one form: each shows `values[key]`, reports a change (cleaned by its
 * `parse`) through `onChange` and shows the error `errorOf(path)`.
 */
export function TextFields<K extends string>({
  fields,
  values,
  onChange,
  errorOf,
}: {
  fields: readonly TextFieldSpec<K>[];
  values: { [P in K]: string };
  onChange: (key: K, value: string, path: string) => void;
  errorOf: (path: string) => string | undefined;
}) {
  return (
    <>
      {fields.map((f) => (
        <TextField
          key={f.key}
          spec={f}
          value={values[f.key]}
          onChange={(v) => onChange(f.key, v, f.path)}
          error={errorOf(f.path)}
        />
      ))}
    </>
  );
}

/** A text box and the button that sends what it holds, described as data. */
export interface SendBoxSpec {
  className: string;
  maxlength: number;
  placeholder: string;
  buttonClass: string;
  buttonText: string;
  kind?: 'primary' | 'secondary';
  /** The button waits for this many characters (trimmed). */
  min: number;
}

/** A text area and its send button (a question, an answer). */
export function SendBox({
  spec,
  value,
  onChange,
  busy,
  onSend,
}: {
  spec: SendBoxSpec;
  value: string;
  onChange: (v: string) => void;
  busy: boolean;
  onSend: () => void;
}) {
  return (
    <>
      <TextArea
        className={spec.className}
        value={value}
        onChange={onChange}
        maxlength={spec.maxlength}
        placeholder={spec.placeholder}
      />
      <ActionButton
        className={spec.buttonClass}
        kind={spec.kind}
        text={spec.buttonText}
        busy={busy}
        disabled={value.trim().length < spec.min}
        onClick={onSend}
      />
    </>
  );
}
