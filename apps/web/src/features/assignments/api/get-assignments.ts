import type { AssignmentDto, Page } from '@skillgrid/shared';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import { assignmentKeys, type AssignmentListParams } from './keys';

/** Assignments in the caller's scope, with derived status, progress and steps. */
export function getAssignments(params: AssignmentListParams, signal?: AbortSignal): Promise<Page<AssignmentDto>> {
  return apiClient.get<Page<AssignmentDto>>('/assignments', { ...params }, signal);
}

export const assignmentsQueryOptions = (params: AssignmentListParams) =>
  queryOptions({
    queryKey: assignmentKeys.list(params),
    queryFn: ({ signal }) => getAssignments(params, signal),
    placeholderData: keepPreviousData,
    meta: { dependsOn: ['assignments'] },
  });

export function useAssignments(params: AssignmentListParams) {
  return useQuery(assignmentsQueryOptions(params));
}
