import type { ClusterDto, Page } from '@skillgrid/shared';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import { catalogueKeys, type ClusterListParams } from './keys';

export function getClusters(params: ClusterListParams, signal?: AbortSignal): Promise<Page<ClusterDto>> {
  return apiClient.get<Page<ClusterDto>>('/clusters', { ...params }, signal);
}

export const clustersQueryOptions = (params: ClusterListParams) =>
  queryOptions({
    queryKey: catalogueKeys.clusters(params),
    queryFn: ({ signal }) => getClusters(params, signal),
    placeholderData: keepPreviousData,
  });

export function useClusters(params: ClusterListParams) {
  return useQuery(clustersQueryOptions(params));
}
