import type { CompletionDto, CreateCompletionRequestDto } from '@skillgrid/shared';
import { useMutation } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';

/** Records a completion by hand; the server keeps the skill state and the statistics in step. */
export function recordCompletion(body: CreateCompletionRequestDto): Promise<CompletionDto> {
  return apiClient.post<CompletionDto>('/completions', body);
}

export function useRecordCompletion() {
  // A completion changes the profile (skills, gaps), the progress of assignments and the analytics.
  return useMutation({ mutationFn: recordCompletion, meta: { changes: ['employees', 'assignments', 'analytics'] } });
}
