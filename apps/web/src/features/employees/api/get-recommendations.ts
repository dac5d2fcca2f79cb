import type { RecommendationDto } from '@skillgrid/shared';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import { employeeKeys, type ProfileSubject, type RecommendationParams } from './keys';

/** The cheapest set of credentials closing the gap to a role (DESIGN §3), for one employee or for oneself. */
export function getRecommendations(
  subject: ProfileSubject,
  params: RecommendationParams,
  signal?: AbortSignal,
): Promise<RecommendationDto> {
  const path = subject === 'me' ? '/me/recommendations' : `/employees/${subject}/recommendations`;
  return apiClient.get<RecommendationDto>(path, { ...params }, signal);
}

export const recommendationsQueryOptions = (subject: ProfileSubject, params: RecommendationParams) =>
  queryOptions({
    queryKey: employeeKeys.recommendations(subject, params),
    queryFn: ({ signal }) => getRecommendations(subject, params, signal),
    // Switching cost/hours keeps the previous answer on screen until the next one arrives.
    placeholderData: keepPreviousData,
    meta: { dependsOn: ['employees'] },
  });

export function useRecommendations(subject: ProfileSubject, params: RecommendationParams) {
  return useQuery(recommendationsQueryOptions(subject, params));
}
