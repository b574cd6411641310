import { useCallback, useEffect, useState } from 'react';
import { Input, Text, View } from '@tarojs/components';

/** A typed search applies this long after the last keystroke (or at once on the keyboard's 搜索). */
const SEARCH_DEBOUNCE_MS = 400;

export interface SearchText {
  text: string;
  setText: (text: string) => void;
  /** Apply the typed text now (搜索 on the keyboard). */
  submit: () => void;
}

/**
 * The text typed in a SearchBar and the query it makes: `toQuery(trimmed text)` ('' for none) is passed to
 * `apply` 400 ms after the last keystroke when it differs from the current `query`. `apply` and `toQuery` must be
 * stable (module functions, setters, useCallback).
 */
export function useSearchText(
  query: string,
  apply: (q: string) => void,
  toQuery: (text: string) => string,
): SearchText {
  const [text, setText] = useState('');
  useEffect(() => {
    const q = toQuery(text.trim());
    if (q === query) return;
    const timer = setTimeout(() => apply(q), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, query, apply, toQuery]);
  const submit = useCallback(() => apply(toQuery(text.trim())), [text, apply, toQuery]);
  return { text, setText, submit };
}

/**
 * A search box: ⌕, the input and, while something is typed, × to clear it. Its classes are `name` and
 * `name__icon|input|placeholder|clear`, styled by the page with the `search-box` mixin (styles/_blocks.scss).
 */
export function SearchBar({
  name,
  search,
  maxLength,
  placeholder,
}: {
  name: string;
  search: SearchText;
  maxLength: number;
  placeholder: string;
}) {
  return (
    <View className={name}>
      <Text className={`${name}__icon`}>⌕</Text>
      <Input
        className={`${name}__input`}
        value={search.text}
        maxlength={maxLength}
        confirmType="search"
        placeholder={placeholder}
        placeholderClass={`${name}__placeholder`}
        onInput={(e) => search.setText(e.detail.value)}
        onConfirm={search.submit}
      />
      {search.text !== '' && (
        <Text className={`${name}__clear`} onClick={() => search.setText('')}>
          ×
        </Text>
      )}
    </View>
  );
}
