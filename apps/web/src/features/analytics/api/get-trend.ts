import type { TrendDto } from '@skillgrid/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import { analyticsKeys, type TrendParams } from './keys';

/** Month-end figures of a team, a skill, or a skill in a team (at least one of the two). */
export function getTrend(params: TrendParams, signal?: AbortSignal): Promise<TrendDto> {
  return apiClient.get<TrendDto>('/analytics/trend', { ...params }, signal);
}

export const trendQueryOptions = (params: TrendParams) =>
  queryOptions({
    queryKey: analyticsKeys.trend(params),
    meta: { dependsOn: ['analytics'] },
    queryFn: ({ signal }) => getTrend(params, signal),
    enabled: params.teamId !== undefined || params.skillId !== undefined,
  });

export function useTrend(params: TrendParams) {
  return useQuery(trendQueryOptions(params));
}
