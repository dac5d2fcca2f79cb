import { CloseButton, TextInput, type TextInputProps } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';

interface SearchInputProps {
  label: string;
  /** The committed value (usually from the URL). */
  value: string;
  /** Called with the trimmed text once typing pauses. */
  onSearch: (value: string) => void;
  placeholder?: string;
  debounceMs?: number;
  w?: TextInputProps['w'];
}

/** A labelled search box that reports its text after the user pauses typing. */
export function SearchInput({ label, value, onSearch, placeholder, debounceMs = 300, w }: SearchInputProps) {
  const [text, setText] = useState(value);
  const [committed, setCommitted] = useState(value);
  const onSearchRef = useRef(onSearch);
  useEffect(() => {
    onSearchRef.current = onSearch;
  }, [onSearch]);

  // The committed value changed from outside (back button, a link): show it.
  if (value !== committed) {
    setCommitted(value);
    setText(value);
  }

  useEffect(() => {
    const next = text.trim();
    if (next === committed.trim()) return;
    const timer = window.setTimeout(() => {
      setCommitted(next);
      onSearchRef.current(next);
    }, debounceMs);
    return () => window.clearTimeout(timer);
  }, [text, committed, debounceMs]);

  return (
    <TextInput
      type="search"
      label={label}
      placeholder={placeholder}
      value={text}
      w={w}
      onChange={(event) => setText(event.currentTarget.value)}
      rightSection={
        text ? (
          <CloseButton
            aria-label={`Clear ${label.toLowerCase()}`}
            size="sm"
            onClick={() => {
              setText('');
              setCommitted('');
              onSearchRef.current('');
            }}
          />
        ) : null
      }
    />
  );
}
