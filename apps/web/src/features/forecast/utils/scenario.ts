import type { ForecastScenarioDto, ForecastScenarioSettings } from '@skillgrid/shared';

/** Whether the settings change anything against the baseline. */
export function hasScenario(settings: ForecastScenarioSettings): boolean {
  return (
    (settings.attritionRate !== undefined && settings.attritionRate !== null) ||
    (settings.roleAttrition?.length ?? 0) > 0 ||
    (settings.hiring?.length ?? 0) > 0 ||
    (settings.budget !== undefined && settings.budget !== null && settings.budget > 0)
  );
}

/** The settings of a saved scenario, without its name and dates. */
export function settingsOf(scenario: ForecastScenarioDto): ForecastScenarioSettings {
  const { attritionRate, roleAttrition, hiring, budget } = scenario;
  return { attritionRate, roleAttrition, hiring, budget };
}
