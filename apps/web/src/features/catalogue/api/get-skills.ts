import { MAX_PAGE_SIZE } from '@skillgrid/shared';
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

/** Every skill, page after page (the skill pickers of the analytics pages need them all). */
export async function getAllSkills(signal?: AbortSignal): Promise<SkillDto[]> {
  const skills: SkillDto[] = [];
  for (let page = 1; ; page += 1) {
    const result = await getSkills({ page, pageSize: MAX_PAGE_SIZE }, signal);
    skills.push(...result.items);
    if (result.items.length === 0 || skills.length >= result.total) return skills;
  }
}

export const allSkillsQueryOptions = () =>
  queryOptions({
    queryKey: catalogueKeys.allSkills(),
    queryFn: ({ signal }) => getAllSkills(signal),
    staleTime: 5 * 60_000,
  });

export function useAllSkills() {
  return useQuery(allSkillsQueryOptions());
}
