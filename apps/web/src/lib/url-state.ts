import { isIsoDate } from '@skillgrid/shared';
import type { IsoDate } from '@skillgrid/shared';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

export function positiveInt(value: string | null): number | undefined {
  if (value === null || !/^\d+$/.test(value)) return undefined;
  const number = Number(value);
  return number > 0 ? number : undefined;
}

export function oneOf<T extends string>(values: readonly T[], value: string | null): T | undefined {
  return value !== null && (values as readonly string[]).includes(value) ? (value as T) : undefined;
}

/** How one search parameter reads from and writes to the URL; `undefined` leaves it out (its default). */
export interface UrlField<V> {
  parse(raw: string | null): V;
  // Method syntax: a schema mixes fields of different value types (see UrlSchema).
  serialize(value: V): string | undefined;
}

/** The usual fields of a filter bar. Bad or missing values fall back to the default instead of failing. */
export const urlFields = {
  id: (): UrlField<number | undefined> => ({
    parse: positiveInt,
    serialize: (value) => (value === undefined ? undefined : String(value)),
  }),
  int: (fallback: number, min: number, max: number): UrlField<number> => ({
    parse: (raw) => Math.min(max, Math.max(min, positiveInt(raw) ?? fallback)),
    serialize: (value) => (value === fallback ? undefined : String(value)),
  }),
  /** One of a few numbers (a window of 30, 60, 90 or 180 days). */
  numberChoice: (values: readonly number[], fallback: number): UrlField<number> => ({
    parse: (raw) => {
      const value = positiveInt(raw);
      return value !== undefined && values.includes(value) ? value : fallback;
    },
    serialize: (value) => (value === fallback ? undefined : String(value)),
  }),
  oneOf: <T extends string>(values: readonly T[], fallback: T): UrlField<T> => ({
    parse: (raw) => oneOf(values, raw) ?? fallback,
    serialize: (value) => (value === fallback ? undefined : value),
  }),
  optionalOneOf: <T extends string>(values: readonly T[]): UrlField<T | undefined> => ({
    parse: (raw) => oneOf(values, raw),
    serialize: (value) => value,
  }),
  date: (): UrlField<IsoDate | undefined> => ({
    parse: (raw) => (isIsoDate(raw) ? raw : undefined),
    serialize: (value) => value,
  }),
  flag: (fallback: boolean): UrlField<boolean> => ({
    parse: (raw) => (raw === 'true' ? true : raw === 'false' ? false : fallback),
    serialize: (value) => (value === fallback ? undefined : String(value)),
  }),
};

export type UrlSchema = Record<string, UrlField<unknown>>;
export type UrlStateOf<S extends UrlSchema> = { [K in keyof S]: S[K] extends UrlField<infer V> ? V : never };

export function parseUrlState<S extends UrlSchema>(schema: S, search: URLSearchParams): UrlStateOf<S> {
  const state: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(schema)) state[key] = field.parse(search.get(key));
  return state as UrlStateOf<S>;
}

export function urlStateSearch<S extends UrlSchema>(schema: S, state: UrlStateOf<S>): URLSearchParams {
  const search = new URLSearchParams();
  for (const [key, field] of Object.entries(schema)) {
    const value = field.serialize((state as Record<string, unknown>)[key]);
    if (value !== undefined && value !== '') search.set(key, value);
  }
  return search;
}

/**
 * A page's filters kept in the URL, so a view can be shared and reloaded (UI.md). Any change
 * other than the page itself starts again from page 1. `schema` must be a module constant.
 */
export function useUrlState<S extends UrlSchema>(schema: S) {
  const [searchParams, setSearchParams] = useSearchParams();
  const state = useMemo(() => parseUrlState(schema, searchParams), [schema, searchParams]);

  const update = useCallback(
    (changes: Partial<UrlStateOf<S>>, options: { replace?: boolean } = {}) => {
      setSearchParams(
        (current) => {
          const next: Record<string, unknown> = { ...parseUrlState(schema, current), ...changes };
          if ('page' in schema && !('page' in changes)) next['page'] = 1;
          return urlStateSearch(schema, next as UrlStateOf<S>);
        },
        { replace: options.replace },
      );
    },
    [schema, setSearchParams],
  );

  return { state, update };
}
