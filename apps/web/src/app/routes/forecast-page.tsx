import { Grid, Group, Paper, SegmentedControl, Select, Skeleton, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue, useDocumentTitle } from '@mantine/hooks';
import { FORECAST_COST_BYS, FORECAST_MAX_HORIZON, type ForecastScenarioSettings } from '@skillgrid/shared';
import { useMemo, useState } from 'react';
import { ForecastLineChart } from '../../components/charts/forecast-line-chart';
import { EmptyState } from '../../components/ui/empty-state';
import { ErrorState } from '../../components/ui/error-state';
import { ExportMenu } from '../../components/ui/export-menu';
import { useFormat } from '../../components/ui/format-context';
import { FilterSelect } from '../../features/analytics/components/filter-select';
import { exportDownload } from '../../features/exports/api/download-export';
import { useBacktest } from '../../features/forecast/api/get-backtest';
import { useForecast } from '../../features/forecast/api/get-forecast';
import { useForecastSummary } from '../../features/forecast/api/get-forecast-summary';
import { BacktestPanel } from '../../features/forecast/components/backtest-panel';
import { ForecastSummaryTable } from '../../features/forecast/components/forecast-summary-table';
import { RoleAssumptionsTable } from '../../features/forecast/components/role-assumptions-table';
import { SavedScenarios } from '../../features/forecast/components/saved-scenarios';
import { ScenarioControls } from '../../features/forecast/components/scenario-controls';
import { forecastChartData } from '../../features/forecast/utils/chart-data';
import { hasScenario } from '../../features/forecast/utils/scenario';
import { urlFields, useUrlState } from '../../lib/url-state';
import { useRoleOptions, useSkillOptions, useTeamOptions } from '../filter-options';
import { useCurrentUser } from '../guards/session';

const FORECAST_URL = {
  skillId: urlFields.id(),
  teamId: urlFields.id(),
  roleId: urlFields.id(),
  horizon: urlFields.int(12, 1, FORECAST_MAX_HORIZON),
  costBy: urlFields.oneOf(FORECAST_COST_BYS, 'cost'),
};

const HORIZONS = [3, 6, 12, 18, 24, 36];

/**
 * Workforce forecast (DESIGN §3 "Forecast"; the executive's "Workforce outlook"): shortfall by
 * skill, then one skill's demand against supply month by month with a what-if scenario beside
 * the baseline, recalculated as the controls move, and the backtest that says how far to trust it.
 */
export function ForecastPage() {
  const user = useCurrentUser();
  const title = user.role === 'exec' ? 'Workforce outlook' : 'Forecast';
  useDocumentTitle(`${title} · Skillgrid`);
  const format = useFormat();
  const teams = useTeamOptions();
  const roles = useRoleOptions();
  const skills = useSkillOptions();
  const { state, update } = useUrlState(FORECAST_URL);
  const [scenario, setScenario] = useState<ForecastScenarioSettings>({});
  const [scenarioId, setScenarioId] = useState<number | null>(null);
  const [scenarioName, setScenarioName] = useState<string | null>(null);
  // Sliders and inputs settle before the server is asked again.
  const [debouncedScenario] = useDebouncedValue(scenario, 350);
  const canSave = user.role === 'hr' || user.role === 'exec' || user.role === 'admin';

  const scope = { teamId: state.teamId, roleId: state.roleId, horizon: state.horizon };
  const summary = useForecastSummary(scope);
  const skillId = state.skillId ?? summary.data?.skills.find((s) => !s.suppressed)?.skillId;
  const scenarioActive = hasScenario(debouncedScenario);
  const forecast = useForecast(
    skillId === undefined
      ? null
      : { ...scope, skillId, costBy: state.costBy, scenario: scenarioActive ? debouncedScenario : null },
  );
  const backtest = useBacktest(skillId === undefined ? null : { skillId, teamId: state.teamId, roleId: state.roleId });
  const chartData = useMemo(() => (forecast.data ? forecastChartData(forecast.data) : null), [forecast.data]);
  const assumptions = forecast.data?.assumptions;
  const skillName = forecast.data?.skill.name ?? '';
  const scenarioLabel = forecast.data?.scenario ? (scenarioName ?? 'Scenario') : undefined;
  const scenarioRoles = forecast.data?.scenario?.assumptions?.roles;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Title order={1} size="h2">
          {title}
        </Title>
        {skillId !== undefined ? (
          <ExportMenu
            subject={`forecast of ${skillName || 'the skill'}`}
            download={exportDownload('forecast', {
              skillId,
              teamId: state.teamId,
              roleId: state.roleId,
              horizon: state.horizon,
              costBy: state.costBy,
              // The scenario as on screen (a loaded one may have been changed since it was saved).
              scenario: scenarioActive ? JSON.stringify(debouncedScenario) : undefined,
            })}
          />
        ) : null}
      </Group>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <FilterSelect
          label="Skill"
          allLabel="Largest shortfall"
          value={state.skillId}
          onChange={(value) => update({ skillId: value })}
          options={skills.options}
          loading={skills.loading}
        />
        <FilterSelect
          label="Team"
          allLabel={user.role === 'manager' ? 'All my teams' : 'Whole organisation'}
          value={state.teamId}
          onChange={(teamId) => update({ teamId })}
          options={teams.options}
          loading={teams.loading}
        />
        <FilterSelect
          label="Role"
          allLabel="Every role"
          value={state.roleId}
          onChange={(roleId) => update({ roleId })}
          options={roles.options}
          loading={roles.loading}
        />
        <Select
          label="Horizon"
          data={[...new Set([...HORIZONS, state.horizon])]
            .sort((a, b) => a - b)
            .map((months) => ({ value: String(months), label: `${months} months` }))}
          value={String(state.horizon)}
          onChange={(value) => update({ horizon: Number(value ?? 12) })}
          allowDeselect={false}
          w={{ base: '100%', sm: 140 }}
        />
        <Stack gap={4}>
          <Text size="sm" fw={500} id="cost-by-label">
            Close the gap by
          </Text>
          <SegmentedControl
            aria-labelledby="cost-by-label"
            value={state.costBy}
            onChange={(value) => update({ costBy: value === 'hours' ? 'hours' : 'cost' })}
            data={[
              { value: 'cost', label: 'Least cost' },
              { value: 'hours', label: 'Fewest hours' },
            ]}
          />
        </Stack>
      </Group>

      <Paper withBorder radius="md" p="md" component="section" aria-labelledby="forecast-summary-heading">
        <Stack gap="sm">
          <Text id="forecast-summary-heading" fw={600}>
            Shortfall by skill over {state.horizon} months
          </Text>
          {summary.isPending ? (
            <Stack role="status" aria-live="polite">
              <VisuallyHidden>Loading the shortfall by skill</VisuallyHidden>
              <Skeleton height={160} radius="sm" />
            </Stack>
          ) : summary.isError && !summary.data ? (
            <ErrorState
              error={summary.error}
              title="Could not load the forecast"
              onRetry={() => void summary.refetch()}
              retrying={summary.isFetching}
            />
          ) : summary.data.skills.length === 0 ? (
            <EmptyState
              title="No skill is required in this scope"
              description="Forecasts count the positions whose role requires a skill: add role requirements in the catalogue."
            />
          ) : (
            <ForecastSummaryTable
              skills={summary.data.skills}
              horizon={summary.data.horizon}
              selectedSkillId={skillId}
              onSelect={(id) => update({ skillId: id })}
            />
          )}
        </Stack>
      </Paper>

      {skillId === undefined ? null : (
        <Grid gap="md">
          <Grid.Col span={{ base: 12, lg: 8 }}>
            <Paper withBorder radius="md" p="md" component="section" aria-label={`Forecast of ${skillName}`}>
              {forecast.isPending ? (
                <Stack role="status" aria-live="polite">
                  <VisuallyHidden>Loading the forecast</VisuallyHidden>
                  <Skeleton height={300} radius="sm" />
                </Stack>
              ) : forecast.isError && !forecast.data ? (
                <ErrorState
                  error={forecast.error}
                  title="Could not load the forecast"
                  onRetry={() => void forecast.refetch()}
                  retrying={forecast.isFetching}
                />
              ) : chartData === null ? (
                <Text size="sm" c="dimmed">
                  Withheld for privacy: fewer than {format.settings.privacyMinGroup} positions in this scope.
                </Text>
              ) : (
                <Stack gap="sm">
                  <ForecastLineChart
                    title={`${forecast.data.skill.name}: demand and supply of qualified people`}
                    description={`Month ends from ${format.date(forecast.data.asOf)}; positions are people whose role requires the skill.`}
                    data={chartData}
                    scenarioLabel={scenarioLabel}
                  />
                  {assumptions ? (
                    <Text size="xs" c="dimmed" aria-live="polite">
                      {format.number(assumptions.positions)} positions, {format.number(assumptions.qualified)} qualified today,{' '}
                      {format.number(assumptions.inPipeline)} in training. Attrition {format.percent(assumptions.attrition)} a
                      year; renewal rate {format.percent(assumptions.renewalRate)}
                      {assumptions.renewalBasis === 'organisation'
                        ? ' (organisation-wide: few expiries of this skill)'
                        : ''}.{' '}
                      {assumptions.closingCredential
                        ? `Closing credential: ${assumptions.closingCredential.name} (${format.money(assumptions.closingCredential.cost)}, ${format.number(assumptions.closingCredential.hours, 1)} h).`
                        : 'No active credential grants the level required.'}
                      {forecast.data.scenario?.assumptions?.purchases !== undefined
                        ? ` The budget buys ${format.number(forecast.data.scenario.assumptions.purchases)} trainings.`
                        : ''}
                    </Text>
                  ) : null}
                </Stack>
              )}
            </Paper>
            {assumptions?.roles.length ? (
              // Beside the chart's region, not in it: that region holds the month table alone.
              <Paper withBorder radius="md" p="md" mt="md" component="section" aria-labelledby="role-assumptions-heading">
                <Stack gap="sm">
                  <Text id="role-assumptions-heading" fw={600}>
                    Assumptions by role
                  </Text>
                  <RoleAssumptionsTable
                    roles={assumptions.roles}
                    scenario={
                      forecast.data?.scenario && scenarioRoles
                        ? { roles: scenarioRoles, settings: forecast.data.scenario.settings }
                        : null
                    }
                  />
                </Stack>
              </Paper>
            ) : null}
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 4 }}>
            <Paper withBorder radius="md" p="md" component="section" aria-labelledby="scenario-heading">
              <Stack gap="md">
                <Text id="scenario-heading" fw={600}>
                  What if…
                </Text>
                <ScenarioControls
                  value={scenario}
                  onChange={setScenario}
                  roleOptions={roles.options}
                  months={forecast.data?.months.map((m) => m.month) ?? []}
                  baselineAttrition={assumptions?.attrition ?? 0}
                  roles={assumptions?.roles}
                />
                {canSave ? (
                  <SavedScenarios
                    settings={scenario}
                    selectedId={scenarioId}
                    onLoad={(saved, settings) => {
                      setScenarioId(saved?.id ?? null);
                      setScenarioName(saved?.name ?? null);
                      setScenario(settings);
                    }}
                  />
                ) : null}
              </Stack>
            </Paper>
          </Grid.Col>
          <Grid.Col span={12}>
            <Paper withBorder radius="md" p="md" component="section" aria-labelledby="backtest-heading">
              <Stack gap="sm">
                <Text id="backtest-heading" fw={600}>
                  How accurate is this? Backtest of the last 12 months
                </Text>
                <BacktestPanel backtest={backtest.data} loading={backtest.isPending} error={backtest.isError} />
              </Stack>
            </Paper>
          </Grid.Col>
        </Grid>
      )}
    </Stack>
  );
}

export default ForecastPage;
