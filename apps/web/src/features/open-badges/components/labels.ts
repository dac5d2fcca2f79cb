import type { OpenBadgeCheckName, OpenBadgeImportResultDto } from '@skillgrid/shared';

export const CHECK_LABELS: Record<OpenBadgeCheckName, string> = {
  format: 'Format',
  type: 'Credential type',
  signature: 'Signature',
  issuer: 'Issuer key',
  structure: 'Structure',
  expiry: 'Validity dates',
  status: 'Revocation status',
  'hosted-verification': 'Hosted verification',
  recipient: 'Recipient',
};

/** Checks that cannot be done offline: a failure means "not checked", and the badge waits for HR. */
export const UNCHECKED_WHEN_FAILED: readonly OpenBadgeCheckName[] = ['status', 'hosted-verification'];

export function outcomeTitle(result: OpenBadgeImportResultDto): string {
  if (result.outcome === 'rejected') return 'Badge refused: nothing was recorded';
  if (result.outcome === 'unchanged') return 'Already recorded';
  return result.completion?.status === 'valid' ? 'Badge verified and recorded' : 'Recorded, pending HR review';
}
