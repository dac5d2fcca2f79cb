import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import axe from 'axe-core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { stubFetch } from '../../testing/fetch-stub';
import { makeUser } from '../../testing/factories';
import { renderRoutes } from '../../testing/render';
import { callsTo, sessionRoutes } from '../../testing/session-stub';
import {
  makeBacktest,
  makeForecast,
  makeForecastMonths,
  makeScenario,
  makeSummary,
} from '../../features/forecast/testing/forecast-factories';
import { routes } from '../router';

afterEach(() => {
  vi.unstubAllGlobals();
});

function forecastRoutes() {
  return [
    { path: '/api/forecast/summary', body: makeSummary() },
    { path: '/api/forecast/backtest', body: makeBacktest() },
    { path: '/api/forecast/scenarios', body: [makeScenario()] },
    {
      path: '/api/forecast',
      reply: (url: URL) => {
        const scenario = url.searchParams.get('scenario');
        return makeForecast(
          scenario
            ? {
                scenario: {
                  id: null,
                  name: null,
                  settings: JSON.parse(scenario),
                  months: makeForecastMonths(3, { supply: 9 }),
                  assumptions: null,
                },
              }
            : {},
        );
      },
    },
  ];
}

async function seriousViolations(): Promise<string[]> {
  const results = await axe.run(document.body, { resultTypes: ['violations'] });
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} ${v.nodes.map((n) => n.html.slice(0, 200)).join(' | ')}`);
}

describe('ForecastPage', () => {
  it('gives an executive the workforce outlook, forecasting the skill with the largest shortfall', async () => {
    const { calls } = stubFetch([...sessionRoutes(makeUser({ role: 'exec', employeeId: null })), ...forecastRoutes()]);
    renderRoutes(routes, '/forecast');

    expect(await screen.findByRole('heading', { name: 'Workforce outlook' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Workforce outlook' }).getAttribute('href')).toBe('/forecast');
    expect(await screen.findByRole('figure', { name: 'Welding: demand and supply of qualified people' })).toBeTruthy();
    expect(screen.getByRole('table', { name: 'Forecast shortfall by skill over 12 months' })).toBeTruthy();
    expect(Object.fromEntries(callsTo(calls, '/api/forecast')[0])).toEqual({ skillId: '1', horizon: '12', costBy: 'cost' });
    expect(await screen.findByText('The forecast beat the naive “no change” forecast.')).toBeTruthy();
  });

  it('recalculates live when the attrition override moves, showing the scenario beside the baseline', async () => {
    const { calls } = stubFetch([...sessionRoutes(), ...forecastRoutes()]);
    renderRoutes(routes, '/forecast?skillId=1&horizon=3');

    const figure = await screen.findByRole('figure', { name: 'Welding: demand and supply of qualified people' });
    expect(within(figure).queryByText(/Scenario supply/)).toBeNull();
    fireEvent.click(screen.getByRole('switch', { name: 'Override attrition for every role' }));
    fireEvent.keyDown(screen.getByRole('slider', { name: 'Annual attrition' }), { key: 'ArrowRight' });

    await waitFor(() => expect(within(figure).getByText('Scenario supply (dashed)')).toBeTruthy());
    await expect(seriousViolations()).resolves.toEqual([]);
    const last = callsTo(calls, '/api/forecast').at(-1) ?? new URLSearchParams();
    expect(JSON.parse(last.get('scenario') ?? '{}')).toEqual({ attritionRate: 0.13 });
    expect(last.get('horizon')).toBe('3');
  });

  it('loads a saved scenario into the controls', async () => {
    const { calls } = stubFetch([...sessionRoutes(), ...forecastRoutes()]);
    renderRoutes(routes, '/forecast?skillId=1');
    await screen.findByRole('figure', { name: 'Welding: demand and supply of qualified people' });

    fireEvent.click(screen.getByRole('combobox', { name: 'Saved scenario' }));
    fireEvent.click(await screen.findByRole('option', { name: 'Hiring freeze' }));

    expect(await screen.findByRole('button', { name: 'Update “Hiring freeze”' })).toBeTruthy();
    expect(screen.getByRole('slider', { name: 'Annual attrition' }).getAttribute('aria-valuenow')).toBe('20');
    await waitFor(() =>
      expect(JSON.parse(callsTo(calls, '/api/forecast').at(-1)?.get('scenario') ?? '{}')).toEqual({ attritionRate: 0.2 }),
    );
  });
});
