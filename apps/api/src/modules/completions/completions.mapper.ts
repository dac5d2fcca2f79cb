import type { CompletionDto } from '@skillgrid/shared';
import type { Completion } from './completion.entity';

export function toCompletionDto(completion: Completion): CompletionDto {
  return {
    id: completion.id,
    employeeId: completion.employeeId,
    employeeName: completion.employee?.name ?? '',
    credentialId: completion.credentialId,
    credentialName: completion.credential?.name ?? '',
    awardedAt: completion.awardedAt,
    expiresAt: completion.expiresAt,
    source: completion.source,
    evidenceUrl: completion.evidenceUrl,
    score: completion.score,
    status: completion.status,
  };
}
