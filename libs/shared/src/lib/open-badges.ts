import type { CompletionDto } from './contracts';
import type { CompletionStatus } from './enums';
import type { IsoDate } from './dates';

/**
 * The checks an Open Badges verification runs, by stable name (the web labels them):
 * - format: an Open Badges 3.0 credential or 2.0 assertion that can be read;
 * - type: an OB3 credential's type includes OpenBadgeCredential;
 * - signature: the OB3 proof (eddsa-rdfc-2022 or Ed25519Signature2020) verified offline;
 * - issuer: where the signing key comes from (did:key, or the key in the verification method's fragment);
 * - structure: an OB2 assertion, its badge class and issuer have what the standard requires;
 * - expiry: validUntil / expirationDate / expires is after the organisation's today, and the badge is already valid;
 * - status: an OB3 credentialStatus list cannot be fetched offline, so it is reported unchecked (failed);
 * - hosted-verification: an OB2 hosted assertion cannot be fetched offline (failed, the badge waits for HR);
 * - recipient: the badge's recipient e-mail identity (hashed or plain) is the employee's.
 */
export const OPEN_BADGE_CHECKS = [
  'format',
  'type',
  'signature',
  'issuer',
  'structure',
  'expiry',
  'status',
  'hosted-verification',
  'recipient',
] as const;
export type OpenBadgeCheckName = (typeof OPEN_BADGE_CHECKS)[number];

/** Checks that, when failed, do not refuse the badge but leave it `pending` for HR. */
export const OPEN_BADGE_SOFT_CHECKS: readonly OpenBadgeCheckName[] = ['status', 'hosted-verification'];

export interface OpenBadgeCheckDto {
  name: OpenBadgeCheckName;
  passed: boolean;
  message: string;
}

export type OpenBadgeFormat = 'ob3' | 'ob2' | 'unknown';

/** What the badge says about itself (when it could be read). */
export interface OpenBadgeSummaryDto {
  format: OpenBadgeFormat;
  achievementId: string | null;
  achievementName: string | null;
  issuerId: string | null;
  issuerName: string | null;
  awardedAt: IsoDate | null;
  expiresAt: IsoDate | null;
  /** ESCO URIs, target codes and other alignment targets of the achievement. */
  alignments: OpenBadgeAlignmentDto[];
}

/** One alignment target of a badge's achievement (an ESCO URI, a framework code). */
export interface OpenBadgeAlignmentDto {
  targetName: string | null;
  targetUrl: string | null;
  targetCode: string | null;
}

/** The answer of POST /open-badges/verify (public): every check, passed or not. */
export interface OpenBadgeVerificationDto {
  /** True only when every check passed. */
  verified: boolean;
  checks: OpenBadgeCheckDto[];
  badge: OpenBadgeSummaryDto;
}

/** An import's status is its completion's; pending while it maps to no credential. */
export type OpenBadgeImportStatus = CompletionStatus;

/** How the badge was matched to a catalogue credential. */
export type OpenBadgeMappingMethod = 'achievement_id' | 'alignment' | 'skillgrid' | 'hr';

/**
 * Why a catalogue credential is suggested for an unmapped badge: its name is the badge's
 * (case-insensitive); it grants a skill whose external reference is one of the badge's alignment
 * targets; or it grants a skill named like the badge or one of its alignments.
 */
export type OpenBadgeSuggestionReason = 'name' | 'alignment' | 'skill';

export interface OpenBadgeSuggestionDto {
  credentialId: number;
  credentialName: string;
  reason: OpenBadgeSuggestionReason;
  /** The skill that links it to the badge (alignment, skill); null for a name match. */
  skillName: string | null;
}

/** An imported badge as kept on record (also when it maps to no catalogue credential yet). */
export interface OpenBadgeImportDto {
  id: number;
  employeeId: number;
  employeeName: string;
  format: Exclude<OpenBadgeFormat, 'unknown'>;
  /** valid: a counting completion; pending: waiting for HR (unverifiable offline, status unchecked, or unmapped); revoked. */
  status: OpenBadgeImportStatus;
  /** Every check passed at import. */
  verified: boolean;
  achievementId: string | null;
  achievementName: string;
  issuerId: string | null;
  issuerName: string | null;
  awardedAt: IsoDate;
  expiresAt: IsoDate | null;
  /** The achievement's alignment targets, as read from the stored badge (empty when it was too big to keep). */
  alignments: OpenBadgeAlignmentDto[];
  /** The verification checks as answered at import. */
  checks: OpenBadgeCheckDto[];
  /** Unmapped badges in GET /open-badges/imports: active catalogue credentials that may fit, best first (at most 5). */
  suggestedCredentials: OpenBadgeSuggestionDto[];
  credentialId: number | null;
  credentialName: string | null;
  mappedBy: OpenBadgeMappingMethod | null;
  completionId: number | null;
  reason: string | null;
  importedAt: string;
}

/**
 * The answer of POST /imports/open-badges: 201 when recorded (valid or pending), 200 when the
 * same badge was imported before (nothing changed), 422 with the same body when refused.
 */
export interface OpenBadgeImportResultDto extends OpenBadgeVerificationDto {
  /** recorded: a new completion or pending record; unchanged: imported before; rejected: nothing written. */
  outcome: 'recorded' | 'unchanged' | 'rejected';
  /** The completion it became, or null (refused, or pending until HR maps it to a credential). */
  completion: CompletionDto | null;
  import: OpenBadgeImportDto | null;
  message: string;
}

/** The JSON body of POST /imports/open-badges when it is not the credential itself. */
export interface OpenBadgeImportRequestDto {
  /** The OB3 credential or OB2 assertion. */
  credential: unknown;
  /** OB2: the badge class and issuer profile, when the assertion only links to them. */
  badgeClass?: unknown;
  issuer?: unknown;
  /** HR and managers: the employee (in scope) it is for. Default: the signed-in employee. */
  employeeId?: number;
}
