import type { CapabilityTargetDto } from '@skillgrid/shared';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import { catalogueKeys, type CapabilityTargetListParams } from './keys';

/** Every target in scope (a team with its sub-teams) with today's figures; the API does not page them. */
export function getCapabilityTargets(params: CapabilityTargetListParams, signal?: AbortSignal): Promise<CapabilityTargetDto[]> {
  return apiClient.get<CapabilityTargetDto[]>('/analytics/capability-targets', { ...params }, signal);
}

export const capabilityTargetsQueryOptions = (params: CapabilityTargetListParams) =>
  queryOptions({
    queryKey: catalogueKeys.capabilityTargets(params),
    queryFn: ({ signal }) => getCapabilityTargets(params, signal),
    placeholderData: keepPreviousData,
  });

export function useCapabilityTargets(params: CapabilityTargetListParams) {
  return useQuery(capabilityTargetsQueryOptions(params));
}
