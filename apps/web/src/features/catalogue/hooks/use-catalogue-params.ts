import {
  CATALOGUE_STATUSES,
  CLUSTER_PURPOSES,
  CREDENTIAL_TYPES,
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  SKILL_KINDS,
} from '@skillgrid/shared';
import type { CatalogueStatus, ClusterPurpose, CredentialType, SkillKind } from '@skillgrid/shared';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { oneOf, positiveInt } from '../../../lib/url-state';

export const CATALOGUE_TABS = ['skills', 'categories', 'credentials', 'clusters', 'roles', 'targets', 'levels'] as const;
export type CatalogueTab = (typeof CATALOGUE_TABS)[number];

export const TARGET_STATES = ['met', 'short'] as const;
export type TargetState = (typeof TARGET_STATES)[number];

export interface CatalogueParams {
  tab: CatalogueTab;
  page: number;
  pageSize: number;
  q?: string;
  status?: CatalogueStatus;
  categoryId?: number;
  kind?: SkillKind;
  type?: CredentialType;
  purpose?: ClusterPurpose;
  teamId?: number;
  /** Capability targets met, or short. */
  state?: TargetState;
}

export type CatalogueParamChanges = Partial<Omit<CatalogueParams, 'tab'>>;

/** What every tab's panel gets from the page. */
export interface CataloguePanelProps {
  params: CatalogueParams;
  onChange: (changes: CatalogueParamChanges, options?: { replace?: boolean }) => void;
  /** HR and admins change the catalogue; everyone else reads it. */
  canEdit: boolean;
}

export function parseCatalogueParams(search: URLSearchParams): CatalogueParams {
  const q = search.get('q')?.trim();
  const status = oneOf(CATALOGUE_STATUSES, search.get('status'));
  const categoryId = positiveInt(search.get('categoryId'));
  const kind = oneOf(SKILL_KINDS, search.get('kind'));
  const type = oneOf(CREDENTIAL_TYPES, search.get('type'));
  const purpose = oneOf(CLUSTER_PURPOSES, search.get('purpose'));
  const teamId = positiveInt(search.get('teamId'));
  const state = oneOf(TARGET_STATES, search.get('state'));
  return {
    tab: oneOf(CATALOGUE_TABS, search.get('tab')) ?? 'skills',
    page: positiveInt(search.get('page')) ?? 1,
    pageSize: Math.min(positiveInt(search.get('pageSize')) ?? DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE),
    ...(q ? { q } : {}),
    ...(status ? { status } : {}),
    ...(categoryId ? { categoryId } : {}),
    ...(kind ? { kind } : {}),
    ...(type ? { type } : {}),
    ...(purpose ? { purpose } : {}),
    ...(teamId ? { teamId } : {}),
    ...(state ? { state } : {}),
  };
}

function toSearch(params: CatalogueParams): URLSearchParams {
  const search = new URLSearchParams();
  if (params.tab !== 'skills') search.set('tab', params.tab);
  if (params.q) search.set('q', params.q);
  if (params.status) search.set('status', params.status);
  if (params.categoryId) search.set('categoryId', String(params.categoryId));
  if (params.kind) search.set('kind', params.kind);
  if (params.type) search.set('type', params.type);
  if (params.purpose) search.set('purpose', params.purpose);
  if (params.teamId) search.set('teamId', String(params.teamId));
  if (params.state) search.set('state', params.state);
  if (params.page > 1) search.set('page', String(params.page));
  if (params.pageSize !== DEFAULT_PAGE_SIZE) search.set('pageSize', String(params.pageSize));
  return search;
}

/** Catalogue tab, search, filters and page, kept in the URL. */
export function useCatalogueParams() {
  const [searchParams, setSearchParams] = useSearchParams();
  const params = useMemo(() => parseCatalogueParams(searchParams), [searchParams]);

  const update = useCallback(
    (changes: CatalogueParamChanges, options: { replace?: boolean } = {}) => {
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

  /** A new tab starts with a clean search: the filters of one tab mean nothing on another. */
  const setTab = useCallback(
    (tab: CatalogueTab) => setSearchParams(toSearch({ tab, page: 1, pageSize: DEFAULT_PAGE_SIZE })),
    [setSearchParams],
  );

  return { params, update, setTab };
}
