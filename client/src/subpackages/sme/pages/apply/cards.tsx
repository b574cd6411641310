import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { FormCard, TextFields, type TextFieldSpec } from '../../../../components/form';
import type { ApplyForm } from '../../lib/apply-form';
import type { TextKey } from './fields';
import { bound, type StepProps } from './step-props';

/** A card of the application's text fields, bound to the form. */
export function FieldsCard({
  title,
  desc,
  fields,
  ...props
}: StepProps & { title: string; desc?: ReactNode; fields: readonly TextFieldSpec<TextKey<ApplyForm>>[] }) {
  return (
    <FormCard title={title} desc={desc}>
      <TextFields fields={fields} {...bound(props)} />
    </FormCard>
  );
}

/** A list of items the applicant adds and removes (key members, milestones), each a sub-card of text fields. */
export interface SubCardList<T extends { [K in keyof T]: string }> {
  /** What one item is called: the card titles and the add line say it. */
  name: string;
  desc: string;
  /** Where the schema reports errors: the list's own at `path`, an item's field at `path.<i>.<field path>`. */
  path: string;
  /** Each sub-card's class; its remove link gets `${className}__remove`. */
  className: string;
  addClassName: string;
  /** Items that cannot be removed. */
  min: number;
  max: number;
  blank: T;
  fields: readonly TextFieldSpec<keyof T & string>[];
}

/** The card of one such list: its count, a sub-card per item, the add line and the list's error. */
export function SubCards<T extends { [K in keyof T]: string }>({
  list,
  items,
  onChange,
  err,
}: {
  list: SubCardList<T>;
  items: readonly T[];
  onChange: (items: T[]) => void;
  err: (path: string) => string | undefined;
}) {
  const { name, path, className, min, max } = list;
  const patch = (i: number, key: keyof T, v: string) =>
    onChange(items.map((m, j) => (j === i ? { ...m, [key]: v } : m)));
  return (
    <FormCard title={`${name}（${items.length}/${max}）`} desc={list.desc}>
      {items.map((m, i) => (
        <View key={i} className={`${className} sub-card`}>
          <View className="sub-card__head">
            <Text className="sub-card__title">{`${name} ${i + 1}`}</Text>
            {items.length > min && (
              <Text
                className={`sub-card__remove ${className}__remove`}
                onClick={() => onChange(items.filter((_, j) => j !== i))}
              >
                删除
              </Text>
            )}
          </View>
          <TextFields<keyof T & string>
            fields={list.fields}
            values={m}
            onChange={(key, v) => patch(i, key, v)}
            errorOf={(p) => err(`${path}.${i}.${p}`)}
          />
        </View>
      ))}
      {items.length < max && (
        <View
          className={`add-line ${list.addClassName}`}
          hoverClass="add-line--pressed"
          onClick={() => onChange([...items, list.blank])}
        >
          ＋ 添加{name}
        </View>
      )}
      {err(path) && <Text className="field-error">{err(path)}</Text>}
    </FormCard>
  );
}
