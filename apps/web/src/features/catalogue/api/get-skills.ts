import type { Page, SkillDto } from '@skillgrid/shared';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import { catalogueKeys, type SkillListParams } from './keys';

export function getSkills(params: SkillListParams, signal?: AbortSignal): Promise<Page<SkillDto>> {
  return apiClient.get<Page<SkillDto>>('/skills', { ...params }, signal);
}

export const skillsQueryOptions = (params: SkillListParams) =>
  queryOptions({
    queryKey: catalogueKeys.skills(params),
    queryFn: ({ signal }) => getSkills(params, signal),
    placeholderData: keepPreviousData,
  });

export function useSkills(params: SkillListParams) {
  return useQuery(skillsQueryOptions(params));
}
