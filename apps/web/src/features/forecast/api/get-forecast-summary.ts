import type { ForecastSummaryDto } from '@skillgrid/shared';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import { forecastKeys, type ForecastScopeParams } from './keys';

/** Every skill required in the scope: demand and supply at months 3, 6 and 12, peak shortfall, cost to close. */
export function getForecastSummary(params: ForecastScopeParams, signal?: AbortSignal): Promise<ForecastSummaryDto> {
  return apiClient.get<ForecastSummaryDto>('/forecast/summary', { ...params }, signal);
}

export const forecastSummaryQueryOptions = (params: ForecastScopeParams) =>
  queryOptions({
    queryKey: forecastKeys.summary(params),
    meta: { dependsOn: ['analytics'] },
    queryFn: ({ signal }) => getForecastSummary(params, signal),
    placeholderData: keepPreviousData,
  });

export function useForecastSummary(params: ForecastScopeParams) {
  return useQuery(forecastSummaryQueryOptions(params));
}
