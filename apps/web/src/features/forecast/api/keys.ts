import type { ForecastCostBy, ForecastScenarioSettings, IsoDate } from '@skillgrid/shared';

export interface ForecastScopeParams {
  teamId?: number;
  roleId?: number;
  horizon: number;
  asOf?: IsoDate;
}

export interface ForecastParams extends ForecastScopeParams {
  skillId: number;
  costBy?: ForecastCostBy;
  /** An unsaved scenario, recalculated live beside the baseline. */
  scenario?: ForecastScenarioSettings | null;
}

export interface BacktestParams {
  skillId?: number;
  teamId?: number;
  roleId?: number;
}

/** Query keys of the forecast views; saving a scenario invalidates `scenarios`. */
export const forecastKeys = {
  all: ['forecast'] as const,
  forecast: (params: ForecastParams) => [...forecastKeys.all, 'forecast', params] as const,
  summary: (params: ForecastScopeParams) => [...forecastKeys.all, 'summary', params] as const,
  backtest: (params: BacktestParams) => [...forecastKeys.all, 'backtest', params] as const,
  scenarios: () => [...forecastKeys.all, 'scenarios'] as const,
};
