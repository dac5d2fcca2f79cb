import { OPEN_BADGE_CHECKS, type OpenBadgeAlignmentDto, type OpenBadgeCheckDto } from '@skillgrid/shared';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const asArray = (value: unknown): unknown[] =>
  Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
const asString = (value: unknown): string | null => (typeof value === 'string' && value.trim() ? value.trim() : null);

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
  return asArray((achievement ?? badgeClass)?.['alignment'])
    .filter(isObject)
    .map((a) => ({
      targetName: asString(a['targetName']),
      targetUrl: asString(a['targetUrl']),
      targetCode: asString(a['targetCode']),
    }))
    .filter((a) => a.targetUrl || a.targetCode);
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
