import type { EmployeeProfileDto } from '@skillgrid/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import { employeeKeys } from './keys';

export function getEmployeeProfile(id: number, signal?: AbortSignal): Promise<EmployeeProfileDto> {
  return apiClient.get<EmployeeProfileDto>(`/employees/${id}/profile`, undefined, signal);
}

export const employeeProfileQueryOptions = (id: number) =>
  queryOptions({
    queryKey: employeeKeys.profile(id),
    // Assignments and the target role are part of the profile.
    meta: { dependsOn: ['assignments', 'employees'] },
    queryFn: ({ signal }) => getEmployeeProfile(id, signal),
  });

export function useEmployeeProfile(id: number) {
  return useQuery(employeeProfileQueryOptions(id));
}
