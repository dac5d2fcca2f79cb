import type { CredentialType, SkillKind } from '@skillgrid/shared';

export interface SkillListParams {
  page: number;
  pageSize: number;
  q?: string;
  categoryId?: number;
  kind?: SkillKind;
}

export interface CredentialListParams {
  page: number;
  pageSize: number;
  q?: string;
  type?: CredentialType;
}

export const catalogueKeys = {
  all: ['catalogue'] as const,
  skills: (params: SkillListParams) => [...catalogueKeys.all, 'skills', params] as const,
  allSkills: () => [...catalogueKeys.all, 'skills', 'everything'] as const,
  credentials: (params: CredentialListParams) => [...catalogueKeys.all, 'credentials', params] as const,
  categories: () => [...catalogueKeys.all, 'skill-categories'] as const,
};
