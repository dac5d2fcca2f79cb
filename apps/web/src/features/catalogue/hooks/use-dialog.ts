import { useCallback, useState } from 'react';

/**
 * A dialog's open state and what it is about. The value outlives closing, so the title does not
 * change during the closing transition; `key` is new on every opening, so the form starts afresh.
 */
export function useDialog<T>() {
  const [state, setState] = useState<{ opened: boolean; value: T | null; key: number }>({ opened: false, value: null, key: 0 });
  const open = useCallback((value: T) => setState((current) => ({ opened: true, value, key: current.key + 1 })), []);
  const close = useCallback(() => setState((current) => ({ ...current, opened: false })), []);
  return { ...state, open, close };
}
