import type { EffectivenessDto, Page } from '@skillgrid/shared';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import { effectivenessKeys, type EffectivenessListParams } from './keys';

/** Every credential's (or cluster's) effectiveness over the period (DESIGN §3). */
export function getEffectiveness(params: EffectivenessListParams, signal?: AbortSignal): Promise<Page<EffectivenessDto>> {
  return apiClient.get<Page<EffectivenessDto>>('/effectiveness', { ...params }, signal);
}

export const effectivenessQueryOptions = (params: EffectivenessListParams) =>
  queryOptions({
    queryKey: effectivenessKeys.list(params),
    queryFn: ({ signal }) => getEffectiveness(params, signal),
    placeholderData: keepPreviousData,
    meta: { dependsOn: ['assignments'] },
  });

export function useEffectiveness(params: EffectivenessListParams) {
  return useQuery(effectivenessQueryOptions(params));
}
