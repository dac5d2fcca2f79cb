import type { ForecastDto } from '@skillgrid/shared';
import type { ForecastDatum } from '../../../components/charts/forecast-line-chart';

/** The baseline months, with the scenario's figures beside them when there is one; null if withheld. */
export function forecastChartData(forecast: ForecastDto): ForecastDatum[] | null {
  if (forecast.suppressed) return null;
  return forecast.months.map((month, i) => {
    const scenario = forecast.scenario?.months[i];
    return {
      month: month.month,
      demand: month.demand ?? 0,
      supply: month.supply ?? 0,
      shortfall: month.shortfall ?? 0,
      hours: month.hours ?? 0,
      cost: month.cost ?? 0,
      expiryCliff: month.expiryCliff ?? 0,
      ...(scenario
        ? {
            scenarioDemand: scenario.demand ?? 0,
            scenarioSupply: scenario.supply ?? 0,
            scenarioShortfall: scenario.shortfall ?? 0,
            scenarioCost: scenario.cost ?? 0,
          }
        : {}),
    };
  });
}
