import type { BacktestDto } from '@skillgrid/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import { forecastKeys, type BacktestParams } from './keys';

/** The forecast as of 12 months ago against what happened since. */
export function getBacktest(params: BacktestParams, signal?: AbortSignal): Promise<BacktestDto> {
  return apiClient.get<BacktestDto>('/forecast/backtest', { ...params }, signal);
}

export const backtestQueryOptions = (params: BacktestParams) =>
  queryOptions({
    queryKey: forecastKeys.backtest(params),
    meta: { dependsOn: ['analytics'] },
    queryFn: ({ signal }) => getBacktest(params, signal),
  });

export function useBacktest(params: BacktestParams | null) {
  return useQuery({ ...backtestQueryOptions(params ?? {}), enabled: params !== null });
}
