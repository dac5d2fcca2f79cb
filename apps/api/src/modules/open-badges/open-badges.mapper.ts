import type { CompletionDto, OpenBadgeImportDto } from '@skillgrid/shared';
import type { OpenBadgeImport } from './open-badge-import.entity';

/** An import as the API shows it; its status is its completion's (pending while unmapped). */
export function toOpenBadgeImportDto(row: OpenBadgeImport, completion: CompletionDto | null): OpenBadgeImportDto {
  return {
    id: row.id,
    employeeId: row.employeeId,
    format: row.format,
    status: completion?.status ?? 'pending',
    verified: row.verified === 1,
    achievementId: row.achievementId,
    achievementName: row.achievementName,
    issuerName: row.issuerName,
    awardedAt: row.awardedAt,
    expiresAt: row.expiresAt,
    credentialId: row.credentialId,
    credentialName: row.credential?.name ?? completion?.credentialName ?? null,
    mappedBy: row.mappedBy,
    completionId: completion?.id ?? row.completionId,
    reason: row.reason,
    importedAt: row.createdAt instanceof Date ? row.createdAt.toISOString() : String(row.createdAt),
  };
}
