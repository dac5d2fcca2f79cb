import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { ForecastRoleAssumptionDto, ForecastScenarioDto, ForecastScenarioSettings } from '@skillgrid/shared';
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

const WELDER: ForecastRoleAssumptionDto = {
  roleId: 3,
  roleName: 'Welder',
  requiredLevel: 3,
  headcount: 6,
  annualAttrition: 0.12,
  monthlyAttrition: 0.0106,
  attritionSource: 'computed',
};
const FITTER: ForecastRoleAssumptionDto = { ...WELDER, roleId: 4, roleName: 'Fitter', headcount: 4, annualAttrition: 0.08 };

/** The roles as the API reports them under a scenario: a role's own rate, else the one for every role. */
function rolesUnder(settings: ForecastScenarioSettings, roles: ForecastRoleAssumptionDto[]): ForecastRoleAssumptionDto[] {
  return roles.map((role) => {
    const rate = settings.roleAttrition?.find((o) => o.roleId === role.roleId)?.rate ?? settings.attritionRate ?? undefined;
    return rate === undefined ? role : { ...role, annualAttrition: rate, attritionSource: 'override' };
  });
}

function forecastRoutes({
  roles = [],
  scenarios = [makeScenario()],
}: { roles?: ForecastRoleAssumptionDto[]; scenarios?: ForecastScenarioDto[] } = {}) {
  const baseline = makeForecast();
  const assumptions = baseline.assumptions ? { ...baseline.assumptions, roles } : null;
  return [
    { path: '/api/forecast/summary', body: makeSummary() },
    { path: '/api/forecast/backtest', body: makeBacktest() },
    { path: '/api/forecast/scenarios', body: scenarios },
    {
      path: '/api/forecast',
      reply: (url: URL) => {
        const scenario = url.searchParams.get('scenario');
        const settings = scenario ? (JSON.parse(scenario) as ForecastScenarioSettings) : null;
        return makeForecast({
          assumptions,
          ...(settings
            ? {
                scenario: {
                  id: null,
                  name: null,
                  settings,
                  months: makeForecastMonths(3, { supply: 9 }),
                  assumptions: roles.length && assumptions ? { ...assumptions, roles: rolesUnder(settings, roles) } : null,
                },
              }
            : {}),
        });
      },
    },
  ];
}

function lastScenario(calls: Array<{ url: URL }>): unknown {
  return JSON.parse(callsTo(calls, '/api/forecast').at(-1)?.get('scenario') ?? '{}');
}

/** The rows of the assumptions table as text, cell by cell. */
function assumptionRows(): string[][] {
  const table = screen.getByRole('table', { name: 'Assumptions by role' });
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => Array.from(row.querySelectorAll('th, td')).map((cell) => cell.textContent ?? ''));
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

  it('overrides attrition role by role, live, drops a role’s override when it is removed, and saves the rest', async () => {
    const { calls } = stubFetch([
      ...sessionRoutes(),
      ...forecastRoutes({ roles: [WELDER, FITTER] }),
      {
        method: 'POST',
        path: '/api/forecast/scenarios',
        body: makeScenario({
          id: 9,
          name: 'Fitters leave',
          attritionRate: undefined,
          roleAttrition: [{ roleId: 4, rate: 0.08 }],
        }),
      },
    ]);
    renderRoutes(routes, '/forecast?skillId=1&horizon=3');
    await screen.findByRole('figure', { name: 'Welding: demand and supply of qualified people' });
    expect(assumptionRows()).toEqual([
      ['Welder', '3', '6', '12%', 'Computed from leavers'],
      ['Fitter', '3', '4', '8%', 'Computed from leavers'],
    ]);

    const pick = async (option: string) => {
      fireEvent.click(screen.getByRole('combobox', { name: 'Role to override' }));
      fireEvent.click(await screen.findByRole('option', { name: option }));
      fireEvent.click(screen.getByRole('button', { name: 'Add role override' }));
    };
    await pick('Welder · 12% now');
    fireEvent.change(screen.getByRole('textbox', { name: 'Attrition of Welder, percent a year' }), {
      target: { value: '30' },
    });
    // A role already overridden is not offered again.
    fireEvent.click(screen.getByRole('combobox', { name: 'Role to override' }));
    expect(screen.queryByRole('option', { name: 'Welder · 12% now' })).toBeNull();
    await pick('Fitter · 8% now');

    await waitFor(() =>
      expect(lastScenario(calls)).toEqual({
        roleAttrition: [
          { roleId: 3, rate: 0.3 },
          { roleId: 4, rate: 0.08 },
        ],
      }),
    );
    const list = screen.getByRole('list', { name: 'Attrition by role' });
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([expect.stringContaining('Welder'), expect.stringContaining('Fitter')]);
    await waitFor(() =>
      expect(assumptionRows()).toEqual([
        ['Welder', '3', '6', '12%', '30%', 'Set for this role'],
        ['Fitter', '3', '4', '8%', '8%', 'Set for this role'],
      ]),
    );
    await expect(seriousViolations()).resolves.toEqual([]);

    fireEvent.click(within(list).getByRole('button', { name: 'Remove the attrition of Welder' }));
    await waitFor(() => expect(lastScenario(calls)).toEqual({ roleAttrition: [{ roleId: 4, rate: 0.08 }] }));
    expect(screen.queryByRole('textbox', { name: 'Attrition of Welder, percent a year' })).toBeNull();
    await waitFor(() =>
      expect(assumptionRows()).toEqual([
        ['Welder', '3', '6', '12%', '12%', 'Computed from leavers'],
        ['Fitter', '3', '4', '8%', '8%', 'Set for this role'],
      ]),
    );

    fireEvent.change(screen.getByRole('textbox', { name: 'Save as' }), { target: { value: 'Fitters leave' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save scenario' }));
    await waitFor(() =>
      expect(calls.find((call) => call.method === 'POST' && call.url.pathname === '/api/forecast/scenarios')?.body).toEqual({
        name: 'Fitters leave',
        attritionRate: null,
        roleAttrition: [{ roleId: 4, rate: 0.08 }],
        hiring: [],
        budget: null,
      }),
    );
  });

  it('keeps the override for every role on the roles without their own', async () => {
    const { calls } = stubFetch([...sessionRoutes(), ...forecastRoutes({ roles: [WELDER, FITTER] })]);
    renderRoutes(routes, '/forecast?skillId=1&horizon=3');
    await screen.findByRole('figure', { name: 'Welding: demand and supply of qualified people' });

    fireEvent.click(screen.getByRole('switch', { name: 'Override attrition for every role' }));
    fireEvent.click(screen.getByRole('combobox', { name: 'Role to override' }));
    fireEvent.click(await screen.findByRole('option', { name: 'Fitter · 8% now' }));
    fireEvent.click(screen.getByRole('button', { name: 'Add role override' }));

    await waitFor(() => expect(lastScenario(calls)).toEqual({ attritionRate: 0.12, roleAttrition: [{ roleId: 4, rate: 0.08 }] }));
    await waitFor(() =>
      expect(assumptionRows()).toEqual([
        ['Welder', '3', '6', '12%', '12%', 'Set for every role'],
        ['Fitter', '3', '4', '8%', '8%', 'Set for this role'],
      ]),
    );
  });

  it('loads a saved scenario’s role overrides into the controls', async () => {
    const saved = makeScenario({
      id: 8,
      name: 'Welders leave',
      attritionRate: undefined,
      roleAttrition: [
        { roleId: 3, rate: 0.25 },
        { roleId: 4, rate: 0.05 },
      ],
    });
    const { calls } = stubFetch([
      ...sessionRoutes(),
      ...forecastRoutes({ roles: [WELDER, FITTER], scenarios: [makeScenario(), saved] }),
    ]);
    renderRoutes(routes, '/forecast?skillId=1');
    await screen.findByRole('figure', { name: 'Welding: demand and supply of qualified people' });
    expect(screen.queryByRole('list', { name: 'Attrition by role' })).toBeNull();

    fireEvent.click(screen.getByRole('combobox', { name: 'Saved scenario' }));
    fireEvent.click(await screen.findByRole('option', { name: 'Welders leave' }));

    expect(await screen.findByRole('button', { name: 'Update “Welders leave”' })).toBeTruthy();
    const list = screen.getByRole('list', { name: 'Attrition by role' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(2);
    expect((within(list).getByRole('textbox', { name: 'Attrition of Welder, percent a year' }) as HTMLInputElement).value).toBe(
      '25%',
    );
    expect((within(list).getByRole('textbox', { name: 'Attrition of Fitter, percent a year' }) as HTMLInputElement).value).toBe(
      '5%',
    );
    await waitFor(() =>
      expect(lastScenario(calls)).toEqual({
        roleAttrition: [
          { roleId: 3, rate: 0.25 },
          { roleId: 4, rate: 0.05 },
        ],
      }),
    );
  });
});
