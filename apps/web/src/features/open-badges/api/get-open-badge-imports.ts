import type { OpenBadgeImportDto, OpenBadgeImportStatus, Page } from '@skillgrid/shared';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import { openBadgeKeys } from './keys';

export interface OpenBadgeImportsParams {
  /** Whose badges (HR and managers); yourself when omitted. */
  employeeId?: number;
  status?: OpenBadgeImportStatus;
  /** false: only the badges mapped to no catalogue credential yet. */
  mapped?: boolean;
  page?: number;
  pageSize?: number;
}

/** GET /open-badges/imports: the imported badges in scope, newest first. */
export function getOpenBadgeImports(params: OpenBadgeImportsParams, signal?: AbortSignal): Promise<Page<OpenBadgeImportDto>> {
  return apiClient.get<Page<OpenBadgeImportDto>>('/open-badges/imports', { pageSize: 100, ...params }, signal);
}

export const openBadgeImportsQueryOptions = (employeeId?: number) =>
  queryOptions({
    queryKey: openBadgeKeys.imports(employeeId ?? 'me'),
    // HR mapping a badge or approving its completion changes its status.
    meta: { dependsOn: ['employees'] },
    queryFn: ({ signal }) => getOpenBadgeImports({ employeeId }, signal),
  });

/** The badges imported for an employee (yourself when no id). */
export function useOpenBadgeImports(employeeId?: number) {
  return useQuery(openBadgeImportsQueryOptions(employeeId));
}

export const BADGES_TO_MAP_PAGE_SIZE = 25;

/** HR: the badges that wait for a mapping to a catalogue credential (pending and unmapped). */
export const badgesToMapQueryOptions = (page = 1, pageSize = BADGES_TO_MAP_PAGE_SIZE) =>
  queryOptions({
    queryKey: openBadgeKeys.toMap(page, pageSize),
    // A badge imported on a profile, or a completion approved, changes the list.
    meta: { dependsOn: ['employees'] },
    queryFn: ({ signal }) => getOpenBadgeImports({ status: 'pending', mapped: false, page, pageSize }, signal),
    placeholderData: keepPreviousData,
  });

export function useBadgesToMap(page?: number, pageSize?: number) {
  return useQuery(badgesToMapQueryOptions(page, pageSize));
}
