import type {
  CatalogueStatus,
  ClusterDto,
  ClusterPurpose,
  CredentialDto,
  CredentialType,
  DeliveryMethod,
  RoleDto,
  SkillCategoryDto,
  SkillDto,
  SkillKind,
} from '@skillgrid/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import { useCatalogueChanged } from '../hooks/catalogue-changes';
import { catalogueKeys } from './keys';

// The request bodies of the catalogue's writes, as the API's DTOs accept them (POST takes the
// whole record; PATCH any part of it, and `skills` / `requirements` / `credentialIds` replace the list).

export interface SkillInput {
  name: string;
  categoryId: number;
  kind: SkillKind;
  description: string | null;
  externalRef: string | null;
  status?: CatalogueStatus;
}

export interface CategoryInput {
  name: string;
  description: string | null;
}

export interface CredentialInput {
  name: string;
  provider: string;
  type: CredentialType;
  deliveryMethod: DeliveryMethod;
  hours: number;
  cost: number;
  /** Null: never expires. */
  validityMonths: number | null;
  description: string | null;
  url: string | null;
  achievementId: string | null;
  credlyTemplateId: string | null;
  badgrClassId: string | null;
  skills: Array<{ skillId: number; level: number }>;
  status?: CatalogueStatus;
}

export interface ClusterInput {
  name: string;
  purpose: ClusterPurpose;
  description: string | null;
  targetRoleId: number | null;
  /** In order. */
  credentialIds: number[];
  status?: CatalogueStatus;
}

export interface RoleInput {
  name: string;
  family: string | null;
  description: string | null;
  requirements: Array<{ skillId: number; requiredLevel: number; weight: number }>;
  status?: CatalogueStatus;
}

export interface CapabilityTargetInput {
  teamId: number;
  skillId: number;
  minLevel: number;
  requiredCount: number;
}

/** What the API answers to a capability-target write (the figures come with the list). */
export interface CapabilityTargetRecord {
  id: number;
  teamId: number;
  skillId: number;
  minLevel: number;
  requiredCount: number;
}

/** Each kind of catalogue record: its path, what a write sends and what it answers. */
export interface CatalogueRecords {
  skill: { input: SkillInput; result: SkillDto };
  category: { input: CategoryInput; result: SkillCategoryDto };
  credential: { input: CredentialInput; result: CredentialDto };
  cluster: { input: ClusterInput; result: ClusterDto };
  role: { input: RoleInput; result: RoleDto };
  capabilityTarget: { input: CapabilityTargetInput; result: CapabilityTargetRecord };
}

export type CatalogueKind = keyof CatalogueRecords;
export type CatalogueInput<K extends CatalogueKind> = CatalogueRecords[K]['input'];
export type CatalogueResult<K extends CatalogueKind> = CatalogueRecords[K]['result'];

export const CATALOGUE_PATHS: Record<CatalogueKind, string> = {
  skill: '/skills',
  category: '/skill-categories',
  credential: '/credentials',
  cluster: '/clusters',
  role: '/roles',
  capabilityTarget: '/capability-targets',
};

/** Creates the record (POST) or, given an id, changes the fields sent (PATCH). */
export function saveCatalogueItem<K extends CatalogueKind>(
  kind: K,
  id: number | null,
  input: Partial<CatalogueInput<K>>,
): Promise<CatalogueResult<K>> {
  return id === null
    ? apiClient.post<CatalogueResult<K>>(CATALOGUE_PATHS[kind], input)
    : apiClient.patch<CatalogueResult<K>>(`${CATALOGUE_PATHS[kind]}/${id}`, input);
}

export interface SaveVariables<K extends CatalogueKind> {
  id: number | null;
  input: Partial<CatalogueInput<K>>;
}

/**
 * One hook for the six kinds: they share the API's shape (POST, PATCH /:id), so six copies would
 * differ only in the path. Every catalogue list and picker is refreshed after a write, and the
 * views outside the catalogue that show the data are told through CatalogueChangesProvider.
 */
export function useSaveCatalogueItem<K extends CatalogueKind>(kind: K) {
  const queryClient = useQueryClient();
  const changed = useCatalogueChanged();
  return useMutation({
    mutationFn: ({ id, input }: SaveVariables<K>) => saveCatalogueItem(kind, id, input),
    onSuccess: async () => {
      changed(kind);
      await queryClient.invalidateQueries({ queryKey: catalogueKeys.all });
    },
  });
}
