import type { ImportJobDto } from '@skillgrid/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import { importKeys } from './keys';

/** Progress of a large (or async) import: rows read, phase and, at the end, the report. */
export function getImportJob(id: string, signal?: AbortSignal): Promise<ImportJobDto> {
  return apiClient.get<ImportJobDto>(`/imports/jobs/${encodeURIComponent(id)}`, undefined, signal);
}

export const importJobQueryOptions = (id: string) =>
  queryOptions({
    queryKey: importKeys.job(id),
    queryFn: ({ signal }) => getImportJob(id, signal),
    // Polled until it ends; a finished job never changes again.
    refetchInterval: (query) => (query.state.data?.finishedAt ? false : 1000),
    staleTime: 0,
  });

export function useImportJob(id: string | null) {
  return useQuery({ ...importJobQueryOptions(id ?? ''), enabled: id !== null });
}
