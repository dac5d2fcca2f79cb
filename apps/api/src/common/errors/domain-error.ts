import type { ApiFieldError } from '@skillgrid/shared';

/**
 * What went wrong, in domain terms. The exception filter maps each kind to one HTTP status,
 * so services never speak HTTP.
 */
export type DomainErrorKind =
  | 'validation' // 400: the request itself is wrong
  | 'unauthenticated' // 401
  | 'forbidden' // 403: this persona may never do this
  | 'not_found' // 404: absent, or outside the caller's scope (existence not revealed)
  | 'conflict' // 409: clashes with existing data (duplicate name, e-mail…)
  | 'unprocessable' // 422: well-formed but refused as a whole (imports with bad rows)
  | 'too_many_requests' // 429
  | 'unavailable'; // 503: cannot be done this moment; retry (Retry-After)

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    readonly code: string,
    message: string,
    readonly errors?: ApiFieldError[],
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'DomainError';
  }

  static notFound(entity: string, id?: number | string): DomainError {
    return new DomainError(
      'not_found',
      `${entity.toUpperCase().replace(/[^A-Z]+/g, '_')}_NOT_FOUND`,
      id === undefined ? `${entity} not found` : `${entity} ${id} not found`,
    );
  }

  static forbidden(message = 'Your role may not do this'): DomainError {
    return new DomainError('forbidden', 'FORBIDDEN', message);
  }

  /** One or more fields are wrong; every one is named. */
  static invalid(errors: ApiFieldError[], message?: string): DomainError {
    return new DomainError(
      'validation',
      'VALIDATION_FAILED',
      message ?? errors.map((e) => (e.field ? `${e.field}: ${e.message}` : e.message)).join('; '),
      errors,
    );
  }

  static conflict(code: string, field: string, message: string): DomainError {
    return new DomainError('conflict', code, message, [{ field, message }]);
  }
}
