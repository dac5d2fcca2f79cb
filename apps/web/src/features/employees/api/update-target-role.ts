import type { EmployeeDto } from '@skillgrid/shared';
import { useMutation } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import type { ProfileSubject } from './keys';

/** Sets (or clears, with null) the career-goal role: one's own, or, for HR and managers, an employee's. */
export function updateTargetRole(subject: ProfileSubject, targetRoleId: number | null): Promise<EmployeeDto> {
  return subject === 'me'
    ? apiClient.patch<EmployeeDto>('/me/target-role', { targetRoleId })
    : apiClient.patch<EmployeeDto>(`/employees/${subject}/target-role`, { targetRoleId });
}

export function useUpdateTargetRole(subject: ProfileSubject) {
  return useMutation({
    mutationFn: (targetRoleId: number | null) => updateTargetRole(subject, targetRoleId),
    // Profiles (target gaps and readiness) and recommendations depend on it.
    meta: { changes: ['employees'] },
  });
}
