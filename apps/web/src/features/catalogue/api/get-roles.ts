import type { Page, RoleDto } from '@skillgrid/shared';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import { catalogueKeys, type RoleListParams } from './keys';

/** One page of roles with their requirements (the Roles tab; filters elsewhere use the roles feature's list). */
export function getRolePage(params: RoleListParams, signal?: AbortSignal): Promise<Page<RoleDto>> {
  return apiClient.get<Page<RoleDto>>('/roles', { ...params }, signal);
}

export const rolePageQueryOptions = (params: RoleListParams) =>
  queryOptions({
    queryKey: catalogueKeys.roles(params),
    queryFn: ({ signal }) => getRolePage(params, signal),
    placeholderData: keepPreviousData,
  });

export function useRolePage(params: RoleListParams) {
  return useQuery(rolePageQueryOptions(params));
}
