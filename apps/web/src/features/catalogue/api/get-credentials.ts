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
