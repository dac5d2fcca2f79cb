import { afterEach, describe, expect, it, vi } from 'vitest';
import { stubFetch } from '../testing/fetch-stub';
import { ApiError, apiClient, errorFromResponse, NETWORK_ERROR, toQueryString } from './api-client';

afterEach(() => {
  vi.unstubAllGlobals();
});

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

describe(errorFromResponse.name, () => {
  it('keeps the code, message and field errors of an ApiErrorBody', async () => {
    const sut = await errorFromResponse(
      json(400, {
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        message: 'The request has invalid fields.',
        errors: [
          { field: 'email', message: 'email must be an email' },
          { field: 'email', message: 'a second message for the same field' },
          { line: 3, message: 'row without a field' },
        ],
      }),
    );

    expect(sut).toBeInstanceOf(ApiError);
    expect(sut.status).toBe(400);
    expect(sut.code).toBe('VALIDATION_FAILED');
    expect(sut.message).toBe('The request has invalid fields.');
    expect(sut.errors).toHaveLength(3);
    expect(sut.errors[2]).toEqual({ line: 3, message: 'row without a field' });
    expect(sut.fieldErrors()).toEqual({ email: 'email must be an email' });
  });

  it('makes a readable error out of a body that is not JSON', async () => {
    const sut = await errorFromResponse(new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }));

    expect(sut.status).toBe(502);
    expect(sut.code).toBe('HTTP_502');
    expect(sut.message).toMatch(/server had a problem/i);
    expect(sut.errors).toEqual([]);
  });

  it('reads Retry-After on 429', async () => {
    const sut = await errorFromResponse(
      json(429, { statusCode: 429, code: 'THROTTLED', message: 'Too many requests' }, { 'Retry-After': '42' }),
    );

    expect(sut.status).toBe(429);
    expect(sut.retryAfterSeconds).toBe(42);
  });
});

describe('apiClient', () => {
  it('sends JSON with same-origin credentials to /api and returns the parsed body', async () => {
    const { fetchMock, calls } = stubFetch([{ method: 'POST', path: '/api/auth/login', body: { user: { id: 1 } } }]);

    await expect(apiClient.post('/auth/login', { email: 'a@b.test', password: 'x' })).resolves.toEqual({ user: { id: 1 } });

    const init = fetchMock.mock.calls[0][1] as RequestInit;
    expect(init.credentials).toBe('same-origin');
    expect((init.headers as Record<string, string>)['Content-Type']).toBe('application/json');
    expect(calls[0].body).toEqual({ email: 'a@b.test', password: 'x' });
  });

  it('leaves empty query values out of the URL', async () => {
    const { calls } = stubFetch([{ path: '/api/employees', body: { items: [], total: 0, page: 2, pageSize: 50 } }]);

    await apiClient.get('/employees', { page: 2, q: '', teamId: undefined, status: null, includeSubteams: true });

    expect(calls[0].url.search).toBe('?page=2&includeSubteams=true');
    expect(toQueryString({})).toBe('');
  });

  it('resolves undefined for 204 No Content', async () => {
    stubFetch([{ method: 'POST', path: '/api/auth/logout', status: 204 }]);

    await expect(apiClient.post('/auth/logout')).resolves.toBeUndefined();
  });

  it('rejects with the ApiError of a failed call', async () => {
    stubFetch([
      {
        method: 'POST',
        path: '/api/auth/login',
        status: 401,
        body: { statusCode: 401, code: 'INVALID_CREDENTIALS', message: 'Bad login' },
      },
    ]);

    const failure = apiClient.post('/auth/login', { email: 'a@b.test', password: 'nope' });

    await expect(failure).rejects.toBeInstanceOf(ApiError);
    await expect(failure).rejects.toMatchObject({ status: 401, code: 'INVALID_CREDENTIALS', message: 'Bad login' });
  });

  it('turns a network failure into an ApiError with status 0', async () => {
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')));

    await expect(apiClient.get('/organisation')).rejects.toMatchObject({ status: 0, code: NETWORK_ERROR });
  });

  it('lets an abort through untouched so TanStack Query can cancel', async () => {
    const controller = new AbortController();
    controller.abort();
    const abort = new DOMException('Aborted', 'AbortError');
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(abort));

    await expect(apiClient.get('/organisation', undefined, controller.signal)).rejects.toBe(abort);
  });

  it('rejects with INVALID_RESPONSE when a 200 is not JSON (an HTML fallback page)', async () => {
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(new Response('<!doctype html>', { status: 200 })));

    await expect(apiClient.get('/organisation')).rejects.toMatchObject({ code: 'INVALID_RESPONSE' });
  });
});
