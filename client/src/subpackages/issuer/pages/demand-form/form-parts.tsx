import type { ReactNode } from 'react';
import { View } from '@tarojs/components';
import { formatShanghai } from '@jiebang/shared';
import { Chips, Field, TextArea, TextInput } from '../../../../components/form';
import type { DemandFormValues, FieldErrors } from '../../lib/demand-form';
import type { DemandFormApi } from './use-demand-form';

/**
 * A shared Field bound to the 需求表: its error is the one at `path` (exact match), `data-field` carries the path
 * and its id is the anchor the page scrolls to (`f-title`, `f-contact-name`); `form-item` is the walks' hook.
 */
export function Item(props: {
  label: string;
  path: string;
  errors: FieldErrors;
  /** Shown instead of the one at `path` (a field whose messages come from several paths). */
  error?: string;
  required?: boolean;
  hint?: string;
  aside?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Field
      className="form-item"
      id={`f-${props.path.replace(/\./g, '-')}`}
      path={props.path}
      label={props.label}
      required={props.required}
      hint={props.hint}
      error={props.error ?? props.errors[props.path]}
      aside={props.aside}
    >
      {props.children}
    </Field>
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

/** One text input (or text area, with its counter) of the 需求表, described as data; its error path is `path`. */
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
  /** A counter of the trimmed text beside the label (as the rule counts a title). */
  countTrimmed?: boolean;
}

/** Text items described as data, bound to the 需求表. */
export function TextItems({ f, items }: { f: DemandFormApi; items: readonly TextItemSpec[] }) {
  return (
    <>
      {items.map((it) => {
        const value = textOf(f.values, it.path);
        const control = {
          className: it.className,
          value,
          maxlength: it.maxlength,
          placeholder: it.placeholder,
          onChange: (text: string) => f.update([it.path], (v) => withText(v, it.path, text)),
        };
        return (
          <Item
            key={it.path}
            label={it.label}
            path={it.path}
            errors={f.errors}
            required={it.required}
            hint={it.hint}
            aside={it.countTrimmed && `${value.trim().length}/${it.maxlength}`}
          >
            {it.area ? <TextArea {...control} /> : <TextInput {...control} />}
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
  /** Each option's class (the end-to-end tests' hook). */
  className: string;
  /** A segmented control (a few short, exclusive options) instead of chips. */
  segmented?: boolean;
}

/** Choices as the shared chips (`is-on` when chosen, `data-value` the key) or a segmented control. */
export function ChoiceItems({ f, items }: { f: DemandFormApi; items: readonly ChoiceItemSpec[] }) {
  return (
    <>
      {items.map((it) => {
        const value: string | readonly string[] = f.values[it.path];
        const chosen = typeof value === 'string' ? [value] : value;
        const tap = (k: string) => {
          const next = typeof value === 'string' ? k : value.includes(k) ? value.filter((x) => x !== k) : [...value, k];
          f.set(it.path, next as DemandFormValues[ChoicePath]);
        };
        const options = Object.entries(it.options);
        return (
          <Item key={it.path} label={it.label} path={it.path} errors={f.errors} required>
            {it.segmented ? (
              <View className="segmented">
                {options.map(([k, label]) => (
                  <View
                    key={k}
                    className={`segmented__item ${it.className}${chosen.includes(k) ? ' is-selected' : ''}`}
                    data-value={k}
                    onClick={() => tap(k)}
                  >
                    {label}
                  </View>
                ))}
              </View>
            ) : (
              <Chips options={options} value={chosen} onChange={tap} itemClassName={it.className} />
            )}
          </Item>
        );
      })}
    </>
  );
}
