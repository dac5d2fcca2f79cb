import { MAX_PAGE_SIZE } from '@skillgrid/shared';
import type { Page, SkillCategoryDto } from '@skillgrid/shared';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import { catalogueKeys, type CategoryListParams } from './keys';

/** The category filter needs them all; there are tens, well under one page of 500. */
export function getSkillCategories(signal?: AbortSignal): Promise<Page<SkillCategoryDto>> {
  return apiClient.get<Page<SkillCategoryDto>>('/skill-categories', { pageSize: MAX_PAGE_SIZE }, signal);
}

export const skillCategoriesQueryOptions = () =>
  queryOptions({
    queryKey: catalogueKeys.categories(),
    queryFn: ({ signal }) => getSkillCategories(signal),
    staleTime: 10 * 60_000,
  });

export function useSkillCategories() {
  return useQuery(skillCategoriesQueryOptions());
}

/** One page of categories, searched by name (the Categories tab). */
export function getSkillCategoryPage(params: CategoryListParams, signal?: AbortSignal): Promise<Page<SkillCategoryDto>> {
  return apiClient.get<Page<SkillCategoryDto>>('/skill-categories', { ...params }, signal);
}

export function useSkillCategoryPage(params: CategoryListParams) {
  return useQuery({
    queryKey: catalogueKeys.categoryList(params),
    queryFn: ({ signal }) => getSkillCategoryPage(params, signal),
    placeholderData: keepPreviousData,
  });
}
