import { vi } from 'vitest';

export interface StubRoute {
  method?: string;
  /** Matched against the path without the query string, e.g. '/api/employees'. */
  path: string | RegExp;
  status?: number;
  body?: unknown;
  /** Answers from the request (its query string); a promise that never settles keeps it loading. */
  reply?: (url: URL) => unknown;
  headers?: Record<string, string>;
}

export interface FetchCall {
  method: string;
  url: URL;
  body: unknown;
}

/**
 * Replaces global fetch with a tiny router of canned answers. Unmatched requests answer 404 in
 * the API's error shape, so a missing stub shows up as a visible error rather than a hang.
 */
export function stubFetch(routes: StubRoute[]) {
  const calls: FetchCall[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url, 'http://localhost');
    const method = (init?.method ?? 'GET').toUpperCase();
    const body = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
    calls.push({ method, url, body });
    const route = routes.find(
      (candidate) =>
        (candidate.method ?? 'GET').toUpperCase() === method &&
        (typeof candidate.path === 'string' ? candidate.path === url.pathname : candidate.path.test(url.pathname)),
    );
    if (!route) {
      return new Response(
        JSON.stringify({ statusCode: 404, code: 'NOT_FOUND', message: `No stub for ${method} ${url.pathname}` }),
        {
          status: 404,
          headers: { 'Content-Type': 'application/json' },
        },
      );
    }
    const status = route.status ?? 200;
    const answer = route.reply ? await route.reply(url) : route.body;
    return new Response(status === 204 || answer === undefined ? null : JSON.stringify(answer), {
      status,
      headers: { 'Content-Type': 'application/json', ...route.headers },
    });
  });
  vi.stubGlobal('fetch', fetchMock);
  return { fetchMock, calls };
}
