import type { EmployeeListItemDto, Page } from '@skillgrid/shared';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import { employeeKeys, type EmployeeListFilters } from './keys';

export function getEmployees(filters: EmployeeListFilters, signal?: AbortSignal): Promise<Page<EmployeeListItemDto>> {
  const { includeSubteams, ...rest } = filters;
  return apiClient.get<Page<EmployeeListItemDto>>(
    '/employees',
    // Sub-teams only mean something with a team filter; sent either way, not left to a default.
    { ...rest, includeSubteams: rest.teamId !== undefined ? includeSubteams : undefined },
    signal,
  );
}

export const employeesQueryOptions = (filters: EmployeeListFilters) =>
  queryOptions({
    queryKey: employeeKeys.list(filters),
    queryFn: ({ signal }) => getEmployees(filters, signal),
    // Keep the previous page on screen (dimmed) while the next one loads.
    placeholderData: keepPreviousData,
  });

export function useEmployees(filters: EmployeeListFilters) {
  return useQuery(employeesQueryOptions(filters));
}
