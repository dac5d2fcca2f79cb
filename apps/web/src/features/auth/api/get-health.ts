import type { HealthDto } from '@skillgrid/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import { authKeys } from './keys';

/** `demo` is set by the API when it runs on the demo seed (it decides whether to show demo logins). */
export type HealthResponse = HealthDto & { demo?: boolean };

export function getHealth(signal?: AbortSignal): Promise<HealthResponse> {
  return apiClient.get<HealthResponse>('/health', undefined, signal);
}

export const healthQueryOptions = () =>
  queryOptions({
    queryKey: authKeys.health(),
    queryFn: ({ signal }) => getHealth(signal),
    staleTime: 10 * 60_000,
    retry: false,
  });

export function useHealth() {
  return useQuery(healthQueryOptions());
}
