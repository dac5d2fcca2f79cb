import type { AssignmentDto, UpdateAssignmentRequestDto } from '@skillgrid/shared';
import { useMutation } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';

/** Extends the due date or changes the note. */
export function updateAssignment(id: number, body: UpdateAssignmentRequestDto): Promise<AssignmentDto> {
  return apiClient.patch<AssignmentDto>(`/assignments/${id}`, body);
}

export function useUpdateAssignment() {
  return useMutation({
    mutationFn: ({ id, ...body }: UpdateAssignmentRequestDto & { id: number }) => updateAssignment(id, body),
    meta: { changes: ['assignments'] },
  });
}
