import type { ForecastDto } from '@skillgrid/shared';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import { hasScenario } from '../utils/scenario';
import { forecastKeys, type ForecastParams } from './keys';

/** One skill's forecast; with a scenario, the scenario beside the baseline. */
export function getForecast({ scenario, ...params }: ForecastParams, signal?: AbortSignal): Promise<ForecastDto> {
  return apiClient.get<ForecastDto>(
    '/forecast',
    { ...params, scenario: scenario && hasScenario(scenario) ? JSON.stringify(scenario) : undefined },
    signal,
  );
}

export const forecastQueryOptions = (params: ForecastParams) =>
  queryOptions({
    queryKey: forecastKeys.forecast(params),
    meta: { dependsOn: ['analytics'] },
    queryFn: ({ signal }) => getForecast(params, signal),
    // Moving a slider keeps the last answer on screen until the next one arrives.
    placeholderData: keepPreviousData,
  });

export function useForecast(params: ForecastParams | null) {
  return useQuery({ ...forecastQueryOptions(params ?? { skillId: 0, horizon: 12 }), enabled: params !== null });
}
