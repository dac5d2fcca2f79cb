import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import { forecastKeys } from './keys';

export function deleteScenario(id: number): Promise<void> {
  return apiClient.delete<void>(`/forecast/scenarios/${id}`);
}

export function useDeleteScenario() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteScenario,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: forecastKeys.scenarios() }),
  });
}
