import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import { formatShanghai } from '@jiebang/shared';
import type { FieldErrors } from '../../lib/demand-form';

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
