import { CREDENTIAL_TYPES, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, SKILL_KINDS } from '@skillgrid/shared';
import type { CredentialType, SkillKind } from '@skillgrid/shared';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { oneOf, positiveInt } from '../../../lib/url-state';

export type CatalogueTab = 'skills' | 'credentials';

export interface CatalogueParams {
  tab: CatalogueTab;
  page: number;
  pageSize: number;
  q?: string;
  categoryId?: number;
  kind?: SkillKind;
  type?: CredentialType;
}

export function parseCatalogueParams(search: URLSearchParams): CatalogueParams {
  const q = search.get('q')?.trim();
  const categoryId = positiveInt(search.get('categoryId'));
  const kind = oneOf(SKILL_KINDS, search.get('kind'));
  const type = oneOf(CREDENTIAL_TYPES, search.get('type'));
  return {
    tab: search.get('tab') === 'credentials' ? 'credentials' : 'skills',
    page: positiveInt(search.get('page')) ?? 1,
    pageSize: Math.min(positiveInt(search.get('pageSize')) ?? DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE),
    ...(q ? { q } : {}),
    ...(categoryId ? { categoryId } : {}),
    ...(kind ? { kind } : {}),
    ...(type ? { type } : {}),
  };
}

function toSearch(params: CatalogueParams): URLSearchParams {
  const search = new URLSearchParams();
  if (params.tab !== 'skills') search.set('tab', params.tab);
  if (params.q) search.set('q', params.q);
  if (params.categoryId) search.set('categoryId', String(params.categoryId));
  if (params.kind) search.set('kind', params.kind);
  if (params.type) search.set('type', params.type);
  if (params.page > 1) search.set('page', String(params.page));
  if (params.pageSize !== DEFAULT_PAGE_SIZE) search.set('pageSize', String(params.pageSize));
  return search;
}

/** Catalogue tab, search, filters and page, kept in the URL. */
export function useCatalogueParams() {
  const [searchParams, setSearchParams] = useSearchParams();
  const params = useMemo(() => parseCatalogueParams(searchParams), [searchParams]);

  const update = useCallback(
    (changes: Partial<Omit<CatalogueParams, 'tab'>>, options: { replace?: boolean } = {}) => {
      setSearchParams(
        (current) => {
          const previous = parseCatalogueParams(current);
          return toSearch({ ...previous, ...changes, page: changes.page ?? 1 });
        },
        { replace: options.replace },
      );
    },
    [setSearchParams],
  );

  /** A new tab starts with a clean search: the filters of one tab mean nothing on the other. */
  const setTab = useCallback(
    (tab: CatalogueTab) => setSearchParams(toSearch({ tab, page: 1, pageSize: DEFAULT_PAGE_SIZE })),
    [setSearchParams],
  );

  return { params, update, setTab };
}
