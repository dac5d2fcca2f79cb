import type { ExpiringDto } from '@skillgrid/shared';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import { analyticsKeys, type ExpiringParams } from './keys';

/** Completions expiring within the window; executives get the monthly counts only. */
export function getExpiring(params: ExpiringParams, signal?: AbortSignal): Promise<ExpiringDto> {
  return apiClient.get<ExpiringDto>('/analytics/expiring', { ...params }, signal);
}

export const expiringQueryOptions = (params: ExpiringParams) =>
  queryOptions({
    queryKey: analyticsKeys.expiring(params),
    meta: { dependsOn: ['analytics'] },
    queryFn: ({ signal }) => getExpiring(params, signal),
    placeholderData: keepPreviousData,
  });

export function useExpiring(params: ExpiringParams) {
  return useQuery(expiringQueryOptions(params));
}
