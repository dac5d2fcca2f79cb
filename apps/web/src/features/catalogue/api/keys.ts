import type { CatalogueStatus, ClusterPurpose, CredentialType, SkillKind } from '@skillgrid/shared';

export interface SkillListParams {
  page: number;
  pageSize: number;
  q?: string;
  categoryId?: number;
  kind?: SkillKind;
  status?: CatalogueStatus;
}

export interface CategoryListParams {
  page: number;
  pageSize: number;
  q?: string;
}

export interface CredentialListParams {
  page: number;
  pageSize: number;
  q?: string;
  type?: CredentialType;
  status?: CatalogueStatus;
}

export interface ClusterListParams {
  page: number;
  pageSize: number;
  q?: string;
  purpose?: ClusterPurpose;
  status?: CatalogueStatus;
}

export interface RoleListParams {
  page: number;
  pageSize: number;
  q?: string;
  status?: CatalogueStatus;
}

export interface CapabilityTargetListParams {
  teamId?: number;
}

/** Every catalogue list and picker hangs below `all`, so one invalidation refreshes them after a write. */
export const catalogueKeys = {
  all: ['catalogue'] as const,
  skills: (params: SkillListParams) => [...catalogueKeys.all, 'skills', params] as const,
  allSkills: () => [...catalogueKeys.all, 'skills', 'everything'] as const,
  credentials: (params: CredentialListParams) => [...catalogueKeys.all, 'credentials', params] as const,
  allCredentials: () => [...catalogueKeys.all, 'credentials', 'everything'] as const,
  categories: () => [...catalogueKeys.all, 'skill-categories'] as const,
  categoryList: (params: CategoryListParams) => [...catalogueKeys.all, 'skill-categories', 'list', params] as const,
  clusters: (params: ClusterListParams) => [...catalogueKeys.all, 'clusters', params] as const,
  roles: (params: RoleListParams) => [...catalogueKeys.all, 'roles', params] as const,
  capabilityTargets: (params: CapabilityTargetListParams) => [...catalogueKeys.all, 'capability-targets', params] as const,
};
