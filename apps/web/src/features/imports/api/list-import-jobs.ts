import type { ImportJobDto, Page } from '@skillgrid/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import { importKeys } from './keys';

/** The latest imports, newest first, each with its status and (once finished) its report. */
export function listImportJobs(pageSize: number, signal?: AbortSignal): Promise<Page<ImportJobDto>> {
  return apiClient.get<Page<ImportJobDto>>(`/imports/jobs?pageSize=${pageSize}`, undefined, signal);
}

export const importJobsQueryOptions = (pageSize: number) =>
  queryOptions({
    queryKey: importKeys.jobs(pageSize),
    queryFn: ({ signal }) => listImportJobs(pageSize, signal),
    // Followed while one of them runs (on any server, or in another tab).
    refetchInterval: (query) => (query.state.data?.items.some((job) => !job.finishedAt) ? 3000 : false),
  });

export function useImportJobs(pageSize = 10) {
  return useQuery(importJobsQueryOptions(pageSize));
}
