import type { MatrixDto } from '@skillgrid/shared';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import { analyticsKeys, type MatrixParams } from './keys';

/** People × skills of one team (not for executives: 403). */
export function getMatrix(params: MatrixParams, signal?: AbortSignal): Promise<MatrixDto> {
  return apiClient.get<MatrixDto>('/analytics/matrix', { ...params }, signal);
}

export const matrixQueryOptions = (params: MatrixParams) =>
  queryOptions({
    queryKey: analyticsKeys.matrix(params),
    meta: { dependsOn: ['analytics'] },
    queryFn: ({ signal }) => getMatrix(params, signal),
    placeholderData: keepPreviousData,
  });

export function useMatrix(params: MatrixParams) {
  return useQuery(matrixQueryOptions(params));
}
