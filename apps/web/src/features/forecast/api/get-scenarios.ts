import type { ForecastScenarioDto } from '@skillgrid/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import { forecastKeys } from './keys';

/** The signed-in user's saved scenarios. */
export function getScenarios(signal?: AbortSignal): Promise<ForecastScenarioDto[]> {
  return apiClient.get<ForecastScenarioDto[]>('/forecast/scenarios', undefined, signal);
}

export const scenariosQueryOptions = () =>
  queryOptions({ queryKey: forecastKeys.scenarios(), queryFn: ({ signal }) => getScenarios(signal) });

export function useScenarios(enabled = true) {
  return useQuery({ ...scenariosQueryOptions(), enabled });
}
