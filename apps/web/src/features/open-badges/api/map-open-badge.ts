import type { OpenBadgeImportDto } from '@skillgrid/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import { openBadgeKeys } from './keys';

export interface MapOpenBadgeInput {
  importId: number;
  credentialId: number;
}

/** POST /open-badges/imports/:id/map (HR): the badge becomes a completion of the credential. */
export function mapOpenBadge({ importId, credentialId }: MapOpenBadgeInput): Promise<OpenBadgeImportDto> {
  return apiClient.post<OpenBadgeImportDto>(`/open-badges/imports/${importId}/map`, { credentialId });
}

export function useMapOpenBadge() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: mapOpenBadge,
    // A mapped badge is a completion: the profile (skills, gaps), assignments and analytics change.
    meta: { changes: ['employees', 'assignments', 'analytics'] },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: openBadgeKeys.all }),
  });
}
