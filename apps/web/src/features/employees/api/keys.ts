import type { EmployeeStatus } from '@skillgrid/shared';

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

export const employeeKeys = {
  all: ['employees'] as const,
  lists: () => [...employeeKeys.all, 'list'] as const,
  list: (filters: EmployeeListFilters) => [...employeeKeys.lists(), filters] as const,
  profiles: () => [...employeeKeys.all, 'profile'] as const,
  profile: (id: number) => [...employeeKeys.profiles(), id] as const,
  myProfile: () => [...employeeKeys.profiles(), 'me'] as const,
};
