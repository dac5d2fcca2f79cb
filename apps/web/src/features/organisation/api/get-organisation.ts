import type { OrganisationDto } from '@skillgrid/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import { organisationKeys } from './keys';

export function getOrganisation(signal?: AbortSignal): Promise<OrganisationDto> {
  return apiClient.get<OrganisationDto>('/organisation', undefined, signal);
}

export const organisationQueryOptions = () =>
  queryOptions({
    queryKey: organisationKeys.settings(),
    queryFn: ({ signal }) => getOrganisation(signal),
    staleTime: 10 * 60_000,
  });

export function useOrganisation() {
  return useQuery(organisationQueryOptions());
}
