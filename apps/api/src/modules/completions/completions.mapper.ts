import type { CompletionDto, CompletionSource, CompletionStatus } from '@skillgrid/shared';
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

/** A completion read in raw SQL (COMPLETION_ROW_SQL), as the same DTO. */
export interface CompletionRow {
  id: number | string;
  employee_id: number | string;
  employee_name: string;
  credential_id: number | string;
  credential_name: string;
  awarded_at: string;
  expires_at: string | null;
  source: CompletionSource;
  evidence_url: string | null;
  /** DECIMAL: a string from mysql2. */
  score: number | string | null;
  status: CompletionStatus;
}

/** One completion with its employee's name and team path and its credential's name, by id. */
export const COMPLETION_ROW_SQL =
  'SELECT c.id, c.employee_id, e.name AS employee_name, t.path AS team_path, c.credential_id, cr.name AS credential_name, ' +
  'c.awarded_at, c.expires_at, c.source, c.evidence_url, c.score, c.status FROM completions c ' +
  'JOIN employees e ON e.id = c.employee_id JOIN teams t ON t.id = e.team_id JOIN credentials cr ON cr.id = c.credential_id ' +
  'WHERE c.id = ?';

export function rowToCompletionDto(row: CompletionRow): CompletionDto {
  return {
    id: Number(row.id),
    employeeId: Number(row.employee_id),
    employeeName: row.employee_name,
    credentialId: Number(row.credential_id),
    credentialName: row.credential_name,
    awardedAt: String(row.awarded_at).slice(0, 10),
    expiresAt: row.expires_at === null ? null : String(row.expires_at).slice(0, 10),
    source: row.source,
    evidenceUrl: row.evidence_url,
    score: row.score === null ? null : Number(row.score),
    status: row.status,
  };
}
