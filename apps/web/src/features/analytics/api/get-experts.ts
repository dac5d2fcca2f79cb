import type { ExpertDto, Page } from '@skillgrid/shared';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import { analyticsKeys, type ExpertParams } from './keys';

/** People holding a skill at a minimum level (not for executives). */
export function getExperts(params: ExpertParams, signal?: AbortSignal): Promise<Page<ExpertDto>> {
  return apiClient.get<Page<ExpertDto>>('/analytics/experts', { ...params }, signal);
}

export const expertsQueryOptions = (params: ExpertParams) =>
  queryOptions({
    queryKey: analyticsKeys.experts(params),
    meta: { dependsOn: ['analytics'] },
    queryFn: ({ signal }) => getExperts(params, signal),
    // Nothing to ask before a skill is chosen.
    enabled: params.skillId !== undefined,
    placeholderData: keepPreviousData,
  });

export function useExperts(params: ExpertParams) {
  return useQuery(expertsQueryOptions(params));
}
