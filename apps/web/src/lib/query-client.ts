import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from './api-client';

/**
 * Kinds of server data a write can change. A query lists the kinds it shows (`meta.dependsOn`), a
 * mutation the kinds it changes (`meta.changes`); after a successful write the client refetches
 * every query that shows what changed. Features stay independent of each other's query keys
 * (STYLE §12) and a write still updates every view that shows its data (UI.md).
 */
export type DataKind =
  | 'assignments'
  | 'employees'
  | 'teams'
  /** Anything the skills analytics count: completions, people, teams. */
  | 'analytics';

declare module '@tanstack/react-query' {
  interface Register {
    queryMeta: { dependsOn?: readonly DataKind[] };
    mutationMeta: { changes?: readonly DataKind[] };
  }
}

export interface QueryClientOptions {
  /** Called when any query answers 401: the session ended (expired, signed out elsewhere). */
  onUnauthorized?: () => void;
}

/** 4xx answers will not change on retry; network failures and 5xx might. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (isApiError(error) && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

export function createQueryClient({ onUnauthorized }: QueryClientOptions = {}): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error) => {
        if (isApiError(error) && error.status === 401) onUnauthorized?.();
      },
    }),
    mutationCache: new MutationCache({
      onSuccess: (_data, _variables, _context, mutation) => {
        const changes = mutation.meta?.changes;
        if (!changes?.length) return;
        return client.invalidateQueries({
          predicate: (query) => Boolean(query.meta?.dependsOn?.some((kind) => changes.includes(kind))),
        });
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        retry: shouldRetry,
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  });
  return client;
}
