import { OPEN_BADGE_CHECKS, type OpenBadgeAlignmentDto, type OpenBadgeCheckDto } from '@skillgrid/shared';
import { alignmentsOf, asArray, isObject } from './open-badge-verifier';

type Json = Record<string, unknown>;

function parse(text: string | null): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/**
 * The alignment targets of a stored badge (the upload as kept: `{ credential, badgeClass?, issuer? }`),
 * read without verifying it again: an OB3 credential's achievement, or an OB2 assertion's badge
 * class (embedded, or uploaded beside it). Only targets with a URL or a code, as the verifier maps them.
 */
export function alignmentsOfDocument(document: string | null): OpenBadgeAlignmentDto[] {
  const input = parse(document);
  if (!isObject(input) || !isObject(input['credential'])) return [];
  const credential = input['credential'];
  const subject = asArray(credential['credentialSubject']).find(isObject);
  const achievement = isObject(subject?.['achievement']) ? subject['achievement'] : null;
  const badgeClass = isObject(credential['badge'])
    ? credential['badge']
    : isObject(input['badgeClass'])
      ? input['badgeClass']
      : null;
  return alignmentsOf((achievement ?? badgeClass)?.['alignment']);
}

/** The checks kept at import (JSON); anything unreadable or unknown is left out. */
export function checksOfRecord(checks: string): OpenBadgeCheckDto[] {
  return asArray(parse(checks))
    .filter(isObject)
    .filter(
      (c): c is Json & OpenBadgeCheckDto =>
        (OPEN_BADGE_CHECKS as readonly unknown[]).includes(c['name']) &&
        typeof c['passed'] === 'boolean' &&
        typeof c['message'] === 'string',
    )
    .map((c) => ({ name: c.name, passed: c.passed, message: c.message }));
}
