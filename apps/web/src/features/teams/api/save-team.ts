import type { TeamDto } from '@skillgrid/shared';
import { useMutation } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';

export interface TeamInput {
  name?: string;
  parentId?: number | null;
  managerId?: number | null;
}

/** Creates a team (POST) or changes one (PATCH: renames, moves with its sub-tree, changes the manager). */
export function saveTeam({ id, input }: { id: number | null; input: TeamInput }): Promise<TeamDto> {
  return id === null ? apiClient.post<TeamDto>('/teams', input) : apiClient.patch<TeamDto>(`/teams/${id}`, input);
}

export function useSaveTeam() {
  // Team names and places feed the tree, people's profiles and every analytics grouping.
  return useMutation({ mutationFn: saveTeam, meta: { changes: ['teams', 'employees', 'analytics'] } });
}
