import { DEFAULT_PAGE_SIZE, EMPLOYEE_STATUSES, MAX_PAGE_SIZE } from '@skillgrid/shared';
import type { EmployeeStatus } from '@skillgrid/shared';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { positiveInt } from '../../../lib/url-state';
import type { EmployeeListFilters } from '../api/keys';

export function parseEmployeeListFilters(search: URLSearchParams): EmployeeListFilters {
  const status = search.get('status');
  const q = search.get('q')?.trim();
  return {
    page: positiveInt(search.get('page')) ?? 1,
    pageSize: Math.min(positiveInt(search.get('pageSize')) ?? DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE),
    ...(q ? { q } : {}),
    ...(positiveInt(search.get('teamId')) ? { teamId: positiveInt(search.get('teamId')) } : {}),
    ...(positiveInt(search.get('roleId')) ? { roleId: positiveInt(search.get('roleId')) } : {}),
    ...(status && (EMPLOYEE_STATUSES as readonly string[]).includes(status) ? { status: status as EmployeeStatus } : {}),
    includeSubteams: search.get('includeSubteams') !== 'false',
  };
}

export function employeeListSearch(filters: Partial<EmployeeListFilters>): URLSearchParams {
  const search = new URLSearchParams();
  if (filters.q) search.set('q', filters.q);
  if (filters.teamId) search.set('teamId', String(filters.teamId));
  if (filters.includeSubteams === false && filters.teamId) search.set('includeSubteams', 'false');
  if (filters.roleId) search.set('roleId', String(filters.roleId));
  if (filters.status) search.set('status', filters.status);
  if (filters.page && filters.page > 1) search.set('page', String(filters.page));
  if (filters.pageSize && filters.pageSize !== DEFAULT_PAGE_SIZE) search.set('pageSize', String(filters.pageSize));
  return search;
}

export function hasActiveFilters(filters: EmployeeListFilters): boolean {
  return Boolean(filters.q || filters.teamId || filters.roleId || filters.status);
}

/** The employees list's filters, kept in the URL so a view can be shared and reloaded (UI.md). */
export function useEmployeeListFilters() {
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = useMemo(() => parseEmployeeListFilters(searchParams), [searchParams]);

  const update = useCallback(
    (changes: Partial<EmployeeListFilters>, options: { replace?: boolean } = {}) => {
      setSearchParams(
        (current) => {
          const previous = parseEmployeeListFilters(current);
          // Any change other than the page itself starts again from page 1.
          const page = 'page' in changes ? changes.page : 1;
          return employeeListSearch({ ...previous, ...changes, page });
        },
        { replace: options.replace },
      );
    },
    [setSearchParams],
  );

  const clear = useCallback(() => setSearchParams(new URLSearchParams()), [setSearchParams]);

  return { filters, update, clear };
}
