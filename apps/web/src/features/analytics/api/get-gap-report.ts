import type { GapReportDto } from '@skillgrid/shared';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import { analyticsKeys, type GapReportParams } from './keys';

export function getGapReport(params: GapReportParams, signal?: AbortSignal): Promise<GapReportDto> {
  return apiClient.get<GapReportDto>('/analytics/gaps', { ...params }, signal);
}

export const gapReportQueryOptions = (params: GapReportParams) =>
  queryOptions({
    queryKey: analyticsKeys.gaps(params),
    meta: { dependsOn: ['analytics'] },
    queryFn: ({ signal }) => getGapReport(params, signal),
    // Sorting or paging keeps the current rows on screen (dimmed) until the new ones arrive.
    placeholderData: keepPreviousData,
  });

export function useGapReport(params: GapReportParams) {
  return useQuery(gapReportQueryOptions(params));
}
