import type { ForecastScenarioDto, ForecastScenarioSettings } from '@skillgrid/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import { forecastKeys } from './keys';

export interface SaveScenarioInput {
  /** Updates this scenario; absent: saves a new one. */
  id?: number;
  name: string;
  settings: ForecastScenarioSettings;
}

/** POST (new) or PATCH (existing) /forecast/scenarios. */
export function saveScenario({ id, name, settings }: SaveScenarioInput): Promise<ForecastScenarioDto> {
  const body = {
    name,
    attritionRate: settings.attritionRate ?? null,
    roleAttrition: settings.roleAttrition ?? [],
    hiring: settings.hiring ?? [],
    budget: settings.budget ?? null,
  };
  return id === undefined
    ? apiClient.post<ForecastScenarioDto>('/forecast/scenarios', body)
    : apiClient.patch<ForecastScenarioDto>(`/forecast/scenarios/${id}`, body);
}

export function useSaveScenario() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveScenario,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: forecastKeys.scenarios() }),
  });
}
