import type { HeatmapDto } from '@skillgrid/shared';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import { analyticsKeys, type HeatmapParams } from './keys';

export function getHeatmap(params: HeatmapParams, signal?: AbortSignal): Promise<HeatmapDto> {
  return apiClient.get<HeatmapDto>('/analytics/heatmap', { ...params }, signal);
}

export const heatmapQueryOptions = (params: HeatmapParams) =>
  queryOptions({
    queryKey: analyticsKeys.heatmap(params),
    meta: { dependsOn: ['analytics'] },
    queryFn: ({ signal }) => getHeatmap(params, signal),
    // The previous grid stays on screen (dimmed) while a filter change or drill-down loads.
    placeholderData: keepPreviousData,
  });

export function useHeatmap(params: HeatmapParams, options: { enabled?: boolean } = {}) {
  return useQuery({ ...heatmapQueryOptions(params), enabled: options.enabled ?? true });
}
