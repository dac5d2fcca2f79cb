import type { AuthUserDto, LoginResponseDto } from '@skillgrid/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient, isApiError } from '../../../lib/api-client';
import { authKeys } from './keys';

/** The signed-in user, or null when there is no session (401 is an answer here, not a failure). */
export async function getMe(signal?: AbortSignal): Promise<AuthUserDto | null> {
  try {
    const { user } = await apiClient.get<LoginResponseDto>('/auth/me', undefined, signal);
    return user;
  } catch (error) {
    if (isApiError(error) && error.status === 401) return null;
    throw error;
  }
}

export const meQueryOptions = () =>
  queryOptions({
    queryKey: authKeys.me(),
    queryFn: ({ signal }) => getMe(signal),
    staleTime: 5 * 60_000,
  });

export function useMe() {
  return useQuery(meQueryOptions());
}
