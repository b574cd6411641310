import type { ReactNode } from 'react';
import { Input, Picker, Text, Textarea, View } from '@tarojs/components';
import { formatShanghai } from '@jiebang/shared';
import type { DemandFormValues, FieldErrors } from '../../lib/demand-form';
import type { DemandFormApi } from './use-demand-form';

/** Label, input and its message. `path` is the error path shown here (exact match). */
export function Item(props: {
  label: string;
  path: string;
  errors: FieldErrors;
  required?: boolean;
  hint?: string;
  extra?: ReactNode;
  children: ReactNode;
}) {
  const error = props.errors[props.path];
  return (
    <View
      className={`form-item${error ? ' has-error' : ''}`}
      id={`f-${props.path.replace(/\./g, '-')}`}
      data-field={props.path}
    >
      <View className="form-item__label-row">
        <Text className="form-item__label">
          {props.required && <Text className="form-item__star">*</Text>}
          {props.label}
        </Text>
        {props.extra}
      </View>
      {props.children}
      {error && <Text className="field-error">{error}</Text>}
      {!error && props.hint && <Text className="form-item__hint">{props.hint}</Text>}
    </View>
  );
}

export function FieldError({ errors, path }: { errors: FieldErrors; path: string }) {
  return errors[path] ? <Text className="field-error">{errors[path]}</Text> : null;
}

export function Card({ title, sub, children }: { title: string; sub?: string; children: ReactNode }) {
  return (
    <View className="form-card">
      <View className="form-card__head">
        <Text className="form-card__title">{title}</Text>
        {sub && <Text className="form-card__sub">{sub}</Text>}
      </View>
      {children}
    </View>
  );
}

export const timeOf = (iso: string) => formatShanghai(iso).slice(5);

type ContactKey = keyof DemandFormValues['contact'];
/** The form's text values a TextItem edits: top-level ones and the contact's (`contact.name`). */
export type TextPath = 'title' | 'catalogueCategory' | 'background' | 'difficulties' | `contact.${ContactKey}`;

const contactKey = (path: TextPath) => (path.startsWith('contact.') ? (path.slice(8) as ContactKey) : null);
const textOf = (v: DemandFormValues, path: TextPath) => {
  const c = contactKey(path);
  return c ? v.contact[c] : v[path as Exclude<TextPath, `contact.${string}`>];
};
const withText = (v: DemandFormValues, path: TextPath, text: string): DemandFormValues => {
  const c = contactKey(path);
  return c ? { ...v, contact: { ...v.contact, [c]: text } } : { ...v, [path]: text };
};

/** One text input (or text area) of the 需求表, described as data; its error path is `path`. */
export interface TextItemSpec {
  path: TextPath;
  label: string;
  required?: boolean;
  hint?: string;
  /** The control's class (the end-to-end tests' hook). */
  className: string;
  maxlength: number;
  placeholder: string;
  area?: boolean;
  /** A counter beside the label: of all characters, or of the trimmed text (as the rule counts a title). */
  count?: 'all' | 'trimmed';
}

/** Text items described as data, bound to the 需求表. */
export function TextItems({ f, items }: { f: DemandFormApi; items: readonly TextItemSpec[] }) {
  return (
    <>
      {items.map((it) => {
        const value = textOf(f.values, it.path);
        const counted = it.count === 'trimmed' ? value.trim() : value;
        const control = {
          className: `${it.area ? 'form-textarea' : 'form-input'} ${it.className}`,
          value,
          maxlength: it.maxlength,
          placeholder: it.placeholder,
          onInput: (e: { detail: { value: string } }) => {
            const text = e.detail.value;
            f.update([it.path], (v) => withText(v, it.path, text));
          },
        };
        return (
          <Item
            key={it.path}
            label={it.label}
            path={it.path}
            errors={f.errors}
            required={it.required}
            hint={it.hint}
            extra={
              it.count && (
                <Text className="form-item__count">
                  {counted.length}/{it.maxlength}
                </Text>
              )
            }
          >
            {it.area ? <Textarea {...control} /> : <Input {...control} />}
          </Item>
        );
      })}
    </>
  );
}

type ChoicePath = 'field' | 'demandType' | 'outcomeForms' | 'cooperationModes';

/** One choice of the 需求表 described as data: single where the value is one key, multiple where it is a list. */
export interface ChoiceItemSpec {
  path: ChoicePath;
  label: string;
  options: Readonly<Record<string, string>>;
  /** The cells' class (the end-to-end tests' hook). */
  className: string;
  /** A segmented control instead of a grid. */
  segmented?: boolean;
}

/** Choices as grids of tappable cells (`is-selected` when chosen, `data-value` the key). */
export function ChoiceItems({ f, items }: { f: DemandFormApi; items: readonly ChoiceItemSpec[] }) {
  return (
    <>
      {items.map((it) => {
        const value: string | readonly string[] = f.values[it.path];
        const tap = (k: string, on: boolean) => {
          const next = typeof value === 'string' ? k : on ? value.filter((x) => x !== k) : [...value, k];
          f.set(it.path, next as DemandFormValues[ChoicePath]);
        };
        return (
          <Item key={it.path} label={it.label} path={it.path} errors={f.errors} required>
            <View className={it.segmented ? 'segmented' : 'option-grid'}>
              {Object.entries(it.options).map(([k, label]) => {
                const on = typeof value === 'string' ? value === k : value.includes(k);
                return (
                  <View
                    key={k}
                    className={`${it.segmented ? 'segmented__item' : 'option'} ${it.className}${on ? ' is-selected' : ''}`}
                    data-value={k}
                    onClick={() => tap(k, on)}
                  >
                    {label}
                  </View>
                );
              })}
            </View>
          </Item>
        );
      })}
    </>
  );
}

/** A date (or, with `time`, a time) picker showing its value or a placeholder; `initial` is where it opens. */
export function PickerField(props: {
  className: string;
  value: string;
  placeholder: string;
  initial: string;
  time?: boolean;
  start?: string;
  end?: string;
  onChange: (value: string) => void;
}) {
  const { value } = props;
  const picked = (e: { detail: { value: string } }) => props.onChange(e.detail.value);
  const field = (
    <View className={`picker-field ${props.className}`}>
      <Text className={value ? '' : 'picker-field__placeholder'}>{value || props.placeholder}</Text>
      <Text className="picker-field__arrow">›</Text>
    </View>
  );
  return props.time ? (
    <Picker mode="time" value={value || props.initial} onChange={picked}>
      {field}
    </Picker>
  ) : (
    <Picker mode="date" value={value || props.initial} start={props.start} end={props.end} onChange={picked}>
      {field}
    </Picker>
  );
}
