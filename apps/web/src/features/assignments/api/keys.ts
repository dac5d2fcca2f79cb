import type { AssignmentStatus } from '@skillgrid/shared';

export const DUE_FILTERS = ['soon', 'overdue'] as const;
export type DueFilter = (typeof DUE_FILTERS)[number];

export interface AssignmentListParams {
  employeeId?: number;
  /** The team and its sub-teams. */
  teamId?: number;
  status?: AssignmentStatus;
  /** Open assignments due within 14 days, or past due. */
  due?: DueFilter;
  clusterId?: number;
  credentialId?: number;
  page: number;
  pageSize: number;
}

export const assignmentKeys = {
  all: ['assignments'] as const,
  lists: () => [...assignmentKeys.all, 'list'] as const,
  list: (params: AssignmentListParams) => [...assignmentKeys.lists(), params] as const,
  teamClusterRecommendations: (teamId: number) => [...assignmentKeys.all, 'team-cluster-recommendations', teamId] as const,
};
