import type { OverviewDto } from '@skillgrid/shared';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import { analyticsKeys, type OverviewParams } from './keys';

export function getOverview(params: OverviewParams, signal?: AbortSignal): Promise<OverviewDto> {
  return apiClient.get<OverviewDto>('/analytics/overview', { ...params }, signal);
}

export const overviewQueryOptions = (params: OverviewParams) =>
  queryOptions({
    queryKey: analyticsKeys.overview(params),
    meta: { dependsOn: ['analytics'] },
    queryFn: ({ signal }) => getOverview(params, signal),
    placeholderData: keepPreviousData,
  });

export function useOverview(params: OverviewParams) {
  return useQuery(overviewQueryOptions(params));
}
