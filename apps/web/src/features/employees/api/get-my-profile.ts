import type { EmployeeProfileDto } from '@skillgrid/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import { employeeKeys } from './keys';

/** The signed-in user's own profile; 404 with code NO_EMPLOYEE when the account has no employee. */
export function getMyProfile(signal?: AbortSignal): Promise<EmployeeProfileDto> {
  return apiClient.get<EmployeeProfileDto>('/me/profile', undefined, signal);
}

export const myProfileQueryOptions = () =>
  queryOptions({
    queryKey: employeeKeys.myProfile(),
    // Assignments and the target role are part of the profile.
    meta: { dependsOn: ['assignments', 'employees'] },
    queryFn: ({ signal }) => getMyProfile(signal),
  });

export function useMyProfile() {
  return useQuery(myProfileQueryOptions());
}
