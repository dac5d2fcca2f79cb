import { MAX_PAGE_SIZE } from '@skillgrid/shared';
import type { CredentialDto, Page } from '@skillgrid/shared';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import { catalogueKeys, type CredentialListParams } from './keys';

export function getCredentials(params: CredentialListParams, signal?: AbortSignal): Promise<Page<CredentialDto>> {
  return apiClient.get<Page<CredentialDto>>('/credentials', { ...params }, signal);
}

export const credentialsQueryOptions = (params: CredentialListParams) =>
  queryOptions({
    queryKey: catalogueKeys.credentials(params),
    queryFn: ({ signal }) => getCredentials(params, signal),
    placeholderData: keepPreviousData,
  });

export function useCredentials(params: CredentialListParams) {
  return useQuery(credentialsQueryOptions(params));
}

/** Every credential with the skills it grants (the cluster builder adds them up); a few hundred at most. */
export async function getAllCredentials(signal?: AbortSignal): Promise<CredentialDto[]> {
  const credentials: CredentialDto[] = [];
  for (let page = 1; ; page += 1) {
    const result = await getCredentials({ page, pageSize: MAX_PAGE_SIZE }, signal);
    credentials.push(...result.items);
    if (result.items.length === 0 || credentials.length >= result.total) return credentials;
  }
}

export const allCredentialsQueryOptions = () =>
  queryOptions({
    queryKey: catalogueKeys.allCredentials(),
    queryFn: ({ signal }) => getAllCredentials(signal),
    staleTime: 5 * 60_000,
  });

export function useAllCredentials() {
  return useQuery(allCredentialsQueryOptions());
}
