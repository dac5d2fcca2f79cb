import { MAX_PAGE_SIZE } from '@skillgrid/shared';
import type { LocationDto, Page } from '@skillgrid/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import { locationKeys } from './keys';

export function getLocations(params: { page?: number; pageSize?: number }, signal?: AbortSignal): Promise<Page<LocationDto>> {
  return apiClient.get<Page<LocationDto>>('/locations', params, signal);
}

/** Every location (for filters); offices and countries number in the tens. */
export async function getAllLocations(signal?: AbortSignal): Promise<LocationDto[]> {
  const locations: LocationDto[] = [];
  for (let page = 1; ; page += 1) {
    const result = await getLocations({ page, pageSize: MAX_PAGE_SIZE }, signal);
    locations.push(...result.items);
    if (result.items.length === 0 || locations.length >= result.total) return locations;
  }
}

export const allLocationsQueryOptions = () =>
  queryOptions({
    queryKey: locationKeys.everything(),
    queryFn: ({ signal }) => getAllLocations(signal),
    staleTime: 5 * 60_000,
  });

export function useAllLocations() {
  return useQuery(allLocationsQueryOptions());
}
