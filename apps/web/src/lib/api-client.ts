import type { ApiErrorBody, ApiFieldError } from '@skillgrid/shared';
import { env } from './env';

/**
 * The one error type every API call rejects with. It carries the server's ApiErrorBody
 * (or one made up for failures that never reached the API: network down, a proxy's HTML page).
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly errors: ApiFieldError[];
  /** Seconds the server asked us to wait (429), when it said. */
  readonly retryAfterSeconds: number | null;

  constructor(body: ApiErrorBody, retryAfterSeconds: number | null = null) {
    super(body.message);
    this.name = 'ApiError';
    this.status = body.statusCode;
    this.code = body.code;
    this.errors = body.errors ?? [];
    this.retryAfterSeconds = retryAfterSeconds;
  }

  get body(): ApiErrorBody {
    return {
      statusCode: this.status,
      code: this.code,
      message: this.message,
      ...(this.errors.length > 0 ? { errors: this.errors } : {}),
    };
  }

  /** Field name → first message, for forms. Errors without a field are left out. */
  fieldErrors(): Record<string, string> {
    const byField: Record<string, string> = {};
    for (const error of this.errors) {
      if (error.field && !(error.field in byField)) byField[error.field] = error.message;
    }
    return byField;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

export const NETWORK_ERROR = 'NETWORK_ERROR';

const FALLBACK_MESSAGES: Record<number, string> = {
  400: 'The request was not valid.',
  401: 'You are not signed in.',
  403: 'This is not available for your role.',
  404: 'Not found.',
  409: 'This conflicts with data that changed meanwhile.',
  422: 'The data could not be processed.',
  429: 'Too many requests. Wait a moment and try again.',
};

function fallbackBody(status: number, statusText: string): ApiErrorBody {
  return {
    statusCode: status,
    code: `HTTP_${status}`,
    message:
      FALLBACK_MESSAGES[status] ??
      (status >= 500 ? 'The server had a problem. Try again shortly.' : statusText || `Request failed (${status}).`),
  };
}

function isApiErrorBody(value: unknown): value is ApiErrorBody {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return typeof candidate['message'] === 'string' && (candidate['errors'] === undefined || Array.isArray(candidate['errors']));
}

function normaliseFieldErrors(errors: unknown[]): ApiFieldError[] {
  return errors
    .filter((item): item is Record<string, unknown> => typeof item === 'object' && item !== null)
    .map((item) => ({
      ...(typeof item['field'] === 'string' ? { field: item['field'] } : {}),
      ...(typeof item['line'] === 'number' ? { line: item['line'] } : {}),
      message: typeof item['message'] === 'string' ? item['message'] : 'Invalid value.',
    }));
}

function parseRetryAfter(header: string | null): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds);
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

/** Turns a failed response into an ApiError, whatever its body looks like. */
export async function errorFromResponse(response: Response): Promise<ApiError> {
  const retryAfter = parseRetryAfter(response.headers.get('Retry-After'));
  let parsed: unknown = null;
  try {
    const text = await response.text();
    parsed = text ? JSON.parse(text) : null;
  } catch {
    parsed = null;
  }
  if (!isApiErrorBody(parsed)) return new ApiError(fallbackBody(response.status, response.statusText), retryAfter);
  // Nest's default error body has `error` instead of `code`; keep whatever the server said.
  const code = typeof parsed.code === 'string' ? parsed.code : fallbackBody(response.status, '').code;
  return new ApiError(
    {
      statusCode: response.status,
      code,
      message: parsed.message,
      ...(parsed.errors ? { errors: normaliseFieldErrors(parsed.errors) } : {}),
    },
    retryAfter,
  );
}

export type QueryValue = string | number | boolean | null | undefined;
export type QueryParams = Record<string, QueryValue>;

/** `?a=1&b=x`, leaving out empty values so URLs stay short and cache keys stable. */
export function toQueryString(params: QueryParams | undefined): string {
  if (!params) return '';
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, String(value));
  }
  const query = search.toString();
  return query ? `?${query}` : '';
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  query?: QueryParams;
  body?: unknown;
  signal?: AbortSignal;
}

/** Sends one request to the API and resolves with its JSON body (undefined for 204). */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { method = 'GET', query, body, signal } = options;
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';

  let response: Response;
  try {
    response = await fetch(`${env.apiBaseUrl}${path}${toQueryString(query)}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      signal,
    });
  } catch (error) {
    // Cancellation is not a failure: let TanStack Query see the AbortError it expects.
    if (signal?.aborted) throw error;
    throw new ApiError({
      statusCode: 0,
      code: NETWORK_ERROR,
      message: 'Cannot reach Skillgrid. Check your connection and try again.',
    });
  }

  if (!response.ok) throw await errorFromResponse(response);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  if (!text) return undefined as T;
  try {
    return JSON.parse(text) as T;
  } catch {
    // Typically an HTML page from a proxy or the SPA fallback when the API is not behind /api.
    throw new ApiError({
      statusCode: response.status,
      code: 'INVALID_RESPONSE',
      message: 'The server sent an answer Skillgrid could not read.',
    });
  }
}

export const apiClient = {
  get: <T>(path: string, query?: QueryParams, signal?: AbortSignal) => apiRequest<T>(path, { query, signal }),
  post: <T>(path: string, body?: unknown, signal?: AbortSignal) => apiRequest<T>(path, { method: 'POST', body, signal }),
  patch: <T>(path: string, body?: unknown, signal?: AbortSignal) => apiRequest<T>(path, { method: 'PATCH', body, signal }),
  put: <T>(path: string, body?: unknown, signal?: AbortSignal) => apiRequest<T>(path, { method: 'PUT', body, signal }),
  delete: <T>(path: string, signal?: AbortSignal) => apiRequest<T>(path, { method: 'DELETE', signal }),
};
