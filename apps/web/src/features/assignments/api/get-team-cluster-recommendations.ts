import type { TeamClusterRecommendationsDto } from '@skillgrid/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import { assignmentKeys } from './keys';

/** The clusters that would close most of a team's weighted gap points per hour (DESIGN §3). */
export function getTeamClusterRecommendations(teamId: number, signal?: AbortSignal): Promise<TeamClusterRecommendationsDto> {
  return apiClient.get<TeamClusterRecommendationsDto>(`/teams/${teamId}/cluster-recommendations`, undefined, signal);
}

export const teamClusterRecommendationsQueryOptions = (teamId: number) =>
  queryOptions({
    queryKey: assignmentKeys.teamClusterRecommendations(teamId),
    queryFn: ({ signal }) => getTeamClusterRecommendations(teamId, signal),
  });

export function useTeamClusterRecommendations(teamId: number | undefined) {
  return useQuery({ ...teamClusterRecommendationsQueryOptions(teamId ?? 0), enabled: teamId !== undefined });
}
