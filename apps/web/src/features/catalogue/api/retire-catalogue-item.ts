import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import { useCatalogueChanged } from '../hooks/catalogue-changes';
import { catalogueKeys } from './keys';
import { CATALOGUE_PATHS, type CatalogueKind } from './save-catalogue-item';

/** Categories have no DELETE in the API; they cannot be retired. */
export type RetirableKind = Exclude<CatalogueKind, 'category'>;

/**
 * DELETE: retires a skill, credential, cluster or role (it stays, marked retired, and its history
 * still counts); deletes a capability target outright.
 */
export function retireCatalogueItem(kind: RetirableKind, id: number): Promise<unknown> {
  return apiClient.delete<unknown>(`${CATALOGUE_PATHS[kind]}/${id}`);
}

export function useRetireCatalogueItem(kind: RetirableKind) {
  const queryClient = useQueryClient();
  const changed = useCatalogueChanged();
  return useMutation({
    mutationFn: (id: number) => retireCatalogueItem(kind, id),
    onSuccess: async () => {
      changed(kind);
      await queryClient.invalidateQueries({ queryKey: catalogueKeys.all });
    },
  });
}
