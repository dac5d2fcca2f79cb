import type { AssignmentDto } from '@skillgrid/shared';
import { useMutation } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';

/** Cancels an assignment: it stays on record with status `cancelled`. */
export function cancelAssignment(id: number): Promise<AssignmentDto> {
  return apiClient.delete<AssignmentDto>(`/assignments/${id}`);
}

export function useCancelAssignment() {
  return useMutation({ mutationFn: cancelAssignment, meta: { changes: ['assignments'] } });
}
