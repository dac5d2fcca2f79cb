import type { CompletionDto, OpenBadgeImportDto, OpenBadgeSuggestionDto } from '@skillgrid/shared';
import type { OpenBadgeImport } from './open-badge-import.entity';
import { alignmentsOfDocument, checksOfRecord } from './badge-document';

/**
 * An import as the API shows it; its status is its completion's (pending while unmapped). The
 * row should carry its employee (for the name); suggestions are given for unmapped badges only.
 */
export function toOpenBadgeImportDto(
  row: OpenBadgeImport,
  completion: CompletionDto | null,
  suggestions: OpenBadgeSuggestionDto[] = [],
): OpenBadgeImportDto {
  return {
    id: row.id,
    employeeId: row.employeeId,
    employeeName: row.employee?.name ?? completion?.employeeName ?? '',
    format: row.format,
    status: completion?.status ?? 'pending',
    verified: row.verified === 1,
    achievementId: row.achievementId,
    achievementName: row.achievementName,
    issuerId: row.issuerId,
    issuerName: row.issuerName,
    awardedAt: row.awardedAt,
    expiresAt: row.expiresAt,
    alignments: alignmentsOfDocument(row.document),
    checks: checksOfRecord(row.checks),
    suggestedCredentials: row.credentialId === null ? suggestions : [],
    credentialId: row.credentialId,
    credentialName: row.credential?.name ?? completion?.credentialName ?? null,
    mappedBy: row.mappedBy,
    completionId: completion?.id ?? row.completionId,
    reason: row.reason,
    importedAt: row.createdAt instanceof Date ? row.createdAt.toISOString() : String(row.createdAt),
  };
}
