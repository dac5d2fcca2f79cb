import { MAX_PAGE_SIZE } from '@skillgrid/shared';
import type { Page, RoleDto } from '@skillgrid/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import { roleKeys } from './keys';

export function getRoles(params: { page?: number; pageSize?: number; q?: string }, signal?: AbortSignal): Promise<Page<RoleDto>> {
  return apiClient.get<Page<RoleDto>>('/roles', params, signal);
}

/** Every role (for filters); organisations have tens to a few hundred. */
export async function getAllRoles(signal?: AbortSignal): Promise<RoleDto[]> {
  const roles: RoleDto[] = [];
  for (let page = 1; ; page += 1) {
    const result = await getRoles({ page, pageSize: MAX_PAGE_SIZE }, signal);
    roles.push(...result.items);
    if (result.items.length === 0 || roles.length >= result.total) return roles;
  }
}

export const allRolesQueryOptions = () =>
  queryOptions({
    queryKey: roleKeys.everything(),
    queryFn: ({ signal }) => getAllRoles(signal),
    staleTime: 5 * 60_000,
  });

export function useAllRoles() {
  return useQuery(allRolesQueryOptions());
}
