import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Response } from 'express';
import type { ApiErrorBody, ApiFieldError } from '@skillgrid/shared';
import { QueryFailedError } from 'typeorm';
import { DomainError, DomainErrorKind } from './domain-error';

function statusOf(kind: DomainErrorKind): number {
  switch (kind) {
    case 'validation':
      return HttpStatus.BAD_REQUEST;
    case 'unauthenticated':
      return HttpStatus.UNAUTHORIZED;
    case 'forbidden':
      return HttpStatus.FORBIDDEN;
    case 'not_found':
      return HttpStatus.NOT_FOUND;
    case 'conflict':
      return HttpStatus.CONFLICT;
    case 'unprocessable':
      return HttpStatus.UNPROCESSABLE_ENTITY;
    case 'too_many_requests':
      return HttpStatus.TOO_MANY_REQUESTS;
    case 'unavailable':
      return HttpStatus.SERVICE_UNAVAILABLE;
  }
}

const HTTP_CODES: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'UNPROCESSABLE',
  429: 'TOO_MANY_REQUESTS',
  503: 'UNAVAILABLE',
};

/** Seconds a client should wait after a lock conflict before retrying. */
const LOCK_CONFLICT_RETRY_SECONDS = 5;

/** Errors thrown by body-parser before Nest sees the request (malformed JSON, oversized body). */
interface BodyParserError {
  type?: string;
  status?: number;
  limit?: number;
}

function isUniqueViolation(error: QueryFailedError): boolean {
  const driverError = error.driverError as { code?: string; errno?: number } | undefined;
  return driverError?.code === 'ER_DUP_ENTRY' || driverError?.code === 'SQLITE_CONSTRAINT_UNIQUE' || driverError?.errno === 1062;
}

/** MySQL's lock wait timeout and deadlock: the write met another one and may be retried. */
function isLockConflict(error: QueryFailedError): boolean {
  const driverError = error.driverError as { code?: string } | undefined;
  return ['ER_LOCK_WAIT_TIMEOUT', 'ER_LOCK_DEADLOCK'].includes(driverError?.code ?? '');
}

function isForeignKeyViolation(error: QueryFailedError): boolean {
  const driverError = error.driverError as { code?: string } | undefined;
  return ['SQLITE_CONSTRAINT_FOREIGNKEY', 'ER_ROW_IS_REFERENCED_2', 'ER_NO_REFERENCED_ROW_2'].includes(driverError?.code ?? '');
}

/** Every error leaves in the one shape of DESIGN §4: { statusCode, code, message, errors? }. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const body = this.toBody(exception);
    if (exception instanceof DomainError && exception.retryAfterSeconds) {
      response.setHeader('Retry-After', String(exception.retryAfterSeconds));
    } else if (body.statusCode === 503) response.setHeader('Retry-After', String(LOCK_CONFLICT_RETRY_SECONDS));
    // 503 says "not this moment": expected under load, so no stack trace.
    if (body.statusCode === 503) this.logger.warn(`${body.code}: ${body.message}`);
    else if (body.statusCode >= 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    response.status(body.statusCode).json(body);
  }

  private toBody(exceptionIn: unknown): ApiErrorBody {
    // The Express adapter wraps body-parser errors in HttpExceptions; read the original.
    const cause = exceptionIn instanceof HttpException ? (exceptionIn.cause as BodyParserError | undefined) : undefined;
    const exception = cause?.type ? cause : exceptionIn;
    if (exception instanceof DomainError) {
      const body: ApiErrorBody = { statusCode: statusOf(exception.kind), code: exception.code, message: exception.message };
      if (exception.errors?.length) body.errors = exception.errors;
      return body;
    }
    if (exception instanceof HttpException) {
      const statusCode = exception.getStatus();
      const payload = exception.getResponse();
      const errors =
        typeof payload === 'object' && payload !== null ? (payload as { errors?: ApiFieldError[] }).errors : undefined;
      const code = typeof payload === 'object' && payload !== null ? (payload as { code?: string }).code : undefined;
      const body: ApiErrorBody = {
        statusCode,
        code: code ?? HTTP_CODES[statusCode] ?? 'ERROR',
        message: statusCode === 404 && !code ? 'No such endpoint' : exception.message,
      };
      if (errors?.length) body.errors = errors;
      return body;
    }
    const parserError = exception as BodyParserError;
    if (parserError?.type === 'entity.parse.failed') {
      return { statusCode: 400, code: 'INVALID_JSON', message: 'The request body is not valid JSON' };
    }
    if (parserError?.type === 'entity.too.large') {
      return {
        statusCode: 413,
        code: 'PAYLOAD_TOO_LARGE',
        message: `The request body is larger than the limit of ${parserError.limit ?? '?'} bytes`,
      };
    }
    if (parserError?.type && parserError.status && parserError.status < 500) {
      return {
        statusCode: parserError.status,
        code: HTTP_CODES[parserError.status] ?? 'BAD_REQUEST',
        message: 'The request body could not be read',
      };
    }
    if (exception instanceof QueryFailedError && isUniqueViolation(exception)) {
      return { statusCode: 409, code: 'DUPLICATE', message: 'A record with the same unique value already exists' };
    }
    if (exception instanceof QueryFailedError && isForeignKeyViolation(exception)) {
      return {
        statusCode: 409,
        code: 'IN_USE',
        message: 'The record is referenced by other records, or refers to one that does not exist',
      };
    }
    if (exception instanceof QueryFailedError && isLockConflict(exception)) {
      return {
        statusCode: 503,
        code: 'BUSY',
        message: 'The data is being changed by another operation (a large import, say); nothing was written: try again shortly',
      };
    }
    return { statusCode: 500, code: 'INTERNAL', message: 'Something went wrong on our side; it has been logged' };
  }
}
