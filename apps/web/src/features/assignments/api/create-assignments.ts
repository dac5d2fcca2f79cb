import type { CreateAssignmentsRequestDto, CreateAssignmentsResultDto } from '@skillgrid/shared';
import { useMutation } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';

/** Assigns a cluster or one credential to the people named or to a whole team, all or nothing. */
export function createAssignments(body: CreateAssignmentsRequestDto): Promise<CreateAssignmentsResultDto> {
  return apiClient.post<CreateAssignmentsResultDto>('/assignments', body);
}

export function useCreateAssignments() {
  return useMutation({ mutationFn: createAssignments, meta: { changes: ['assignments'] } });
}

export interface RecommendedAssignment {
  employeeId: number;
  credentialIds: number[];
  dueDate: CreateAssignmentsRequestDto['dueDate'];
  note?: string;
}

/**
 * One assignment per recommended credential, one after the other (each request is all or
 * nothing on the server; stopping at the first failure leaves the earlier ones in place, and
 * the error says which credential failed).
 */
export async function assignRecommended({ employeeId, credentialIds, dueDate, note }: RecommendedAssignment) {
  const results: CreateAssignmentsResultDto[] = [];
  for (const credentialId of credentialIds) {
    results.push(await createAssignments({ employeeIds: [employeeId], credentialId, dueDate, ...(note ? { note } : {}) }));
  }
  return {
    items: results.flatMap((result) => result.items),
    skipped: results.flatMap((result) => result.skipped),
  };
}

export function useAssignRecommended() {
  return useMutation({ mutationFn: assignRecommended, meta: { changes: ['assignments'] } });
}
