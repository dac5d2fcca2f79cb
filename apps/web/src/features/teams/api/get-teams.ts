import { MAX_PAGE_SIZE } from '@skillgrid/shared';
import type { Page, TeamDto } from '@skillgrid/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import { teamKeys, type TeamListParams } from './keys';

export function getTeams(params: TeamListParams, signal?: AbortSignal): Promise<Page<TeamDto>> {
  return apiClient.get<Page<TeamDto>>('/teams', { ...params }, signal);
}

/** Every team the caller may see, page after page (the tree and the team filter need them all). */
export async function getAllTeams(signal?: AbortSignal): Promise<TeamDto[]> {
  const teams: TeamDto[] = [];
  for (let page = 1; ; page += 1) {
    const result = await getTeams({ page, pageSize: MAX_PAGE_SIZE }, signal);
    teams.push(...result.items);
    if (result.items.length === 0 || teams.length >= result.total) return teams;
  }
}

export const allTeamsQueryOptions = () =>
  queryOptions({
    queryKey: teamKeys.everything(),
    meta: { dependsOn: ['teams'] },
    queryFn: ({ signal }) => getAllTeams(signal),
    staleTime: 5 * 60_000,
  });

export function useAllTeams() {
  return useQuery(allTeamsQueryOptions());
}
