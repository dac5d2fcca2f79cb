import type { Request } from 'express';
import { DomainError } from '../../common/errors/domain-error';
import type { BadgeInput } from './open-badge-verifier';

export type BadgeFiles = Partial<Record<'file' | 'badgeClass' | 'issuer', Express.Multer.File[]>>;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function parseJson(text: string, field: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw new DomainError('validation', 'INVALID_JSON', `The ${field} is not JSON: upload the badge's .json file`, [
      { field, message: 'is not valid JSON' },
    ]);
  }
}

function fileJson(file: Express.Multer.File | undefined, field: string): unknown {
  if (!file) return undefined;
  const text = file.buffer.toString('utf8');
  // A zero byte or invalid UTF-8 (the replacement character) means a binary file, not a JSON badge.
  if (text.includes('\u0000') || text.includes('\uFFFD'))
    throw new DomainError('validation', 'INVALID_JSON', `The ${field} is a binary file, not a JSON badge`, [
      { field, message: 'is not a JSON text file' },
    ]);
  return parseJson(text, field);
}

function employeeIdOf(value: unknown): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const id = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  if (typeof id !== 'number' || !Number.isInteger(id) || id < 1)
    throw DomainError.invalid([{ field: 'employeeId', message: 'must be a positive integer' }]);
  return id;
}

/**
 * The badge from a request: multipart files ("file", and for OB 2.0 "badgeClass", "issuer"),
 * a JSON wrapper { credential, badgeClass?, issuer?, employeeId? }, or the credential itself.
 */
export function readBadgeUpload(
  request: Request,
  body: unknown,
  files: BadgeFiles | undefined,
): { input: BadgeInput; employeeId?: number } {
  if (request.is('multipart/form-data')) {
    const fields = isObject(body) ? body : {};
    const text = (name: string) => (typeof fields[name] === 'string' ? parseJson(String(fields[name]), name) : undefined);
    const credential = fileJson(files?.file?.[0], 'file') ?? text('credential');
    if (credential === undefined)
      throw DomainError.invalid([{ field: 'file', message: 'attach the badge as the multipart field "file"' }]);
    return {
      input: {
        credential,
        badgeClass: fileJson(files?.badgeClass?.[0], 'badgeClass') ?? text('badgeClass'),
        issuer: fileJson(files?.issuer?.[0], 'issuer') ?? text('issuer'),
      },
      employeeId: employeeIdOf(fields['employeeId']),
    };
  }
  if (!request.is('application/json') && !request.is('application/ld+json'))
    throw new DomainError(
      'validation',
      'UNSUPPORTED_MEDIA_TYPE',
      'Send the badge as JSON (Content-Type: application/json) or as a multipart file',
      [{ field: 'file', message: 'expected application/json or multipart/form-data' }],
    );
  if (!isObject(body)) throw DomainError.invalid([{ field: 'credential', message: 'the body must be the badge, a JSON object' }]);
  const wrapped = 'credential' in body && !('@context' in body);
  if (!wrapped) return { input: { credential: body } };
  for (const key of Object.keys(body))
    if (!['credential', 'badgeClass', 'issuer', 'employeeId'].includes(key))
      throw DomainError.invalid([{ field: key, message: 'is not a field of an Open Badges import' }]);
  return {
    input: { credential: body['credential'], badgeClass: body['badgeClass'], issuer: body['issuer'] },
    employeeId: employeeIdOf(body['employeeId']),
  };
}
