import type { SinglePointOfFailureDto } from '@skillgrid/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import { analyticsKeys, type TeamScopeParams } from './keys';

/** The team (or the caller's scope) and its direct child teams, each with its sub-tree. */
export function getSinglePointsOfFailure(params: TeamScopeParams, signal?: AbortSignal): Promise<SinglePointOfFailureDto[]> {
  return apiClient.get<SinglePointOfFailureDto[]>('/analytics/single-points-of-failure', { ...params }, signal);
}

export const singlePointsOfFailureQueryOptions = (params: TeamScopeParams) =>
  queryOptions({
    queryKey: analyticsKeys.singlePointsOfFailure(params),
    meta: { dependsOn: ['analytics'] },
    queryFn: ({ signal }) => getSinglePointsOfFailure(params, signal),
  });

export function useSinglePointsOfFailure(params: TeamScopeParams) {
  return useQuery(singlePointsOfFailureQueryOptions(params));
}
