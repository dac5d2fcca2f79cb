import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ForecastScenarioSettings } from '@skillgrid/shared';
import { ForecastLineChart } from '../../../components/charts/forecast-line-chart';
import { stubFetch } from '../../../testing/fetch-stub';
import { renderWithProviders } from '../../../testing/render';
import { forecastChartData } from '../utils/chart-data';
import { hasScenario } from '../utils/scenario';
import { makeBacktest, makeForecast, makeForecastMonths, makeSummary, makeSummarySkill } from '../testing/forecast-factories';
import { BacktestPanel } from './backtest-panel';
import { ForecastSummaryTable } from './forecast-summary-table';
import { ScenarioControls } from './scenario-controls';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe(ForecastLineChart.name, () => {
  it('describes the chart in words and shows the same numbers, with the scenario, as a table', async () => {
    stubFetch([]);
    const forecast = makeForecast({
      scenario: {
        id: null,
        name: null,
        settings: { attritionRate: 0 },
        months: makeForecastMonths(3, { supply: 9.5 }),
        assumptions: null,
      },
    });
    renderWithProviders(
      <ForecastLineChart title="Welding forecast" data={forecastChartData(forecast) ?? []} scenarioLabel="Scenario" />,
    );

    const figure = await screen.findByRole('figure', { name: 'Welding forecast' });
    expect(within(figure).getByRole('img').getAttribute('aria-label')).toMatch(/largest shortfall is 3 in/);
    expect(within(figure).getByText('Expiry cliff: still valid if nobody renews (dotted)')).toBeTruthy();
    fireEvent.click(within(figure).getByText('Table'));
    const table = within(figure).getByRole('table', { name: 'Welding forecast' });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(4);
    expect(within(rows[0]).getByRole('columnheader', { name: 'Scenario: supply' })).toBeTruthy();
    const cells = within(rows[1])
      .getAllByRole('cell')
      .map((cell) => cell.textContent);
    expect(cells).toEqual(['10', '8', '2', '20', '€400.00', '7', '10', '9.5', '2', '€400.00']);
  });

  it('withholds a suppressed forecast', () => {
    expect(forecastChartData(makeForecast({ suppressed: true }))).toBeNull();
  });
});

describe(ScenarioControls.name, () => {
  const roles = [{ value: '3', label: 'Welder' }];
  const months = ['2026-01-31', '2026-02-28'];

  it('turns the attrition override on at the computed rate and moves it with the slider', () => {
    stubFetch([]);
    const changes: ForecastScenarioSettings[] = [];
    renderWithProviders(
      <ScenarioControls
        value={{}}
        onChange={(v) => changes.push(v)}
        roleOptions={roles}
        months={months}
        baselineAttrition={0.12}
      />,
    );
    fireEvent.click(screen.getByRole('switch', { name: 'Override attrition for every role' }));
    expect(changes.at(-1)).toEqual({ attritionRate: 0.12 });
  });

  it('moves the slider with the keyboard once overriding', () => {
    stubFetch([]);
    const onChange = vi.fn();
    renderWithProviders(
      <ScenarioControls
        value={{ attritionRate: 0.2 }}
        onChange={onChange}
        roleOptions={roles}
        months={months}
        baselineAttrition={0.12}
      />,
    );
    const slider = screen.getByRole('slider', { name: 'Annual attrition' });
    expect(slider.getAttribute('aria-valuenow')).toBe('20');
    fireEvent.keyDown(slider, { key: 'ArrowRight' });
    expect(onChange).toHaveBeenLastCalledWith({ attritionRate: 0.21 });
  });

  it('adds a hiring change for the first role from the first month, and sets a budget', () => {
    stubFetch([]);
    const onChange = vi.fn();
    renderWithProviders(<ScenarioControls value={{}} onChange={onChange} roleOptions={roles} months={months} />);
    fireEvent.click(screen.getByRole('button', { name: 'Add a hiring change' }));
    expect(onChange).toHaveBeenLastCalledWith({ hiring: [{ roleId: 3, month: '2026-01', change: 1 }] });
    fireEvent.change(screen.getByRole('textbox', { name: /Extra training budget/ }), { target: { value: '5000' } });
    expect(onChange).toHaveBeenLastCalledWith({ budget: 5000 });
  });

  it('knows when settings change nothing', () => {
    expect(hasScenario({})).toBe(false);
    expect(hasScenario({ attritionRate: null, budget: 0, hiring: [] })).toBe(false);
    expect(hasScenario({ attritionRate: 0 })).toBe(true);
  });
});

describe(ForecastSummaryTable.name, () => {
  it('lists the shortfall by skill, withholds small groups and picks a skill', () => {
    stubFetch([]);
    const onSelect = vi.fn();
    const summary = makeSummary({
      skills: [makeSummarySkill(), makeSummarySkill({ skillId: 2, skillName: 'Payroll', suppressed: true, positions: null })],
    });
    renderWithProviders(<ForecastSummaryTable skills={summary.skills} horizon={12} onSelect={onSelect} />);
    const table = screen.getByRole('table', { name: 'Forecast shortfall by skill over 12 months' });
    const [, welding, payroll] = within(table).getAllByRole('row');
    expect(within(welding).getByText('10 / 5')).toBeTruthy();
    expect(within(welding).getByText('€1,000.00')).toBeTruthy();
    expect(within(payroll).getByText('Withheld: fewer than 5 positions')).toBeTruthy();
    expect((within(payroll).getByRole('button', { name: 'Show the forecast of Payroll' }) as HTMLButtonElement).disabled).toBe(
      true,
    );
    fireEvent.click(within(welding).getByRole('button', { name: 'Show the forecast of Welding' }));
    expect(onSelect).toHaveBeenCalledWith(1);
  });
});

describe(BacktestPanel.name, () => {
  it('puts the forecast’s error beside the naive forecast’s', () => {
    stubFetch([]);
    renderWithProviders(<BacktestPanel backtest={makeBacktest()} loading={false} />);
    expect(screen.getByRole('region', { name: 'Forecast error (MAPE)' }).textContent).toContain('3.1%');
    expect(screen.getByRole('region', { name: '“No change” error' }).textContent).toContain('18.1%');
    expect(screen.getByText('The forecast beat the naive “no change” forecast.')).toBeTruthy();
    expect(within(screen.getByRole('table', { name: 'Backtest by month' })).getAllByRole('row')).toHaveLength(3);
  });

  it('says when the backtest is withheld', () => {
    stubFetch([]);
    renderWithProviders(<BacktestPanel backtest={makeBacktest({ suppressed: true, skills: [] })} loading={false} />);
    expect(screen.getByText(/Withheld for privacy/)).toBeTruthy();
  });
});
