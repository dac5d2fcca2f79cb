import type { OpenBadgeImportDto, Page } from '@skillgrid/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import { openBadgeKeys } from './keys';

/** The badges imported for an employee (yourself when no id), newest first. */
export function getOpenBadgeImports(employeeId: number | undefined, signal?: AbortSignal): Promise<Page<OpenBadgeImportDto>> {
  return apiClient.get<Page<OpenBadgeImportDto>>('/open-badges/imports', { employeeId, pageSize: 100 }, signal);
}

export const openBadgeImportsQueryOptions = (employeeId?: number) =>
  queryOptions({
    queryKey: openBadgeKeys.imports(employeeId ?? 'me'),
    // HR mapping a badge or approving its completion changes its status.
    meta: { dependsOn: ['employees'] },
    queryFn: ({ signal }) => getOpenBadgeImports(employeeId, signal),
  });

export function useOpenBadgeImports(employeeId?: number) {
  return useQuery(openBadgeImportsQueryOptions(employeeId));
}
