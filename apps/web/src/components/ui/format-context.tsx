import { createContext, useContext, type ReactNode } from 'react';
import { createFormatters, DEFAULT_FORMAT_SETTINGS, type Formatters } from '../../lib/format';

const defaultFormatters = createFormatters(DEFAULT_FORMAT_SETTINGS);
const FormatContext = createContext<Formatters>(defaultFormatters);

/** Gives every view the organisation's time zone, currency and level labels. */
export function FormatProvider({ value, children }: { value: Formatters; children: ReactNode }) {
  return <FormatContext.Provider value={value}>{children}</FormatContext.Provider>;
}

export function useFormat(): Formatters {
  return useContext(FormatContext);
}
