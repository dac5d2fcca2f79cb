import type { CapabilityTargetDto } from '@skillgrid/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import { analyticsKeys, type TeamScopeParams } from './keys';

export function getCapabilityTargets(params: TeamScopeParams, signal?: AbortSignal): Promise<CapabilityTargetDto[]> {
  return apiClient.get<CapabilityTargetDto[]>('/analytics/capability-targets', { ...params }, signal);
}

export const capabilityTargetsQueryOptions = (params: TeamScopeParams) =>
  queryOptions({
    queryKey: analyticsKeys.capabilityTargets(params),
    meta: { dependsOn: ['analytics'] },
    queryFn: ({ signal }) => getCapabilityTargets(params, signal),
  });

export function useCapabilityTargets(params: TeamScopeParams) {
  return useQuery(capabilityTargetsQueryOptions(params));
}
