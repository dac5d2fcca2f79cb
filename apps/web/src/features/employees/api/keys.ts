import type { EmployeeStatus, OptimiseFor } from '@skillgrid/shared';

export interface EmployeeListFilters {
  page: number;
  pageSize: number;
  q?: string;
  teamId?: number;
  roleId?: number;
  status?: EmployeeStatus;
  /** With teamId: its sub-teams' people too (the API's default, and ours). */
  includeSubteams: boolean;
}

/** Whose profile: the signed-in user's own ('me') or an employee's id. */
export type ProfileSubject = 'me' | number;

export interface RecommendationParams {
  /** Default: the employee's own role. */
  targetRoleId?: number;
  optimise: OptimiseFor;
}

export const employeeKeys = {
  all: ['employees'] as const,
  lists: () => [...employeeKeys.all, 'list'] as const,
  list: (filters: EmployeeListFilters) => [...employeeKeys.lists(), filters] as const,
  profiles: () => [...employeeKeys.all, 'profile'] as const,
  profile: (id: number) => [...employeeKeys.profiles(), id] as const,
  myProfile: () => [...employeeKeys.profiles(), 'me'] as const,
  recommendations: (subject: ProfileSubject, params: RecommendationParams) =>
    [...employeeKeys.all, 'recommendations', subject, params] as const,
};
