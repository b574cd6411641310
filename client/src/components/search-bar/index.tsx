import { useCallback, useEffect, useState } from 'react';
import { Image, Input, Text, View } from '@tarojs/components';
import searchIcon from '../../assets/icons/search.svg';

/** A typed search applies this long after the last keystroke (or at once on the keyboard's 搜索). */
const SEARCH_DEBOUNCE_MS = 400;

export interface SearchText {
  text: string;
  setText: (text: string) => void;
  /** Apply the typed text now (搜索 on the keyboard). */
  submit: () => void;
  /** The most characters the box takes (and a query holds). */
  maxLength: number;
}

/**
 * The text typed in a SearchBar and the query it makes — the trimmed text cut to `maxLength`, or '' where
 * `searchable` refuses it — passed to `apply` 400 ms after the last keystroke when it differs from the current
 * `query`. `apply` and `searchable` must be stable (module functions, setters, useCallback).
 */
export function useSearchText(
  query: string,
  apply: (q: string) => void,
  maxLength: number,
  searchable: (text: string) => boolean = () => true,
): SearchText {
  const [text, setText] = useState('');
  const toQuery = useCallback(
    (typed: string) => {
      const t = typed.trim();
      return searchable(t) ? t.slice(0, maxLength) : '';
    },
    [maxLength, searchable],
  );
  useEffect(() => {
    const q = toQuery(text);
    if (q === query) return;
    const timer = setTimeout(() => apply(q), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, query, apply, toQuery]);
  const submit = useCallback(() => apply(toQuery(text)), [text, apply, toQuery]);
  return { text, setText, submit, maxLength };
}

/**
 * The magnifier at the start of a search box (NutUI's Search icon, as 我的's entry icons are: an SVG file drawn with
 * Image), with the box's `<name>__icon` class.
 */
export function SearchIcon({ name }: { name: string }) {
  return <Image className={`${name}__icon`} src={searchIcon} mode="aspectFit" />;
}

/**
 * A search box: the magnifier, the input and, while something is typed, × to clear it. Its classes are `name` and
 * `name__icon|input|placeholder|clear`, styled by the page with the `search-box` mixin (styles/_blocks.scss).
 */
export function SearchBar({ name, search, placeholder }: { name: string; search: SearchText; placeholder: string }) {
  return (
    <View className={name}>
      <SearchIcon name={name} />
      <Input
        className={`${name}__input`}
        value={search.text}
        maxlength={search.maxLength}
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
