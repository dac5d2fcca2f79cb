import type { OrganisationDto, UpdateLevelLabelsRequestDto } from '@skillgrid/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import { organisationKeys } from './keys';

export function updateLevels(body: UpdateLevelLabelsRequestDto): Promise<OrganisationDto> {
  return apiClient.put<OrganisationDto>('/organisation/levels', body);
}

export function useUpdateLevels() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateLevels,
    // Every page formats levels from the organisation: the answer replaces it at once.
    onSuccess: (organisation) => queryClient.setQueryData(organisationKeys.settings(), organisation),
  });
}
